/**
 * Diagnostics for reports, computed from a pipeline result (a pure function, run after runPipeline for
 * the results one wants to show): percentiles, ranks within the parent unit and within the peer group,
 * traffic lights from each indicator's thresholds, the weakest dimension and the three weakest
 * indicators with the change each needs to reach the peer-group median, and trend arrows against the
 * previous period. Lights and the pace needed use the target override that applies to each row
 * (targets that fit, server/engine/targets/). Invalid options are refused before any work.
 *
 * @example
 * const result = runPipeline(input, choices);
 * const d = diagnose(input, result, { peerGroup: 'urban_rural', trendHorizon: 5 });
 * d.weakest.indicator[row * 3] // the weakest indicator of that unit and period
 */
import { ValidationError } from '../../errors.js';
import { RowFlag } from '../flags.js';
import { logEntry, type LogEntry } from '../log.js';
import { ranksWithinGroups } from '../numeric/group-order.js';
import type { EngineResult } from '../result.js';
import { resolveTargetRows, type TargetRows } from '../targets/resolve-targets.js';
import { rowTargets, rowThresholds } from '../targets/row-targets.js';
import type { EngineIndicator, EngineInput } from '../types.js';
import { percentilesFromRanks } from './percentiles.js';
import { rowGroups, type RowGroups } from './row-groups.js';
import { trafficLights } from './traffic-lights.js';
import { indicatorTrends, scoreTrends } from './trends.js';
import { weakestDimensions, weakestIndicators, type WeakIndicators } from './weakest.js';

/** Periods in which a target should be reached, for trend arrows, unless chosen otherwise. */
export const TREND_HORIZON = 5;

export interface DiagnoseOptions {
  /** The unit attribute that defines peer groups (ranks and medians within the group); default: all units. */
  readonly peerGroup?: string;
  /** Periods in which a target should be reached, for trend arrows; default 5. */
  readonly trendHorizon?: number;
}

export interface Diagnostics {
  /** Per node: 0–100, the share of the other units in the period scoring at or below (NaN: no score). */
  readonly percentiles: ReadonlyMap<string, Float64Array>;
  /** Per node: the rank among the units with the same parent unit (when the units have parents). */
  readonly parentRanks: ReadonlyMap<string, Uint32Array> | undefined;
  /** Per node: the rank within the peer group (when a peer group is chosen). */
  readonly peerRanks: ReadonlyMap<string, Uint32Array> | undefined;
  /** Per indicator: TrafficLight codes from the raw values. */
  readonly lights: ReadonlyMap<string, Uint8Array>;
  /** The nodes whose children are indicators, among which the weakest dimension is chosen. */
  readonly leafDimensions: readonly string[];
  /** Per row: the position in `leafDimensions` of the lowest score, -1 when none. */
  readonly weakestDimension: Int32Array;
  /** Per row, three slots: the weakest indicators (positions in result.indicatorIds) and their gaps. */
  readonly weakest: WeakIndicators;
  /** Per indicator and node: Trend codes against the previous period. */
  readonly trends: ReadonlyMap<string, Uint8Array>;
  /** Per overridden indicator: per row, the position of the target override that applied (-1: none). */
  readonly targetRows: TargetRows;
  readonly log: readonly LogEntry[];
}

/** What diagnose reads of an indicator: its direction, thresholds and target. */
export type DiagnosedIndicator = Pick<EngineIndicator, 'id' | 'direction' | 'thresholds' | 'goalposts'>;

/** What diagnose reads of the input: the indicator definitions and the units' parents and attributes. */
export interface DiagnoseInput {
  readonly tree: { readonly indicators: readonly DiagnosedIndicator[] };
  readonly units: Pick<EngineInput['units'], 'parents' | 'attributes' | 'settlement' | 'level'>;
  /** Targets that fit: lights and the pace needed use the override that applies to each row. */
  readonly targetOverrides?: EngineInput['targetOverrides'];
}

/**
 * What diagnose reads of a result: a pipeline result, or one level of the roll-up laid out the same
 * way (server/engine/rollup/level-diagnostics.ts).
 */
export type DiagnoseSource = Pick<
  EngineResult,
  'periodIds' | 'unitCount' | 'rowCount' | 'indicatorIds' | 'nodeIds' | 'root' | 'ranks' | 'rowFlags'
> & {
  readonly raw: { readonly values: ReadonlyMap<string, Float64Array> };
  readonly normalised: { readonly values: ReadonlyMap<string, Float64Array> };
  readonly scores: { readonly values: ReadonlyMap<string, Float64Array> };
  readonly weights: ReadonlyMap<
    string,
    { readonly children: readonly string[]; readonly weights: ArrayLike<number> }
  >;
};

