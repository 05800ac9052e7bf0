/**
 * For COINr's panel methodology, which applies no denominators: each indicator's value becomes the
 * raw variable of the same name (Flights instead of Flights / Population), through the registry's own
 * formula compiler.
 *
 * @example withRawIndicators(input, numericColumns) // indicator "Flights" now reads the column Flights
 */
import type { EngineInput } from '../../server/engine/types.js';
import { compileFormula } from '../../server/indicators/formula/compile.js';
import { CliError } from './cli-error.js';

export function withRawIndicators(input: EngineInput, columns: readonly string[]): EngineInput {
  const missing = input.tree.indicators.filter((i) => !columns.includes(i.id)).map((i) => i.id);
  if (missing.length > 0) {
    throw new CliError(
      `without denominators every indicator needs a data column of its own id; missing: ${missing.join(', ')}`,
    );
  }
  return {
    ...input,
    tree: {
      ...input.tree,
      indicators: input.tree.indicators.map((i) => ({ ...i, inputs: [i.id], compute: compileFormula(i.id) })),
    },
  };
}
