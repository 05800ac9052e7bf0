/**
 * The report units whose search text (code and both names, lower-cased: report-units.ts) contains a
 * needle, as one mark per unit. The texts are joined once per context, so a search is one native
 * string scan instead of a test per unit (the ranking's search box runs over every unit of the level
 * on each request). A needle with a NUL, the joint, is tested unit by unit.
 *
 * @example searchMatches(context, 'wy03s01')[context.units.index.get('WY03S01C01') ?? -1] === 1
 */
import type { ReportContext } from '../context/report-context.js';

const JOINT = '\u0000';

interface JoinedSearch {
  readonly text: string;
  /** Where each unit's text starts in `text`, and one past the last unit. */
  readonly starts: Int32Array;
}

function joined(context: ReportContext): JoinedSearch {
  return context.memo('searchJoined', () => {
    const { search } = context.units;
    const starts = new Int32Array(search.length + 1);
    let at = 0;
    search.forEach((text, unit) => {
      starts[unit] = at;
      at += text.length + JOINT.length;
    });
    starts[search.length] = at;
    return { text: search.join(JOINT) + JOINT, starts };
  });
}

/** The unit whose text holds position `at` (the last start ≤ at). */
function unitAt(starts: Int32Array, at: number): number {
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
  const { search } = context.units;
  const units: number[] = [];
  if (needle.includes(JOINT)) {
    search.forEach((text, unit) => {
      if (text.includes(needle)) units.push(unit);
    });
    return units;
  }
  const { text, starts } = joined(context);
  // A match cannot cross a joint (the needle has none), so it lies within the unit it starts in.
  for (let at = text.indexOf(needle); at >= 0;) {
    const unit = unitAt(starts, at);
    units.push(unit);
    at = text.indexOf(needle, starts[unit + 1] ?? text.length);
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
