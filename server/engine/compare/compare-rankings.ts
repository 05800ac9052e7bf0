/**
 * How far the rankings of two or three evaluations of the same units agree (COINr's compare_coins
 * is the model): per unit the rank shift and the score change from the first evaluation to each
 * other one, the biggest movers up and down, and for every pair of evaluations Spearman's ρ and
 * Kendall's τ-b over the units ranked in both. An evaluator uses it to show that a ranking is
 * robust to the method (variants, versions, or two frameworks over the same units).
 *
 * Every column lists the same units in the same order; a unit absent from an evaluation, or present
 * but unranked, has a NaN score and a NaN (or 0) rank there. The shift is rank in the first minus
 * rank in the other, so a positive shift is a move up (rank 5 → rank 2 is +3).
 *
 * @example
 * compareRankings([
 *   { scores: [90, 80, 70], ranks: [1, 2, 3] },
 *   { scores: [75, 85, 70], ranks: [2, 1, 3] },
 * ]).shifts[0].rankShifts // Float64Array [-1, 1, 0]
 */
import { spearman } from '../audit/spearman.js';
import { kendallTauB } from './kendall.js';

export interface RankedColumn {
  /** Per unit: the score, NaN where the unit is absent. */
  readonly scores: ArrayLike<number>;
  /** Per unit: the rank (1 = best), NaN or 0 where the unit is absent or unranked. */
  readonly ranks: ArrayLike<number>;
}

export interface Mover {
  /** The unit's position in the columns. */
  readonly unit: number;
  readonly shift: number;
}

export interface ShiftFromFirst {
  /** The position of the other evaluation among the columns (1 or 2). */
  readonly against: number;
  /** Rank in the first minus rank in the other (positive = moved up); NaN unless ranked in both. */
  readonly rankShifts: Float64Array;
  /** Score in the other minus score in the first; NaN unless scored in both. */
  readonly scoreChanges: Float64Array;
  /** The largest positive shifts, largest first, ties by unit position. */
  readonly up: readonly Mover[];
  /** The largest negative shifts, most negative first, ties by unit position. */
  readonly down: readonly Mover[];
}

export interface RankAgreement {
  readonly a: number;
  readonly b: number;
  /** Units ranked in both. */
  readonly n: number;
  /** Spearman's ρ: Pearson correlation of the average ranks (ties share the mean rank); NaN if n < 2. */
  readonly spearman: number;
  /** Kendall's τ-b with the tie correction; NaN if n < 2. */
  readonly kendall: number;
}

export interface RankingComparison {
  readonly unitCount: number;
  /** One per evaluation after the first, in order. */
  readonly shifts: readonly ShiftFromFirst[];
  /** One per pair a < b: (0,1), (0,2), (1,2). */
  readonly agreement: readonly RankAgreement[];
}

export interface CompareOptions {
  /** How many movers to list each way (10). */
  readonly movers?: number;
}

export const DEFAULT_MOVERS = 10;

export function compareRankings(
  columns: readonly RankedColumn[],
  options: CompareOptions = {},
): RankingComparison {
  const first = columns[0];
  if (first === undefined) return { unitCount: 0, shifts: [], agreement: [] };
  const unitCount = first.ranks.length;
  for (const column of columns) {
    if (column.ranks.length !== unitCount || column.scores.length !== unitCount) {
      throw new RangeError('compareRankings: every column must list the same units');
    }
  }
  const moverCount = options.movers ?? DEFAULT_MOVERS;
  const ranks = columns.map((column) => rankColumn(column.ranks));
  const shifts = columns.slice(1).map((column, k) => {
    const against = k + 1;
    const rankShifts = difference(ranks[0] ?? new Float64Array(0), ranks[against] ?? new Float64Array(0));
    const scoreChanges = difference(column.scores, first.scores);
    return {
      against,
      rankShifts,
      scoreChanges,
      up: largest(rankShifts, 1, moverCount),
      down: largest(rankShifts, -1, moverCount),
    };
  });
  const agreement: RankAgreement[] = [];
  for (let a = 0; a < ranks.length; a++) {
    for (let b = a + 1; b < ranks.length; b++) {
      const x = ranks[a] ?? new Float64Array(0);
      const y = ranks[b] ?? new Float64Array(0);
      agreement.push({ a, b, n: rankedInBoth(x, y), spearman: spearman(x, y), kendall: kendallTauB(x, y) });
    }
  }
  return { unitCount, shifts, agreement };
}

/** Ranks as doubles, NaN where the unit has no rank (NaN, 0 or negative). */
function rankColumn(ranks: ArrayLike<number>): Float64Array {
  const out = new Float64Array(ranks.length);
  for (let i = 0; i < ranks.length; i++) {
    const r = ranks[i] ?? Number.NaN;
    out[i] = r > 0 ? r : Number.NaN;
  }
  return out;
}

/** a − b per unit (NaN where either is missing). */
function difference(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] ?? Number.NaN) - (b[i] ?? Number.NaN);
  return out;
}

function rankedInBoth(x: Float64Array, y: Float64Array): number {
  let n = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === x[i] && y[i] === y[i]) n++;
  return n;
}

/**
 * The `count` shifts furthest in the given direction (sign · shift > 0), furthest first, ties by unit
 * position: one pass keeping a small sorted buffer, so 600,000 units cost no sort.
 */
function largest(shifts: Float64Array, sign: 1 | -1, count: number): Mover[] {
  const best: Mover[] = [];
  if (count <= 0) return best;
  for (let unit = 0; unit < shifts.length; unit++) {
    const shift = shifts[unit] ?? Number.NaN;
    const size = sign * shift;
    if (!(size > 0)) continue;
    const last = best[best.length - 1];
    // Later units lose ties, so a unit only enters when strictly further than the last kept.
    if (best.length === count && last !== undefined && !(size > sign * last.shift)) continue;
    let at = best.length;
    while (at > 0 && size > sign * (best[at - 1]?.shift ?? 0)) at--;
    best.splice(at, 0, { unit, shift });
    if (best.length > count) best.pop();
  }
  return best;
}
