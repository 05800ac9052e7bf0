/**
 * JSON text written and read in pieces, so that a value whose text passes V8's longest string
 * (about 512 MiB: the results of a 100,000-community evaluation are 1.3 GB) can still be stored
 * and read back. The writer yields the bytes of exactly `JSON.stringify(value)`, but stringifies
 * only subtrees whose text is at most `bound` characters: a larger object or array is opened and
 * written member by member, its small members in runs. It also returns an index of where each
 * run and each opened container lies in the text, with which the reader parses the text run by
 * run and puts the value back together in the same order.
 *
 * Values are plain JSON (what assertStorableJson accepts: plain objects, arrays, strings, finite
 * numbers, booleans, null). Objects are opened in Object.keys order, which is the order
 * JSON.stringify writes; undefined members and values with toJSON are handled as JSON.stringify
 * does, but only plain JSON is promised to round-trip.
 *
 * @example
 * const written = writeJsonPieces(value, 1024); // [...written.pieces] then written.index()
 * parseJsonPieces(text, index) // deep-equal JSON.parse(text), no string over ~1 KB built
 */

/**
 * Where a value lies in the text: [start, end) in bytes. With a third element the value is an
 * opened container and these are its parts in order, separated by one comma each: in an array a
 * run of elements [s, e] or an opened element [s, e, parts]; in an object a run of members
 * [s, e] or an opened member [s, e, parts] whose value lies at [s, e) and whose key ("key":)
 * fills the gap before it.
 */
export type PieceIndex = readonly [number, number] | readonly [number, number, readonly PieceIndex[]];

/** Longest piece of text written or parsed at once: small beside V8's limit, large enough to cost nothing. */
export const PIECE_CHARS = 1024 * 1024;

/** Longest JSON text of a finite number ("-1.7976931348623157e+308"). */
const NUMBER_CHARS = 24;

function openable(value: unknown): value is Record<string, unknown> | unknown[] {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/**
 * An upper bound of the text's length (in characters and in UTF-8 bytes alike: a character
 * escapes to at most 6), or Infinity as soon as it passes `budget`; cheap beside stringifying.
 */
function sizeWithin(value: unknown, budget: number): number {
  if (typeof value === 'number') return NUMBER_CHARS;
  if (typeof value === 'string') return 2 + 6 * value.length;
  if (value === null || omitted(value)) return 4;
  if (typeof value === 'boolean') return 5;
  // Left to JSON.stringify: toJSON (never in stored results, which are plain JSON).
  if (!openable(value)) return Buffer.byteLength(JSON.stringify(value));
  let size = 2;
  if (Array.isArray(value)) {
    for (const item of value) {
      size += 1 + sizeWithin(item, budget - size);
      if (size > budget) return Infinity;
    }
    return size;
  }
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (omitted(item)) continue;
    size += 4 + 6 * key.length + sizeWithin(item, budget - size);
    if (size > budget) return Infinity;
  }
  return size;
}

/** The members of a container being written in runs. */
interface Members {
  readonly count: number;
  value(i: number): unknown;
  /** What comes before the value: '"key":' in an object, nothing in an array. */
  head(i: number): string;
  /** An upper bound of the head's length. */
  headSize(i: number): number;
  /** The text of members from..to-1 with their commas. */
  run(from: number, to: number): string;
}

export interface WrittenPieces {
  /** The text in order; each piece is UTF-8 of a string of at most the bound's length. */
  readonly pieces: Generator<Buffer, void, undefined>;
  /** Where the runs lie; complete once `pieces` is exhausted. */
  index(): PieceIndex;
}

/** Writes `value` as JSON in pieces of at most `bound` characters (but for a lone string or key longer than a sixth of it). */
export function writeJsonPieces(value: unknown, bound: number = PIECE_CHARS): WrittenPieces {
  let offset = 0;
  let root: PieceIndex | undefined;
  // A run is parsed with its brackets around it: leave room for them.
  const budget = bound - 2;

  function piece(text: string): Buffer {
    const bytes = Buffer.from(text, 'utf8');
    offset += bytes.length;
    return bytes;
  }

  function* write(item: unknown): Generator<Buffer, PieceIndex, undefined> {
    const start = offset;
    if (!openable(item) || sizeWithin(item, budget) <= budget) {
      yield piece(JSON.stringify(item));
      return [start, offset];
    }
    const parts: PieceIndex[] = [];
    if (Array.isArray(item)) {
      yield piece('[');
      yield* runs(parts, {
        count: item.length,
        value: (i) => item[i],
        head: () => '',
        headSize: () => 0,
        // JSON.stringify writes holes and undefined elements as null, as it would in the whole array.
        run: (from, to) => JSON.stringify(item.slice(from, to)).slice(1, -1),
      });
      yield piece(']');
    } else {
      const keys = Object.keys(item).filter((key) => !omitted(item[key]));
      const keyAt = (i: number): string => keys[i] ?? '';
      const head = (i: number): string => `${JSON.stringify(keyAt(i))}:`;
      yield piece('{');
      yield* runs(parts, {
        count: keys.length,
        value: (i) => item[keyAt(i)],
        head,
        headSize: (i) => 3 + 6 * keyAt(i).length,
        run: (from, to) => {
          const members: string[] = [];
          for (let i = from; i < to; i += 1) members.push(head(i) + JSON.stringify(item[keyAt(i)]));
          return members.join(',');
        },
      });
      yield piece('}');
    }
    return [start, offset, parts];
  }

  /** The members of an opened container: small ones in runs, large ones opened in turn. */
  function* runs(parts: PieceIndex[], members: Members): Generator<Buffer, void, undefined> {
    // A member's size: its key ("key": when in an object), its value and a comma.
    const sizeOf = (i: number, within: number): number =>
      members.headSize(i) + 1 + sizeWithin(members.value(i), within);
    let from = 0;
    while (from < members.count) {
      if (from > 0) yield piece(',');
      const value = members.value(from);
      const valueSize = sizeWithin(value, budget);
      // Opened only when the value itself is too long, so that write() opens it too.
      if (valueSize > budget && openable(value)) {
        yield piece(members.head(from));
        parts.push(yield* write(value));
        from += 1;
        continue;
      }
      let size = members.headSize(from) + 1 + valueSize;
      let to = from + 1;
      while (to < members.count) {
        const next = sizeOf(to, budget - size);
        if (size + next > budget) break;
        size += next;
        to += 1;
      }
      const start = offset;
      yield piece(members.run(from, to));
      parts.push([start, offset]);
      from = to;
    }
  }

  return {
    pieces: (function* () {
      root = yield* write(value);
    })(),
    index() {
      if (root === undefined) throw new Error('the pieces were not all written');
      return root;
    },
  };
}

