/**
 * Collects the issues of one file into a ValidationReport: counts every error and warning, lists
 * up to 100,000 issues (a file with more is hopeless anyway, and the report must stay storable)
 * and counts the rest as omitted.
 */
import type { CellIssue, IssueColumn, ValidationReport } from '../domain/validation-report.js';
import { columnLetter } from './column-letter.js';

export const MAX_LISTED_ISSUES = 100_000;

export function columnRef(index: number, header: string): IssueColumn {
  return { letter: columnLetter(index), header };
}

export class ReportBuilder {
  private readonly issues: CellIssue[] = [];
  private errors = 0;
  private warnings = 0;
  private omitted = 0;

  constructor(
    private readonly fileName: string,
    private readonly sheet: string | null,
    private readonly limit = MAX_LISTED_ISSUES,
  ) {}

  add(issue: CellIssue): void {
    if (issue.severity === 'error') this.errors += 1;
    else this.warnings += 1;
    if (this.issues.length < this.limit) this.issues.push(issue);
    else this.omitted += 1;
  }

  get errorCount(): number {
    return this.errors;
  }

  build(rows: number): ValidationReport {
    return {
      file: this.fileName,
      sheet: this.sheet,
      rows,
      errors: this.errors,
      warnings: this.warnings,
      issues: [...this.issues].sort(
        (a, b) =>
          a.row - b.row ||
          (a.column?.letter.length ?? 0) - (b.column?.letter.length ?? 0) ||
          (a.column?.letter ?? '').localeCompare(b.column?.letter ?? ''),
      ),
      omitted: this.omitted,
    };
  }
}
