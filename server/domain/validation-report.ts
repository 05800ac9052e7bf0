/**
 * The validation report of an import: every bad cell, by row and column as the user sees them
 * in the file (header = row 1, columns lettered as in a spreadsheet), with the reason and what
 * was expected. Errors block the import; warnings (an unknown column, say) do not.
 */
export const ISSUE_REASONS = [
  'unknown_unit',
  'unknown_parent',
  'unknown_column',
  'duplicate_column',
  'missing_column',
  'duplicate_row',
  'missing_key',
  'invalid_period',
  'period_mismatch',
  'not_a_number',
  'not_an_integer',
  'below_minimum',
  'above_maximum',
  'negative_count',
  'formula_text',
  'formula_cell',
  'invalid_value',
  'extra_cells',
  'rule_breach',
  'out_of_valid_range',
  'jump',
  'undeclared_column',
  'off_scale',
  'invalid_weight',
] as const;
export type IssueReason = (typeof ISSUE_REASONS)[number];

export type IssueSeverity = 'error' | 'warning';

export interface IssueColumn {
  /** Spreadsheet letter: A, B, … Z, AA … */
  readonly letter: string;
  readonly header: string;
}

export interface CellIssue {
  /** 1-based row as the user sees it in the file; the header is row 1. */
  readonly row: number;
  /** Null when the issue concerns the whole row or the whole file. */
  readonly column: IssueColumn | null;
  /** The cell as found (text), or "" for an empty cell. */
  readonly value: string;
  readonly reason: IssueReason;
  /** What would have been accepted, in words. */
  readonly expected: string;
  readonly severity: IssueSeverity;
}

export interface ValidationReport {
  readonly file: string;
  /** The worksheet read, for XLSX files. */
  readonly sheet: string | null;
  /** Data rows read (not counting the header or empty rows). */
  readonly rows: number;
  readonly errors: number;
  readonly warnings: number;
  readonly issues: readonly CellIssue[];
  /** Issues counted but not listed, when a file has more than the report keeps (100,000). */
  readonly omitted: number;
  /** Share of expected cells filled per street and district (observations only). */
  readonly completeness?: readonly Completeness[];
}

/** One street's or district's completeness: its communities × the variables × the batch's periods. */
export interface Completeness {
  readonly unit: string;
  readonly level: 'street' | 'district';
  readonly expected: number;
  readonly filled: number;
  /** filled / expected; null when nothing was expected. */
  readonly share: number | null;
}