const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const COMMA = 0x2c;
const COLON = 0x3a;

/** Raised when an index does not describe the text it came with. */
export class PieceIndexError extends Error {}

function asIndex(value: unknown, length: number): PieceIndex {
  const ok =
    Array.isArray(value) &&
    (value.length === 2 || (value.length === 3 && Array.isArray(value[2]) && value[2].length > 0)) &&
    Number.isSafeInteger(value[0]) &&
    Number.isSafeInteger(value[1]) &&
    0 <= (value[0] as number) &&
    (value[0] as number) < (value[1] as number) &&
    (value[1] as number) <= length;
  if (!ok) throw new PieceIndexError(`bad piece ${JSON.stringify(value).slice(0, 80)}`);
  return value as unknown as PieceIndex;
}

/** Adds a member as JSON.parse does: an own property even for "__proto__", a repeated key keeps its place. */
function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

function parseIndexed(text: Buffer, node: PieceIndex): unknown {
  const [start, end, parts] = node;
  if (parts === undefined) return JSON.parse(text.toString('utf8', start, end));
  const isArray = text[start] === OPEN_ARRAY;
  if ((!isArray && text[start] !== OPEN_OBJECT) || text[end - 1] !== (isArray ? CLOSE_ARRAY : CLOSE_OBJECT)) {
    throw new PieceIndexError(`no container at ${start}`);
  }
  let items: unknown[] = [];
  const members: Record<string, unknown> = {};
  let at = start + 1;
  parts.forEach((raw, p) => {
    if (p > 0 && text[at++] !== COMMA) throw new PieceIndexError(`no comma at ${at - 1}`);
    const part = asIndex(raw, end - 1);
    const [from, to, inner] = part;
    if (inner === undefined) {
      if (from !== at) throw new PieceIndexError(`a gap before ${from}`);
      // A run's text is elements or members with their commas: parsed inside brackets.
      const run = text.toString('utf8', from, to);
      if (isArray) {
        const parsed = JSON.parse(`[${run}]`) as unknown[];
        // The first run's array is kept as it is: no copy for an array of one run.
        if (items.length === 0) items = parsed;
        else for (const item of parsed) items.push(item);
      } else {
        const parsed = JSON.parse(`{${run}}`) as Record<string, unknown>;
        for (const key of Object.keys(parsed)) setMember(members, key, parsed[key]);
      }
    } else if (isArray) {
      if (from !== at) throw new PieceIndexError(`a gap before ${from}`);
      items.push(parseIndexed(text, part));
    } else {
      if (from - 1 <= at || text[from - 1] !== COLON) throw new PieceIndexError(`no key before ${from}`);
      const key: unknown = JSON.parse(text.toString('utf8', at, from - 1));
      if (typeof key !== 'string') throw new PieceIndexError(`no key before ${from}`);
      setMember(members, key, parseIndexed(text, part));
    }
    at = to;
  });
  if (at !== end - 1) throw new PieceIndexError(`the parts of ${start} end at ${at}, not ${end - 1}`);
  return isArray ? items : members;
}

/**
 * Parses `text`, which writeJsonPieces wrote with `index`: deep-equal to JSON.parse(text), keys in
 * the same order, without a string longer than the writer's bound. The index is checked against
 * the text (every run and key in its place, the commas between), so a wrong one fails here
 * instead of giving another value.
 */
export function parseJsonPieces(text: Buffer, index: unknown): unknown {
  const root = asIndex(index, text.length);
  if (root[0] !== 0 || root[1] !== text.length) throw new PieceIndexError('the index does not span the text');
  return parseIndexed(text, root);
}

/** The UTF-8 of JSON.stringify(value), which may pass V8's longest string (a Buffer may hold up to 4 GiB). */
export function jsonBytes(value: unknown, bound: number = PIECE_CHARS): Buffer {
  return Buffer.concat([...writeJsonPieces(value, bound).pieces]);
}
