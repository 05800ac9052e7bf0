/**
 * The validation report of an import: every bad cell, by row and column as the user sees them
 * in the file (header = row 1, columns lettered as in a spreadsheet), with the reason and what
 * was expected. Errors block the import; warnings (an unknown column, say) do not.
 */
import { compileValidator } from '../../validation/compile.js';
import { ISSUE_REASONS, type ValidationReport } from '../../domain/validation-report.js';

export { ISSUE_REASONS };
export type {
  CellIssue,
  Completeness,
  IssueColumn,
  IssueReason,
  IssueSeverity,
  ValidationReport,
} from '../../domain/validation-report.js';

const columnSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['letter', 'header'],
  properties: { letter: { type: 'string', pattern: '^[A-Z]{1,3}$' }, header: { type: 'string' } },
} as const;

export const validationReportSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['file', 'sheet', 'rows', 'errors', 'warnings', 'issues', 'omitted'],
  properties: {
    file: { type: 'string' },
    sheet: { type: ['string', 'null'] },
    rows: { type: 'integer', minimum: 0 },
    errors: { type: 'integer', minimum: 0 },
    warnings: { type: 'integer', minimum: 0 },
    omitted: { type: 'integer', minimum: 0 },
    completeness: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['unit', 'level', 'expected', 'filled', 'share'],
        properties: {
          unit: { type: 'string' },
          level: { enum: ['street', 'district'] },
          expected: { type: 'integer', minimum: 0 },
          filled: { type: 'integer', minimum: 0 },
          share: { type: ['number', 'null'], minimum: 0, maximum: 1 },
        },
      },
    },
    issues: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['row', 'column', 'value', 'reason', 'expected', 'severity'],
        properties: {
          row: { type: 'integer', minimum: 0 },
          column: { anyOf: [{ type: 'null' }, columnSchema] },
          value: { type: 'string' },
          reason: { enum: ISSUE_REASONS },
          expected: { type: 'string' },
          severity: { enum: ['error', 'warning'] },
        },
      },
    },
  },
} as const;

export const asValidationReport = compileValidator<ValidationReport>(
  'validation report',
  validationReportSchema,
);
