/**
 * Checks the shape of the engine's input before any work: unit codes unique, at least one period with a
 * unique id, every column as long as there are units, and the tree sound (tree.ts). Problems are
 * recorded, not thrown, so that the caller reports them all at once. Returns each unit's position by code.
 *
 * @example validateInput(input, problems); if (problems.length > 0) throw new ValidationError(…)
 */
import type { ProblemDetail } from '../errors.js';
import type { EngineInput } from './types.js';

export function validateInput(input: EngineInput, problems: ProblemDetail[]): ReadonlyMap<string, number> {
  const codes = input.units.codes;
  const n = codes.length;
  const checked = codeIndex(codes);
  problems.push(...checked.problems);
  const unitIndex = checked.index;
  const length = (where: string, column: { readonly length: number } | undefined): void => {
    if (column !== undefined && column.length !== n) {
      problems.push({ where, message: `has ${column.length} entries for ${n} units` });
    }
  };
  for (const [name, values] of input.units.attributes ?? []) length(`units.attributes.${name}`, values);
  length('units.population', input.units.population);
  length('units.parents', input.units.parents);
  length('units.settlement', input.units.settlement);

  if (input.periods.length === 0)
    problems.push({ where: 'periods', message: 'at least one period is needed' });
  const periodIds = new Set<string>();
  for (const period of input.periods) {
    if (periodIds.has(period.id))
      problems.push({ where: `periods.${period.id}`, message: 'duplicate period id' });
    periodIds.add(period.id);
    for (const [name, column] of period.variables) length(`periods.${period.id}.variables.${name}`, column);
  }
  return unitIndex;
}

/**
 * Each unit code's row (the first row of a repeated code), as the engine's check of an input with
 * these very codes will use it: an evaluation indexes its codes with this when it reads its data, so
 * the pipeline does not index them again (0.1–0.2 s at 600,000 units).
 */
export function unitCodeIndex(codes: readonly string[]): ReadonlyMap<string, number> {
  return codeIndex(codes).index;
}

interface CheckedCodes {
  readonly index: ReadonlyMap<string, number>;
  readonly problems: readonly ProblemDetail[];
  readonly length: number;
}

/**
 * Indexing 600,000 codes costs 0.1–0.2 s, so the index is kept per codes array: the engine never
 * changes its input, and runs on the same units (Monte Carlo, a choice changed, priorities) reuse it.
 */
const checkedCodes = new WeakMap<readonly string[], CheckedCodes>();

function codeIndex(codes: readonly string[]): CheckedCodes {
  const known = checkedCodes.get(codes);
  if (known?.length === codes.length) return known;
  const problems: ProblemDetail[] = [];
  const index = new Map<string, number>();
  const n = codes.length;
  for (let i = 0; i < n; i++) {
    const code = codes[i] ?? '';
    if (code === '') problems.push({ where: 'units.codes', message: 'a unit code is empty' });
    else if (index.has(code)) problems.push({ where: `units.codes.${code}`, message: 'duplicate unit code' });
    else index.set(code, i);
  }
  const checked = { index, problems, length: n };
  // Small sets are cheap to index again; only large ones are worth keeping.
  if (n >= CACHE_FROM) checkedCodes.set(codes, checked);
  return checked;
}

const CACHE_FROM = 10_000;
