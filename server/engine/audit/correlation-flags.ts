/**
 * Flags pairs of indicators inside one dimension (the same parent node) whose Pearson correlation
 * suggests double counting (|r| above `high`, 0.9 by default) or that they pull the dimension apart
 * (r below `low`, −0.4 by default), as COINr's get_corr_flags does at grouping level 2.
 *
 * @example correlationFlags(pairs, parents) // [{ node: 'Physical', a: 'x', b: 'y', r: 0.95, flag: 'double_counting' }]
 */
import type { CorrelationPair } from './correlation-matrix.js';

export type CorrelationFlagKind = 'double_counting' | 'pulling_apart';

export interface CorrelationFlag {
  readonly node: string;
  readonly a: string;
  readonly b: string;
  readonly r: number;
  readonly flag: CorrelationFlagKind;
}

export interface FlagThresholds {
  readonly high: number;
  readonly low: number;
}

export const defaultFlagThresholds: FlagThresholds = { high: 0.9, low: -0.4 };

export function correlationFlags(
  pairs: readonly CorrelationPair[],
  parents: ReadonlyMap<string, string>,
  thresholds: FlagThresholds = defaultFlagThresholds,
): CorrelationFlag[] {
  const flags: CorrelationFlag[] = [];
  for (const { a, b, pearson: r } of pairs) {
    const node = parents.get(a);
    if (node === undefined || node !== parents.get(b) || r !== r) continue;
    if (Math.abs(r) > thresholds.high) flags.push({ node, a, b, r, flag: 'double_counting' });
    else if (r < thresholds.low) flags.push({ node, a, b, r, flag: 'pulling_apart' });
  }
  return flags;
}
