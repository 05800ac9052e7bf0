/**
 * 32-bit FNV-1a hash of a text as 8 hex digits: a short, stable name for a cache key (not a
 * cryptographic hash).
 *
 * @example fnv1a('') === '811c9dc5'; fnv1a('a') === 'e40c292c'
 */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
