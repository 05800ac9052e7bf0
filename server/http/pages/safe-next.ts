/**
 * Where the login page may send a user afterwards: a path on this site only. Absolute URLs,
 * scheme-relative "//host" and "/\host" (which browsers treat as "//host"), control characters and
 * anything that would resolve to another origin become "/"; so do the login and logout pages
 * themselves.
 *
 * @example localNext('/evaluations/e1?period=2025') === '/evaluations/e1?period=2025'
 * localNext('//evil.example/') === '/'; localNext('https://evil.example/') === '/'
 */
const BASE = 'http://zhili.invalid';

/** A backslash, a control character or DEL: browsers ignore or rewrite them in URLs. */
function unsafeCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || code === 0x5c) return true;
  }
  return false;
}

export function localNext(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length > 2000) return '/';
  if (!raw.startsWith('/') || raw.startsWith('//') || unsafeCharacter(raw)) return '/';
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE) return '/';
  if (url.pathname === '/login' || url.pathname === '/logout' || url.pathname === '/setup') return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
