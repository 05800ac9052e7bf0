/**
 * The sample design: which parameters each replication runs with. Each factor's value for sample j of
 * matrix A or B is drawn from its own stream, randomStream(seed, [matrix, j, factor]), so a value does
 * not depend on the other factors, on the number of workers or on the order runs finish in.
 *
 * - Monte Carlo (uncertainty only): N runs, the rows of A.
 * - Saltelli (sensitivity): A (N runs), B (N runs), then for each factor i, AB_i (N runs: A's values
 *   with factor i's value from B) — N × (k + 2) runs for k factors.
 *
 * @example
 * designRecords(setup, 7, 1000, false).length // 1000
 * designRecords(setup, 7, 100, true).length   // 100 × (k + 2)
 */
import type { MethodChoice } from '../types.js';
import { pickIndex } from './distributions.js';
import { randomStream } from './prng.js';
import type { ReplicationChoices, ReplicationRecord } from './record.js';
import { FACTOR_ORDER, type DiscreteFactor, type FactorName, type WeightPerturbation } from './spec.js';
import { drawWeights, type WeightGroup } from './weights.js';

/** The factors that vary, with what they vary over. */
export interface FactorSetup {
  /** In FACTOR_ORDER. */
  readonly factors: readonly FactorName[];
  readonly alternatives: Readonly<Partial<Record<DiscreteFactor, readonly MethodChoice[]>>>;
  readonly weights?: { readonly perturbation: WeightPerturbation; readonly groups: readonly WeightGroup[] };
}

/** A factor's value in one sample: the alternative's index, or a weights map. */
type FactorValue = number | Readonly<Record<string, number>>;

const MATRIX_KEY = { A: 1, B: 2 } as const;

export function designRecords(
  setup: FactorSetup,
  seed: number,
  samples: number,
  sensitivity: boolean,
): ReplicationRecord[] {
  const draw = (matrix: 'A' | 'B', sample: number): Map<FactorName, FactorValue> =>
    new Map(setup.factors.map((factor) => [factor, drawFactor(setup, factor, seed, matrix, sample)]));
  const records: ReplicationRecord[] = [];
  const push = (
    matrix: ReplicationRecord['matrix'],
    sample: number,
    values: ReadonlyMap<FactorName, FactorValue>,
    factor?: FactorName,
  ): void => {
    records.push({
      index: records.length,
      matrix,
      sample,
      ...(factor === undefined ? {} : { factor }),
      ...toParameters(setup, values),
    });
  };
  const a = Array.from({ length: samples }, (_, j) => draw('A', j));
  a.forEach((values, j) => {
    push('A', j, values);
  });
  if (!sensitivity) return records;
  const b = Array.from({ length: samples }, (_, j) => draw('B', j));
  b.forEach((values, j) => {
    push('B', j, values);
  });
  for (const factor of setup.factors) {
    a.forEach((values, j) => {
      const mixed = new Map(values);
      const fromB = b[j]?.get(factor);
      if (fromB !== undefined) mixed.set(factor, fromB);
      push('AB', j, mixed, factor);
    });
  }
  return records;
}

function drawFactor(
  setup: FactorSetup,
  factor: FactorName,
  seed: number,
  matrix: 'A' | 'B',
  sample: number,
): FactorValue {
  const rng = randomStream(seed, [MATRIX_KEY[matrix], sample, FACTOR_ORDER.indexOf(factor) + 1]);
  if (factor === 'weights') {
    if (setup.weights === undefined) throw new Error('uncertainty: weights vary without a perturbation');
    return drawWeights(rng, setup.weights.groups, setup.weights.perturbation);
  }
  return pickIndex(rng, setup.alternatives[factor]?.length ?? 1);
}

function toParameters(
  setup: FactorSetup,
  values: ReadonlyMap<FactorName, FactorValue>,
): Pick<ReplicationRecord, 'picks' | 'choices'> {
  const picks: Partial<Record<DiscreteFactor, number>> = {};
  const choices: { -readonly [K in keyof ReplicationChoices]: MethodChoice } = {};
  for (const [factor, value] of values) {
    if (factor === 'weights') {
      if (typeof value !== 'number') choices.weighting = { method: 'framework', weights: { ...value } };
      continue;
    }
    if (typeof value !== 'number') continue;
    const choice = setup.alternatives[factor]?.[value];
    if (choice === undefined) continue;
    picks[factor] = value;
    choices[factor] = choice;
  }
  return { picks, choices };
}
