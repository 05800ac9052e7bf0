/**
 * Where one community stands in its self-evaluation (自主评价): from a pipeline run over that unit
 * alone (one row per period) and its diagnostics, per node and indicator and period the score, the
 * change against the period before, the trend arrow and traffic light the diagnostics gave, the
 * goalposts and green threshold that applied (target overrides included) and the distance to them in
 * the indicator's direction; the weakest dimension per period; and, in the latest scored period, the
 * indicators whose lift to their target (goalposts score 100) would raise the index most
 * (improvementOptions with the target in place of a peer median, so no other unit is read).
 *
 * @example
 * // one indicator x (floor 50, target 100, green 95), 2024 raw 60 → 2025 raw 70:
 * // normalised [20, 40], change [null, 10], toTarget [40, 30], toGreen [35, 25]
 */
import type { SelfIndicatorStanding, SelfNodeStanding, SelfStanding } from '../../domain/self-evaluation.js';
import { TRAFFIC_LIGHTS, TRENDS } from '../diagnostics/codes.js';
import type { Diagnostics } from '../diagnostics/diagnose.js';
import { improvementOptions } from '../diagnostics/improvements/improvement-options.js';
import type { NodeWeights } from '../diagnostics/improvements/score-tree.js';
import type { EngineResult } from '../result.js';
import type { EngineIndicator, EngineInput, Goalposts, Thresholds } from '../types.js';

/** The top of the goalposts range: an indicator at its target scores this. */
const TARGET_SCORE = 100;

const finite = (v: number | undefined): number | null => (v !== undefined && Number.isFinite(v) ? v : null);

function changes(values: readonly (number | null)[]): (number | null)[] {
  return values.map((v, p) => {
    const before = p === 0 ? null : values[p - 1];
    return v === null || before === null || before === undefined ? null : v - before;
  });
}

/** How far `value` is short of `goal` in the direction (0 once reached). */
function shortOf(value: number | null, goal: number | null, direction: 1 | -1): number | null {
  if (value === null || goal === null) return null;
  return Math.max(0, (goal - value) * direction);
}

function column(values: ReadonlyMap<string, Float64Array>, id: string, rows: number): (number | null)[] {
  const source = values.get(id);
  return Array.from({ length: rows }, (_, row) => finite(source?.[row]));
}

function codes(names: readonly string[], source: Uint8Array | undefined, rows: number): string[] {
  return Array.from({ length: rows }, (_, row) => names[source?.[row] ?? 0] ?? 'none');
}

function indicatorStanding(
  input: EngineInput,
  result: EngineResult,
  diagnostics: Diagnostics,
  indicator: EngineIndicator,
): SelfIndicatorStanding {
  const rows = result.rowCount;
  const overrides = input.targetOverrides ?? [];
  const applied = diagnostics.targetRows.get(indicator.id);
  const goalpostsAt = (row: number): Goalposts | undefined =>
    overrides[applied?.[row] ?? -1]?.goalposts ?? indicator.goalposts;
  const thresholdsAt = (row: number): Thresholds | undefined =>
    overrides[applied?.[row] ?? -1]?.thresholds ?? indicator.thresholds;
  const raw = column(result.raw.values, indicator.id, rows);
  const floor = raw.map((_, row) => finite(goalpostsAt(row)?.floor));
  const target = raw.map((_, row) => finite(goalpostsAt(row)?.target));
  const green = raw.map((_, row) => finite(thresholdsAt(row)?.green));
  return {
    id: indicator.id,
    parent: indicator.parent,
    direction: indicator.direction,
    raw,
    normalised: column(result.normalised.values, indicator.id, rows),
    change: changes(raw),
    light: codes(TRAFFIC_LIGHTS, diagnostics.lights.get(indicator.id), rows),
    trend: codes(TRENDS, diagnostics.trends.get(indicator.id), rows),
    floor,
    target,
    toTarget: raw.map((v, row) => shortOf(v, target[row] ?? null, indicator.direction)),
    green,
    toGreen: raw.map((v, row) => shortOf(v, green[row] ?? null, indicator.direction)),
  };
}

function nodeStanding(result: EngineResult, diagnostics: Diagnostics, id: string): SelfNodeStanding {
  const score = column(result.scores.values, id, result.rowCount);
  return {
    id,
    score,
    change: changes(score),
    trend: codes(TRENDS, diagnostics.trends.get(id), result.rowCount),
  };
}

function improvementsAt(result: EngineResult, row: number): SelfStanding['improvements'] {
  const weights: Record<string, NodeWeights[string]> = {};
  for (const [node, spec] of result.weights)
    weights[node] = { children: spec.children, weights: Array.from(spec.weights) };
  const score = result.scores.values.get(result.root)?.[row] ?? Number.NaN;
  return improvementOptions({
    weights,
    order: result.nodeIds,
    root: result.root,
    method: result.choices.aggregation.method,
    indicators: result.indicatorIds,
    normalised: (id) => result.normalised.values.get(id)?.[row] ?? Number.NaN,
    peerMedian: () => TARGET_SCORE,
    score,
    rank: 1,
    ranking: Float64Array.of(score),
  }).map((o) => ({
    indicator: o.indicator,
    from: o.from,
    to: o.to,
    scoreGain: o.scoreGain,
    newScore: o.newScore,
  }));
}

/** `input` and `result` hold one unit only (a row per period); throws otherwise. */
export function selfStanding(
  input: EngineInput,
  result: EngineResult,
  diagnostics: Diagnostics,
): SelfStanding {
  if (result.unitCount !== 1)
    throw new RangeError(`a self-evaluation scores one unit, not ${result.unitCount}`);
  const byId = new Map(input.tree.indicators.map((i) => [i.id, i]));
  const indicators = result.indicatorIds
    .map((id) => byId.get(id))
    .filter((i) => i !== undefined)
    .map((i) => indicatorStanding(input, result, diagnostics, i));
  const index = result.scores.values.get(result.root);
  let latest = -1;
  for (let row = result.rowCount - 1; row >= 0 && latest < 0; row--)
    if (Number.isFinite(index?.[row] ?? Number.NaN)) latest = row;
  return {
    periods: [...result.periodIds],
    root: result.root,
    nodes: result.nodeIds.map((id) => nodeStanding(result, diagnostics, id)),
    indicators,
    leafDimensions: [...diagnostics.leafDimensions],
    weakestDimension: Array.from(diagnostics.weakestDimension, (d) => diagnostics.leafDimensions[d] ?? null),
    improvementPeriod: latest < 0 ? null : (result.periodIds[latest] ?? null),
    improvements: latest < 0 ? [] : improvementsAt(result, latest),
  };
}
