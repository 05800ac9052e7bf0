/**
 * The report units whose search text (code and both names, lower-cased: report-units.ts) contains a
 * needle, as one mark per unit. The texts are joined once per context, so a search is one native
 * string scan instead of a test per unit (the ranking's search box runs over every unit of the level
 * on each request): a needle of printable Latin-1 characters (a code, an English name) over the texts'
 * Latin-1 runs, any other over the whole texts. A needle with a NUL, the joint, is tested unit by unit.
 *
 * @example searchMatches(context, 'wy03s01')[context.units.index.get('WY03S01C01') ?? -1] === 1
 */
import type { ReportContext } from '../context/report-context.js';

const JOINT = '\u0000';
/** The longest runs of printable Latin-1 characters; a needle with any other is looked for in the whole texts. */
const LATIN1_RUNS = /[ -\u00ff]+/g;
const OUTSIDE_RUNS = /[^ -\u00ff]/;

/** Pieces of the units' search texts joined into one text, in unit order. */
interface JoinedSearch {
  /** Where a needle starts in the joined text at or after `from`, or −1. */
  find(needle: string, from: number): number;
  /** Where each piece starts in the joined text, and one past the last piece. */
  readonly starts: Int32Array;
  /** The unit each piece belongs to. */
  readonly units: Int32Array;
}

function joinPieces(
  pieces: readonly string[],
  units: ArrayLike<number>,
): { text: string; starts: Int32Array; units: Int32Array } {
  const starts = new Int32Array(pieces.length + 1);
  let at = 0;
  pieces.forEach((piece, i) => {
    starts[i] = at;
    at += piece.length + JOINT.length;
  });
  starts[pieces.length] = at;
  return { text: pieces.join(JOINT) + JOINT, starts, units: Int32Array.from(units) };
}

/** Every unit's whole search text: where a needle beyond Latin-1 (Chinese, mostly) is looked for. */
function wholeTexts(context: ReportContext): JoinedSearch {
  return context.memo('searchJoined', () => {
    const { search } = context.units;
    const { text, starts, units } = joinPieces(
      search,
      Int32Array.from(search, (_, unit) => unit),
    );
    return { find: (needle, from) => text.indexOf(needle, from), starts, units };
  });
}

/**
 * The Latin-1 runs of every unit's search text (codes, English names, digits in Chinese names):
 * a needle of printable Latin-1 characters only can match nowhere else. They are kept as Latin-1 bytes,
 * which Buffer.indexOf scans about three times faster than V8 scans a string (a code search at
 * 100,000 communities: 2.4 ms as a string, 0.8 ms as bytes; 3.6 ms over the whole texts).
 */
function latin1Runs(context: ReportContext): JoinedSearch {
  return context.memo('searchLatin1', () => {
    const pieces: string[] = [];
    const owners: number[] = [];
    context.units.search.forEach((text, unit) => {
      for (const run of text.match(LATIN1_RUNS) ?? []) {
        pieces.push(run);
        owners.push(unit);
      }
    });
    const { text, starts, units } = joinPieces(pieces, owners);
    // One byte per character: positions in the bytes are positions in the text.
    const bytes = Buffer.from(text, 'latin1');
    return { find: (needle, from) => bytes.indexOf(needle, from, 'latin1'), starts, units };
  });
}

/** The piece holding position `at` (the last start ≤ at). */
function pieceAt(starts: Int32Array, at: number): number {
  let low = 0;
  let high = starts.length - 2;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The units whose search text contains the needle, in unit order (each once). */
export function searchMatchUnits(context: ReportContext, needle: string): number[] {
  const units: number[] = [];
  if (needle.includes(JOINT)) {
    context.units.search.forEach((text, unit) => {
      if (text.includes(needle)) units.push(unit);
    });
    return units;
  }
  const joined = OUTSIDE_RUNS.test(needle) ? wholeTexts(context) : latin1Runs(context);
  const { starts } = joined;
  // A match cannot cross a joint (the needle has none), so it lies within the piece it starts in.
  for (let at = joined.find(needle, 0); at >= 0;) {
    const piece = pieceAt(starts, at);
    const unit = joined.units[piece] ?? 0;
    if (units[units.length - 1] !== unit) units.push(unit);
    at = joined.find(needle, starts[piece + 1] ?? Number.MAX_SAFE_INTEGER);
  }
  return units;
}

/** One mark per unit of `count`: 1 for the units listed. */
export function matchMarks(units: readonly number[], count: number): Uint8Array {
  const found = new Uint8Array(count);
  for (const unit of units) found[unit] = 1;
  return found;
}

/** One mark per unit: 1 where its search text contains the needle. */
export function searchMatches(context: ReportContext, needle: string): Uint8Array {
  return matchMarks(searchMatchUnits(context, needle), context.units.search.length);
}
