/**
 * View models of the import pages: the upload form (with the unit register template, the
 * frameworks' data templates and the latest import batches), the page shown while an import job runs (it refreshes itself), and the
 * validation report of a batch — the outcome, the counts and every problem by row and column as
 * the user sees them in the file, first 500 on the page and all of them in the exports.
 */
import type { Registry } from '../../indicators/registry-types.js';
import type { Job } from '../../jobs/job-runner.js';
import type { ImportBatch, ImportOutcome } from '../../domain/import-batch.js';
import type { ValidationReport } from '../../domain/validation-report.js';
import type { LabelledTable } from '../export/labelled-table.js';
import { numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';
import { pick } from '../i18n/pick.js';
import { pageChrome, type Chrome } from './chrome.js';
import { when } from './evaluations-list.js';
import { exportLinks, type ExportLink } from './export-links.js';
import type { Option } from './level-options.js';
import { expectedText } from './expected-text.js';
import {
  batchMarker,
  batchVerification,
  sourceOptions,
  type BatchVerification,
  type StatusMarker,
} from './batch-verification.js';
import { withFields } from './with-fields.js';

export const ISSUES_SHOWN = 500;

export interface BatchItem {
  readonly href: string;
  readonly file: string;
  readonly kind: string;
  readonly status: string;
  readonly failed: boolean;
  readonly rows: string;
  readonly errors: string;
  readonly created: string;
  /** An observations batch's source and review status (issue 15); null for a unit register. */
  readonly marker: StatusMarker | null;
}

export interface ImportFormPage extends Chrome {
  readonly kinds: readonly Option[];
  readonly frameworks: readonly Option[];
  readonly templates: readonly { readonly name: string; readonly csv: string; readonly xlsx: string }[];
  /** The unit register template, filled with the current register. */
  readonly registerTemplate: { readonly csv: string; readonly xlsx: string };
  readonly batches: readonly BatchItem[];
  readonly sources: readonly Option[];
  /** The reviewed batch the form corrects (from ?corrects=), or an empty field. */
  readonly corrects: string;
}

function batchItem(batch: ImportBatch, lang: Lang): BatchItem {
  const format = numberFormat(lang);
  return {
    href: `/import/batches/${encodeURIComponent(batch.id)}`,
    file: batch.fileName,
    kind: labelOf(lang, 'kind', batch.kind),
    status: labelOf(lang, 'batch', batch.status),
    failed: batch.status === 'failed',
    rows: format.count(batch.counts.rows),
    errors: format.count(batch.counts.errors),
    created: when(batch.createdAt, lang),
    marker: batchMarker(batch, lang),
  };
}

export function importFormPage(
  registry: Registry,
  batches: readonly ImportBatch[],
  lang: Lang,
  corrects = '',
): ImportFormPage {
  const t = labelsFor(lang);
  const frameworks = [...registry.frameworks.values()];
  return withFields(
    pageChrome(lang, { path: '/import', query: {}, title: t.importTitle, section: 'import' }),
    {
      kinds: (['observations', 'units', 'responses'] as const).map((kind, i) => ({
        value: kind,
        label: labelOf(lang, 'kind', kind),
        selected: i === 0,
      })),
      frameworks: frameworks.map((f) => ({
        value: f.definition.id,
        label: `${pick(f.definition.name, lang)} (${f.definition.id})`,
        selected: f.definition.id === 'default',
      })),
      templates: frameworks.map((f) => {
        const base = `/api/v1/frameworks/${encodeURIComponent(f.definition.id)}/template`;
        return {
          name: pick(f.definition.name, lang),
          csv: `${base}?format=csv`,
          xlsx: `${base}?format=xlsx`,
        };
      }),
      registerTemplate: {
        csv: '/api/v1/unit-template?format=csv',
        xlsx: '/api/v1/unit-template?format=xlsx',
      },
      batches: batches.map((b) => batchItem(b, lang)),
      sources: sourceOptions(lang),
      corrects,
    },
  );
}

export interface ImportJobPage extends Chrome {
  readonly running: boolean;
  readonly message: string;
}

export function importJobPage(job: Job, lang: Lang): ImportJobPage {
  const t = labelsFor(lang);
  const running = job.status === 'running';
  const format = numberFormat(lang);
  return withFields(
    pageChrome(lang, {
      path: `/import/jobs/${encodeURIComponent(job.id)}`,
      query: {},
      title: t.importTitle,
      section: 'import',
      ...(running ? { refreshSeconds: 1 } : {}),
    }),
    {
      running,
      message: running
        ? fill(t.importRunning, {
            step: job.progress.step,
            done: format.count(job.progress.done),
            total: format.count(job.progress.total),
          })
        : fill(t.importJobFailed, { message: job.error?.message ?? job.status }),
    },
  );
}

export interface IssueRow {
  readonly row: string;
  readonly column: string;
  readonly value: string;
  readonly problem: string;
  readonly expected: string;
  readonly severity: string;
  readonly error: boolean;
}

export interface ImportReportPage extends Chrome {
  readonly outcome: string | null;
  readonly failed: boolean;
  readonly batchId: string;
  readonly counts: string;
  readonly shown: string | null;
  readonly omitted: string | null;
  readonly issues: readonly IssueRow[];
  readonly none: boolean;
  readonly exports: readonly ExportLink[];
  readonly apiCsv: string;
  /** After observations were stored: start an evaluation of their periods (evaluators and admins). */
  readonly evaluate: { readonly href: string; readonly label: string } | null;
  /** The batch's source, review and (for reviewers) the confirm and return forms (issue 15). */
  readonly verification: BatchVerification | null;
}

function evaluateLink(batch: ImportBatch, lang: Lang, mayEvaluate: boolean): ImportReportPage['evaluate'] {
  if (!mayEvaluate || batch.kind !== 'observations' || batch.status !== 'committed') return null;
  const periods = batch.periods.join(',');
  return {
    href: `/evaluations/new?periods=${encodeURIComponent(periods)}`,
    label: fill(labelsFor(lang).evaluateBatch, {
      periods: batch.periods.join(labelsFor(lang).listSeparator),
    }),
  };
}

export function importReportPage(
  batch: ImportBatch,
  report: ValidationReport | undefined,
  outcome: ImportOutcome | undefined,
  lang: Lang,
  mayEvaluate = false,
  mayConfirm = false,
): ImportReportPage {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const path = `/import/batches/${encodeURIComponent(batch.id)}`;
  const issues = report?.issues ?? [];
  const effective: ImportOutcome = outcome ?? (batch.status === 'failed' ? 'failed' : 'committed');
  return withFields(
    pageChrome(lang, {
      path,
      query: outcome === undefined ? {} : { outcome },
      title: t.reportTitle,
      section: 'import',
    }),
    {
      outcome: labelOf(lang, 'outcome', effective),
      failed: effective === 'failed',
      batchId: batch.id,
      counts: fill(t.reportCounts, {
        file: report?.file ?? batch.fileName,
        rows: format.count(report?.rows ?? batch.counts.rows),
        errors: format.count(report?.errors ?? batch.counts.errors),
        warnings: format.count(report?.warnings ?? batch.counts.warnings),
      }),
      shown:
        issues.length > ISSUES_SHOWN
          ? fill(t.reportShown, { shown: format.count(ISSUES_SHOWN), total: format.count(issues.length) })
          : null,
      omitted:
        (report?.omitted ?? 0) > 0
          ? fill(t.reportOmitted, { count: format.count(report?.omitted ?? 0) })
          : null,
      issues: issues.slice(0, ISSUES_SHOWN).map((issue) => ({
        row: format.count(issue.row),
        column: issue.column === null ? '' : `${issue.column.letter} · ${issue.column.header}`,
        value: issue.value,
        problem: labelOf(lang, 'issue', issue.reason),
        expected: expectedText(issue.expected, lang),
        severity: labelOf(lang, 'severity', issue.severity),
        error: issue.severity === 'error',
      })),
      none: issues.length === 0,
      exports: exportLinks(path, {}, 'issues'),
      apiCsv: `/api/v1/imports/${encodeURIComponent(batch.id)}/report?format=csv`,
      evaluate: evaluateLink(batch, lang, mayEvaluate),
      verification: batchVerification(batch, lang, mayConfirm),
    },
  );
}

export function importReportExport(
  batch: ImportBatch,
  report: ValidationReport | undefined,
  lang: Lang,
): LabelledTable {
  const t = labelsFor(lang);
  return {
    name: `import-${batch.id}-report`,
    ids: ['row', 'column', 'header', 'value', 'reason', 'expected', 'severity'],
    labels: [t.colRow, t.colColumn, t.colColumn, t.colValue, t.colProblem, t.colExpected, t.colSeverity],
    rows: (report?.issues ?? []).map((issue) => [
      issue.row,
      issue.column?.letter ?? null,
      issue.column?.header ?? null,
      issue.value,
      issue.reason,
      issue.expected,
      issue.severity,
    ]),
  };
}
