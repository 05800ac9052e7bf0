/**
 * ASEM's imputed and treated indicator values computed by hand from the raw CSV (COINr's default
 * methodology: denominate, impute the EurAsia group mean, treat), for tests that normalise differently.
 */
import type { CsvRow, MetaRow } from './asem.js';
import { cell } from './asem.js';
import { treatByHand } from './coinr-by-hand.js';

/** x / denominator, then the mean of the unit's EurAsia_group for a gap. */
export function imputedByHand(rows: readonly CsvRow[], meta: readonly MetaRow[], code: string): number[] {
  const m = meta.find((i) => i.code === code && i.level === 1);
  if (m === undefined) throw new Error(`no indicator ${code}`);
  const denominated = rows.map((r) => {
    const x = cell(r, code);
    const d = m.denominator === '' ? 1 : cell(r, m.denominator);
    return x === null || d === null ? null : x / d;
  });
  const groupMean = (group: string | undefined): number => {
    const values = denominated.filter((v, i): v is number => v !== null && rows[i]?.EurAsia_group === group);
    return values.reduce((s, v) => s + v, 0) / values.length;
  };
  return denominated.map((v, i) => v ?? groupMean(rows[i]?.EurAsia_group));
}

/** The treated values of an indicator times its direction (higher = better). */
export function orientedByHand(rows: readonly CsvRow[], meta: readonly MetaRow[], code: string): number[] {
  const m = meta.find((i) => i.code === code && i.level === 1);
  const treated = treatByHand(imputedByHand(rows, meta, code)).values;
  return treated.map((v) => (v ?? Number.NaN) * (m?.direction ?? 1));
}
