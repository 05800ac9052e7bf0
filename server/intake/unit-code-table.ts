/**
 * Unit codes interned straight from a file's bytes: an open-addressing hash table over byte spans,
 * so that a code met again costs a hash and a byte comparison, and no string. The strings are made
 * once at the end, all together. The codes must be ASCII (the unit-code pattern, checked by the
 * caller), so that each byte is one character.
 *
 * @example const u = table.intern(from, to, hashOfBytes); … table.strings()[u]
 */

/** FNV-1a over bytes, as the scanner computes it while it reads a code: start, then one step per byte. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** Spreads FNV's bits (murmur3's finaliser), since sequential codes differ only in a byte or two. */
function mixed(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function grown(array: Int32Array, length: number): Int32Array {
  if (array.length >= length) return array;
  const next = new Int32Array(Math.max(length, array.length * 2));
  next.set(array);
  return next;
}

export class UnitCodeTable {
  /** Code index + 1 per slot, 0 for an empty slot; a power of two, at most half full. */
  private slots: Int32Array;
  private starts: Int32Array;
  private lengths: Int32Array;
  private hashes: Int32Array;
  /** Codes interned so far; a new code gets the next index. */
  count = 0;

  constructor(
    private readonly bytes: Uint8Array,
    expected: number,
  ) {
    let size = 1024;
    while (size < 2 * expected) size *= 2;
    this.slots = new Int32Array(size);
    const capacity = Math.max(16, expected);
    this.starts = new Int32Array(capacity);
    this.lengths = new Int32Array(capacity);
    this.hashes = new Int32Array(capacity);
  }

  /** The index of the code in bytes[from, to), whose FNV-1a hash is `hash`; a new one is added. */
  intern(from: number, to: number, hash: number): number {
    const { bytes, slots, starts, lengths, hashes } = this;
    const length = to - from;
    const h = mixed(hash);
    const mask = slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot] ?? 0;
      if (entry === 0) {
        const index = this.count;
        slots[slot] = index + 1;
        this.add(index, from, length, h);
        return index;
      }
      const index = entry - 1;
      if (hashes[index] === h && lengths[index] === length) {
        const start = starts[index] ?? 0;
        let k = 0;
        while (k < length && bytes[start + k] === bytes[from + k]) k += 1;
        if (k === length) return index;
      }
    }
  }

  private add(index: number, from: number, length: number, h: number): void {
    if (index === this.starts.length) {
      this.starts = grown(this.starts, index + 1);
      this.lengths = grown(this.lengths, index + 1);
      this.hashes = grown(this.hashes, index + 1);
    }
    this.starts[index] = from;
    this.lengths[index] = length;
    this.hashes[index] = h;
    this.count = index + 1;
    if (2 * this.count > this.slots.length) this.rehash();
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let index = 0; index < this.count; index += 1) {
      let slot = (this.hashes[index] ?? 0) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = index + 1;
    }
    this.slots = slots;
  }

  /** The codes as strings, by index: one buffer of all of them, decoded and split at once. */
  strings(): string[] {
    if (this.count === 0) return [];
    const { bytes, starts, lengths } = this;
    let total = this.count - 1;
    for (let index = 0; index < this.count; index += 1) total += lengths[index] ?? 0;
    const joined = Buffer.allocUnsafe(total);
    let at = 0;
    for (let index = 0; index < this.count; index += 1) {
      if (index > 0) joined[at++] = 10; // a line feed: never part of a code
      const start = starts[index] ?? 0;
      const end = start + (lengths[index] ?? 0);
      for (let k = start; k < end; k += 1) joined[at++] = bytes[k] ?? 0;
    }
    return joined.toString('latin1').split('\n');
  }
}
