/**
 * Everything the engine works out for the report pages beyond the pipeline, diagnostics and roll-up
 * of an evaluation: the diagnostics of every roll-up level, the level figures (ranks of indicators,
 * changes, totals, peer-group medians, histograms, improvements) of the scored units and of every
 * roll-up level, the data coverage and the weights' shares. Peer groups above the scored units are read from the unit
 * register with the same attribute as below; a unit without one joins the level's group "all".
 *
 * @example const figures = engineFigures(input, result, rollup, { peerGroup: 'peer_group', register });
 */
import { dataCoverage, type DataCoverage } from '../engine/diagnostics/data-coverage.js';
import type { Diagnostics } from '../engine/diagnostics/diagnose.js';
import { levelFigures, type LevelFigures } from '../engine/diagnostics/level-figures.js';
import { weightShares } from '../engine/diagnostics/weight-shares.js';
import type { EngineResult } from '../engine/result.js';
import { diagnoseLevels, levelSources } from '../engine/rollup/level-diagnostics.js';
import type { Rollup } from '../engine/rollup/roll-up.js';
import type { EngineInput, Settlement } from '../engine/types.js';
import type { Unit } from '../store/models/unit.js';

export interface EngineFigures {
  /** The scored units' level figures. */
  readonly figures: LevelFigures;
  /** Per roll-up level, in the roll-up's order. */
  readonly levelDiagnostics: readonly Diagnostics[];
  readonly levelFigures: readonly LevelFigures[];
  readonly coverage: DataCoverage;
  /** Per node: each child's share of the node's weights. */
  readonly weightShares: ReadonlyMap<string, Float64Array>;
}

export function engineFigures(
  input: EngineInput,
  result: EngineResult,
  rollup: Rollup,
  options: { readonly peerGroup: string | null; readonly register: readonly Unit[] },
): EngineFigures {
  const aggregation = result.choices.aggregation.method;
  const peerGroup = options.peerGroup ?? undefined;
  const peerLabels = new Map(
    options.register.map((unit) => {
      const label = peerGroup === undefined ? undefined : unit.attributes[peerGroup];
      return [unit.code, label === undefined || label === '' ? 'all' : String(label)];
    }),
  );
  const unitLevels = new Map(options.register.map((unit) => [unit.code, unit.level]));
  const unitSettlements = new Map(
    options.register.flatMap((unit): [string, Settlement][] =>
      unit.attributes.urban_rural === undefined ? [] : [[unit.code, unit.attributes.urban_rural]],
    ),
  );
  const targetOptions = { unitLevels, unitSettlements };
  const levelOptions = peerGroup === undefined ? targetOptions : { peerGroup, peerLabels, ...targetOptions };
  const sources = levelSources(input, result, rollup, levelOptions);
  return {
    figures: levelFigures(input, result, { aggregation, ...(peerGroup === undefined ? {} : { peerGroup }) }),
    levelDiagnostics: diagnoseLevels(input, result, rollup, levelOptions),
    levelFigures: sources.map((level) =>
      levelFigures(level.input, level.source, {
        aggregation,
        ...(peerGroup === undefined ? {} : { peerGroup }),
      }),
    ),
    coverage: dataCoverage(result),
    weightShares: weightShares(result.weights),
  };
}
