/**
 * Builds small engine inputs for tests: each indicator reads the variable of the same name, one
 * value array per period (null = missing).
 */
import type {
  Direction,
  EngineIndicator,
  EngineInput,
  EngineNode,
  Goalposts,
} from '../../../server/engine/types.js';
import { variable } from './formulas.js';

export interface SmallIndicator {
  readonly id: string;
  readonly parent: string;
  readonly direction?: Direction;
  readonly weight?: number;
  readonly goalposts?: Goalposts;
  /** One array per period, one value per unit (null = missing). */
  readonly values: readonly (readonly (number | null)[])[];
}

export interface SmallSpec {
  readonly units: readonly string[];
  readonly periods?: readonly string[];
  readonly root?: string;
  readonly nodes?: readonly EngineNode[];
  readonly indicators: readonly SmallIndicator[];
  readonly attributes?: Record<string, readonly (string | undefined)[]>;
}

export function smallInput(spec: SmallSpec): EngineInput {
  const periods = spec.periods ?? ['2024'];
  const indicators: EngineIndicator[] = spec.indicators.map((i) => ({
    id: i.id,
    parent: i.parent,
    weight: i.weight ?? 1,
    direction: i.direction ?? 1,
    inputs: [i.id],
    compute: variable(i.id),
    ...(i.goalposts === undefined ? {} : { goalposts: i.goalposts }),
  }));
  return {
    units: {
      codes: spec.units,
      attributes: new Map(Object.entries(spec.attributes ?? {})),
    },
    periods: periods.map((id, p) => ({
      id,
      variables: new Map(
        spec.indicators.map((i) => [i.id, Float64Array.from(i.values[p] ?? [], (v) => v ?? Number.NaN)]),
      ),
    })),
    tree: { root: spec.root ?? 'index', nodes: spec.nodes ?? [], indicators },
  };
}