export function diagnose(
  input: DiagnoseInput,
  result: DiagnoseSource,
  options: DiagnoseOptions = {},
): Diagnostics {
  const horizon = options.trendHorizon ?? TREND_HORIZON;
  checkOptions(input, options, horizon);
  const periodCount = result.periodIds.length;
  const { unitCount, rowCount } = result;
  const indicatorById = new Map(input.tree.indicators.map((i) => [i.id, i]));
  const indicators = result.indicatorIds.map((id) => indicatorById.get(id)).filter((i) => i !== undefined);
  const score = (id: string): Float64Array =>
    result.scores.values.get(id) ?? new Float64Array(rowCount).fill(Number.NaN);

  const percentiles = new Map(
    result.nodeIds.map((id) => [
      id,
      percentilesFromRanks(result.ranks.get(id) ?? new Uint32Array(rowCount), unitCount, periodCount),
    ]),
  );
  const parents = input.units.parents;
  const byParent = parents === undefined ? undefined : rowGroups(parents, periodCount);
  const peerLabels =
    options.peerGroup === undefined ? undefined : input.units.attributes?.get(options.peerGroup);
  const byPeer = peerLabels === undefined ? undefined : rowGroups(peerLabels, periodCount);
  const ranksIn = (groups: RowGroups | undefined): Map<string, Uint32Array> | undefined =>
    groups === undefined
      ? undefined
      : new Map(result.nodeIds.map((id) => [id, ranksWithinGroups(score(id), groups.groups, groups.count)]));

  const overrides = input.targetOverrides ?? [];
  const targetRows = resolveTargetRows(overrides, input.units, unitCount, result.periodIds);
  const lights = new Map(
    indicators.map((i) => [
      i.id,
      trafficLights(
        result.raw.values.get(i.id) ?? new Float64Array(rowCount),
        i.thresholds,
        i.direction,
        rowThresholds(targetRows.get(i.id), overrides),
      ),
    ]),
  );
  const leafDimensions = result.nodeIds.filter((id) => {
    const children = result.weights.get(id)?.children ?? [];
    return children.length > 0 && children.every((child) => indicatorById.has(child));
  });
  const weakestDimension = weakestDimensions(leafDimensions.map(score), rowCount);
  const peers = byPeer ?? rowGroups(new Array<string>(unitCount).fill('all'), periodCount);
  const weakest = weakestIndicators(
    indicators.map((i) => ({
      normalised: result.normalised.values.get(i.id) ?? new Float64Array(rowCount).fill(Number.NaN),
      raw: keptRows(result, result.raw.values.get(i.id)),
      direction: i.direction,
    })),
    rowCount,
    peers.groups,
    peers.count,
  );
  const trends = new Map<string, Uint8Array>();
  for (const i of indicators) {
    const raw = result.raw.values.get(i.id) ?? new Float64Array(rowCount).fill(Number.NaN);
    const own = rowTargets(targetRows.get(i.id), overrides);
    trends.set(i.id, indicatorTrends(raw, unitCount, periodCount, i.direction, targetOf(i), horizon, own));
  }
  for (const id of result.nodeIds)
    trends.set(id, scoreTrends(score(id), unitCount, periodCount, band(score(id))));

  const log = [
    logEntry('diagnostics', 'diagnostics', {
      data: {
        peerGroup: options.peerGroup ?? null,
        trendHorizon: horizon,
        parentRanks: byParent !== undefined,
        leafDimensions,
      },
    }),
  ];
  return {
    percentiles,
    parentRanks: ranksIn(byParent),
    peerRanks: ranksIn(byPeer),
    lights,
    leafDimensions,
    weakestDimension,
    weakest,
    trends,
    targetRows,
    log,
  };
}

function checkOptions(input: DiagnoseInput, options: DiagnoseOptions, horizon: number): void {
  const problems: { where: string; message: string }[] = [];
  if (options.peerGroup !== undefined && input.units.attributes?.has(options.peerGroup) !== true) {
    const known = [...(input.units.attributes?.keys() ?? [])];
    problems.push({
      where: 'diagnostics.peerGroup',
      message: `the units have no attribute "${options.peerGroup}"; known: ${known.join(', ') || 'none'}`,
    });
  }
  if (!(horizon > 0) || !Number.isFinite(horizon)) {
    problems.push({
      where: 'diagnostics.trendHorizon',
      message: `must be a number of periods above 0, found ${horizon}`,
    });
  }
  if (problems.length > 0) {
    throw new ValidationError(
      `Diagnostics cannot run: ${problems.map((p) => `${p.where}: ${p.message}`).join('; ')}`,
      problems,
    );
  }
}

/** Raw values with the rows screened out of their period left out of peer medians. */
function keptRows(result: DiagnoseSource, raw: Float64Array | undefined): Float64Array {
  const values = raw ?? new Float64Array(result.rowCount).fill(Number.NaN);
  let copy: Float64Array | undefined;
  for (let row = 0; row < result.rowCount; row++) {
    if (((result.rowFlags[row] ?? 0) & RowFlag.ScreenedOut) === 0) continue;
    copy ??= values.slice();
    copy[row] = Number.NaN;
  }
  return copy ?? values;
}

function targetOf(indicator: DiagnosedIndicator): number | undefined {
  return indicator.goalposts?.target;
}

/** Half a percent of the spread of a node's scores: changes within it count as flat. */
function band(scores: Float64Array): number {
  let min = Infinity;
  let max = -Infinity;
  const length = scores.length;
  for (let i = 0; i < length; i++) {
    const v = scores[i] ?? Number.NaN;
    if (v !== v) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return max > min ? 0.005 * (max - min) : 0;
}
