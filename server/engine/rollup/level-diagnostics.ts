/**
 * Diagnostics for every level of the roll-up (streets, districts, the city) by the same rules as for
 * the scored units: each level is laid out as a result of its own (rows = period × the level's
 * codes) and handed to diagnose(), so percentiles, ranks within the parent and the peer group,
 * traffic lights, trends, the weakest dimension and the weakest indicators have one definition at
 * every level. A level's parents come from `units.ancestors`; its peer groups from `peerLabels`; its
 * level name and settlement (for target overrides) from `unitLevels` and `unitSettlements`.
 *
 * @example
 * const rollup = rollUp(input, result);
 * levelSources(input, result, rollup)[0] // the streets, as diagnose() and levelFigures() read them
 * diagnoseLevels(input, result, rollup, { peerGroup: 'peer_group', peerLabels })[0].percentiles
 */
import {
  diagnose,
  type DiagnoseInput,
  type DiagnoseOptions,
  type DiagnoseSource,
  type Diagnostics,
} from '../diagnostics/diagnose.js';
import type { EngineResult } from '../result.js';
import type { EngineInput, Settlement } from '../types.js';
import type { Rollup, RollupLevelResult } from './roll-up.js';

export interface LevelDiagnosticsOptions extends DiagnoseOptions {
  /** The peer-group label of each unit above the scored ones, by code (read with `peerGroup`). */
  readonly peerLabels?: ReadonlyMap<string, string>;
  /** The level name of each unit above the scored ones, by code (matched by target overrides' `level`). */
  readonly unitLevels?: ReadonlyMap<string, string>;
  /** Urban or rural, by code, for the units above the scored ones (matched by target overrides). */
  readonly unitSettlements?: ReadonlyMap<string, Settlement>;
}

/** One roll-up level as diagnose() reads a result, and its units as diagnose() reads the input. */
export interface LevelSource {
  readonly input: DiagnoseInput;
  readonly source: DiagnoseSource;
}

function emptyColumns(ids: readonly string[], rows: number): Map<string, Float64Array> {
  return new Map(ids.map((id) => [id, new Float64Array(rows).fill(Number.NaN)]));
}

function levelSource(
  input: EngineInput,
  result: EngineResult,
  level: RollupLevelResult,
  options: LevelDiagnosticsOptions,
): LevelSource {
  const unitCount = level.codes.length;
  const rowCount = unitCount * result.periodIds.length;
  const attributes = new Map<string, (string | undefined)[]>();
  if (options.peerGroup !== undefined)
    attributes.set(
      options.peerGroup,
      level.codes.map((code) => options.peerLabels?.get(code)),
    );
  const levelName = level.codes[0] === undefined ? undefined : options.unitLevels?.get(level.codes[0]);
  return {
    input: {
      tree: input.tree,
      units: {
        parents: level.codes.map((code) => input.units.ancestors?.get(code)),
        attributes,
        ...(levelName === undefined ? {} : { level: levelName }),
        ...(options.unitSettlements === undefined
          ? {}
          : { settlement: level.codes.map((code) => options.unitSettlements?.get(code)) }),
      },
      ...(input.targetOverrides === undefined ? {} : { targetOverrides: input.targetOverrides }),
    },
    source: {
      periodIds: result.periodIds,
      unitCount,
      rowCount,
      indicatorIds: result.indicatorIds,
      nodeIds: result.nodeIds,
      root: result.root,
      weights: result.weights,
      ranks: level.ranks,
      rowFlags: new Uint8Array(rowCount),
      scores: { values: level.scores },
      raw: { values: level.raw ?? emptyColumns(result.indicatorIds, rowCount) },
      normalised: { values: level.normalised ?? emptyColumns(result.indicatorIds, rowCount) },
    },
  };
}

export function levelSources(
  input: EngineInput,
  result: EngineResult,
  rollup: Rollup,
  options: LevelDiagnosticsOptions = {},
): LevelSource[] {
  return rollup.levels.map((level) => levelSource(input, result, level, options));
}

export function diagnoseLevels(
  input: EngineInput,
  result: EngineResult,
  rollup: Rollup,
  options: LevelDiagnosticsOptions = {},
): Diagnostics[] {
  return levelSources(input, result, rollup, options).map((level) =>
    diagnose(level.input, level.source, options),
  );
}
