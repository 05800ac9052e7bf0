/**
 * compileFormula: formula text → a CompiledFormula that evaluates one record or whole columns.
 * Parsing and validation happen once; evaluation runs closures (see build-closure.ts).
 * A missing input, a division by zero, a domain error (log of ≤ 0, sqrt of < 0) or any other
 * non-finite result gives a missing value with its reason, never NaN or Infinity with ok = true.
 *
 * @example
 * const f = compileFormula('households_in_grids / households * 100');
 * f.evaluate({ households_in_grids: 150, households: 300 }); // { ok: true, value: 50 }
 * f.evaluate({ households_in_grids: 0, households: 0 });     // { ok: false, reason: 'division_by_zero' }
 */
import { MISSING_REASONS, MissingCode, type MissingReason } from '../../engine/missing-reasons.js';
import { variablesOf } from './ast.js';
import { buildClosure } from './build-closure.js';
import { parseFormula } from './parse.js';
import type { EvaluationContext } from './row-function.js';

export { FormulaError } from './formula-error.js';

export type FormulaResult = { ok: true; value: number } | { ok: false; reason: MissingReason };

export interface CompiledFormula {
  readonly source: string;
  /** The variables the formula reads, sorted and unique. */
  readonly variables: readonly string[];
  evaluate(inputs: Readonly<Record<string, number | null | undefined>>): FormulaResult;
  /**
   * Evaluates rows 0 … length-1 of the columns (NaN = missing). `values[i]` is NaN exactly when
   * `reasons[i]` is not 0 (MissingCode). A variable without a column is missing on every row.
   * With `into`, rows 0 … length-1 are written there (and returned) instead of into fresh arrays.
   */
  evaluateColumns(
    columns: ReadonlyMap<string, Float64Array>,
    length: number,
    into?: { values: Float64Array; reasons: Uint8Array },
  ): { values: Float64Array; reasons: Uint8Array };
}

function reasonName(code: number): MissingReason {
  const name = MISSING_REASONS[code];
  return name === undefined || name === 'ok' ? 'not_finite' : name;
}

/** Compiles `source` once; throws FormulaError (with position and message) when it is not a valid formula. */
export function compileFormula(source: string): CompiledFormula {
  const tree = parseFormula(source);
  const variables = Object.freeze(variablesOf(tree));

  // One-row scratch columns let single records reuse the column closures without allocating.
  const scratch = new Map(variables.map((name) => [name, new Float64Array(1)] as const));
  const recordContext: EvaluationContext = { reason: MissingCode.Ok };
  const recordClosure = buildClosure(tree, scratch, recordContext);

  return Object.freeze({
    source,
    variables,
    evaluate(inputs: Readonly<Record<string, number | null | undefined>>): FormulaResult {
      for (const [name, cell] of scratch) {
        const value: unknown = Object.hasOwn(inputs, name) ? inputs[name] : undefined;
        cell[0] = typeof value === 'number' ? value : NaN;
      }
      recordContext.reason = MissingCode.Ok;
      const value = recordClosure(0);
      if (value - value === 0) return { ok: true, value: value + 0 };
      return { ok: false, reason: reasonName(recordContext.reason) };
    },
    evaluateColumns(
      columns: ReadonlyMap<string, Float64Array>,
      length: number,
      into?: { values: Float64Array; reasons: Uint8Array },
    ) {
      if (!Number.isInteger(length) || length < 0)
        throw new RangeError(`length must be a whole number, got ${length}`);
      const used = new Map<string, Float64Array>();
      for (const name of variables) {
        const column = columns.get(name);
        if (column !== undefined && column.length < length) {
          throw new RangeError(`column "${name}" has ${column.length} rows, fewer than ${length}`);
        }
        used.set(name, column ?? new Float64Array(length).fill(NaN));
      }
      const context: EvaluationContext = { reason: MissingCode.Ok };
      const closure = buildClosure(tree, used, context);
      if (into !== undefined && (into.values.length < length || into.reasons.length < length))
        throw new RangeError(`the output columns have fewer than ${length} rows`);
      const values = into?.values ?? new Float64Array(length);
      const reasons = into?.reasons ?? new Uint8Array(length);
      for (let row = 0; row < length; row++) {
        context.reason = MissingCode.Ok;
        const value = closure(row);
        if (value - value === 0) {
          values[row] = value + 0;
          reasons[row] = MissingCode.Ok;
        } else {
          values[row] = NaN;
          reasons[row] = context.reason === MissingCode.Ok ? MissingCode.NotFinite : context.reason;
        }
      }
      return { values, reasons };
    },
  });
}
