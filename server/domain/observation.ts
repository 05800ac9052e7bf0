/**
 * An observation row as the parsers read it and the store keeps it: one unit's raw variable values
 * for one period; an empty cell is simply absent from `values` (missing, not zero).
 */
export interface ObservationRow {
  readonly unit: string;
  readonly period: string;
  readonly values: Readonly<Record<string, number>>;
}
