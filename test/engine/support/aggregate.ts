/** Runs a prepared aggregation over rows of child values, as the aggregate stage would. */
import type { PreparedAggregation } from '../../../server/engine/methods/aggregation/contract.js';
import { column } from './prepare.js';

/** `rows[i][j]` is child j of unit i. */
export function aggregateRows(
  method: PreparedAggregation,
  rows: readonly (readonly (number | null)[])[],
  weights: readonly number[],
): { values: Float64Array; reasons: Uint8Array } {
  const children = weights.map((_, j) => column(rows.map((row) => row[j] ?? null)));
  const values = new Float64Array(rows.length);
  const reasons = new Uint8Array(rows.length);
  method.run(children, Float64Array.from(weights), values, reasons, {
    node: 'pillar',
    children: weights.map((_, j) => `child${j}`),
    period: '2024',
    unitCode: (row) => `unit${row}`,
  });
  return { values, reasons };
}
