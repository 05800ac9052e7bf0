/**
 * What every replication needs, as plain data that crosses to a worker thread by structured clone
 * (compiled formulas are closures and cannot): the units, the tree without its formulas, the base
 * choices, and the indicator columns as outlier treatment leaves them, once per imputation ×
 * treatment pick.
 *
 * Why those columns: compute → screen → impute → treat depend only on the imputation and treatment
 * picks, so the main thread runs them once per combination of picks (the "upstream" sets) and each
 * replication starts from the treated columns. `upstreamInput` turns a set back into an EngineInput
 * whose formulas are identity lookups (value and missing-reason columns); on it the ordinary pipeline,
 * with imputation, screening and treatment set to none, sees exactly the values the full pipeline
 * would after treatment (rows screened out or left missing stay missing with their reasons).
 * runner.ts takes it from there.
 *
 * @example
 * const input = upstreamInput(payload, 0); // the base imputation and treatment
 * runPipeline(input, downstreamChoices(payload.base, record)).normalised // as the full pipeline's
 */
import { MissingCode } from '../missing-reasons.js';
import type {
  ColumnFormula,
  ColumnSet,
  Direction,
  EngineIndicator,
  EngineInput,
  EngineNode,
  EngineUnits,
  Goalposts,
  MethodChoice,
  MethodChoices,
} from '../types.js';
import type { SharedCombination } from './combinations.js';
import type { ReplicationRecord } from './record.js';

export interface IndicatorShape {
  readonly id: string;
  readonly parent: string;
  readonly weight: number;
  readonly direction: Direction;
  readonly goalposts?: Goalposts;
}

export interface ReplicationPayload {
  readonly units: EngineUnits;
  readonly periodIds: readonly string[];
  readonly root: string;
  readonly nodes: readonly EngineNode[];
  readonly indicators: readonly IndicatorShape[];
  /** The base run's resolved choices (plain JSON). */
  readonly base: MethodChoices;
  /** The evaluation's roll-up, by which each run ranks the levels above the units (level-ranks.ts). */
  readonly rollup: MethodChoice;
  /** Treated columns per (imputation pick × treatment pick): index = imputation × treatments + treatment. */
  readonly upstream: readonly ColumnSet[];
  readonly treatmentCount: number;
  /** Each combination's normalised columns, when made before the runs (combinations.ts). */
  readonly combinations?: readonly SharedCombination[];
  /** The evaluation's target overrides, so goalpost normalisation in each run uses them too. */
  readonly targetOverrides?: EngineInput['targetOverrides'];
}

/** Which upstream set a replication starts from. */
export function upstreamIndex(payload: ReplicationPayload, record: ReplicationRecord): number {
  return (record.picks.imputation ?? 0) * payload.treatmentCount + (record.picks.treatment ?? 0);
}

/** The replication's choices for the stages after treatment; the upstream stages were run already. */
export function downstreamChoices(base: MethodChoices, record: ReplicationRecord): MethodChoices {
  return {
    ...base,
    ...record.choices,
    imputation: { method: 'none' },
    screening: { method: 'none' },
    treatment: { method: 'none' },
    rankIndicators: false,
  };
}

/** The indicator shape without its formula, valid range or scope (those acted upstream). */
export function indicatorShape(indicator: EngineIndicator): IndicatorShape {
  const { id, parent, weight, direction, goalposts } = indicator;
  return { id, parent, weight, direction, ...(goalposts === undefined ? {} : { goalposts }) };
}

const valueKey = (id: string): string => `value:${id}`;
const reasonKey = (id: string): string => `reason:${id}`;

/** An EngineInput whose indicators read one upstream set's columns back unchanged. */
export function upstreamInput(payload: ReplicationPayload, index: number): EngineInput {
  const set = payload.upstream[index];
  if (set === undefined) throw new Error(`uncertainty: no upstream set ${index}`);
  const unitCount = payload.units.codes.length;
  const periods = payload.periodIds.map((id, p) => {
    const variables = new Map<string, Float64Array>();
    for (const indicator of payload.indicators) {
      const from = p * unitCount;
      const values = set.values.get(indicator.id);
      const reasons = set.reasons.get(indicator.id);
      if (values === undefined || reasons === undefined) {
        throw new Error(`uncertainty: upstream set ${index} lacks ${indicator.id}`);
      }
      variables.set(valueKey(indicator.id), values.subarray(from, from + unitCount));
      variables.set(reasonKey(indicator.id), Float64Array.from(reasons.subarray(from, from + unitCount)));
    }
    return { id, variables };
  });
  const indicators: EngineIndicator[] = payload.indicators.map((shape) => ({
    ...shape,
    inputs: [valueKey(shape.id), reasonKey(shape.id)],
    compute: identity(valueKey(shape.id), reasonKey(shape.id)),
  }));
  return {
    units: payload.units,
    periods,
    tree: { root: payload.root, nodes: payload.nodes, indicators },
    ...(payload.targetOverrides === undefined ? {} : { targetOverrides: payload.targetOverrides }),
  };
}

/** Reads a value column and its reason column as they are. */
function identity(values: string, reasons: string): ColumnFormula {
  return {
    evaluateColumns(columns, length) {
      const v = columns.get(values);
      const r = columns.get(reasons);
      const why = new Uint8Array(length);
      for (let i = 0; i < length; i++) why[i] = r?.[i] ?? MissingCode.MissingInput;
      return { values: v ?? new Float64Array(length).fill(Number.NaN), reasons: why };
    },
  };
}
