/**
 * A respondent file → a responses import, end to end: size limit, hash, the duplicate check (the
 * same file already committed for the same period is returned as it is), parsing (CSV in UTF-8 or
 * GB18030, XLSX, JSON), checking against the framework's survey items and the unit register, then
 * the all-or-nothing batch. Errors give a failed batch whose report lists every bad cell.
 */
import { periodFromId } from '../domain/period.js';
import { importRecords } from '../store/import-records.js';
import type { Store } from '../store/store.js';
import { checkResponses } from '../intake/check-responses.js';
import type { IntakeResult, IntakeStage } from './import-observations-file.js';
import { assertSize, DEFAULT_MAX_BYTES, sha256Of, type IntakeFile } from '../intake/intake-file.js';
import { readTable } from '../intake/read-table.js';
import type { SurveyItem } from '../intake/survey-items.js';

export interface ResponsesIntake {
  readonly items: readonly SurveyItem[];
  readonly period: string | null;
  readonly actor: string;
  readonly maxBytes?: number;
  readonly onProgress?: (stage: IntakeStage, done: number, total: number) => void;
}

export async function importResponsesFile(
  store: Store,
  file: IntakeFile,
  intake: ResponsesIntake,
): Promise<IntakeResult> {
  assertSize(file.fileName, file.bytes.length, intake.maxBytes ?? DEFAULT_MAX_BYTES);
  if (intake.period !== null) periodFromId(intake.period);
  const sha256 = sha256Of(file.bytes);
  const earlier = await store.imports.findCommitted('responses', sha256, intake.period);
  if (earlier !== undefined)
    return { outcome: 'duplicate', batch: earlier, report: await store.imports.report(earlier.id) };
  intake.onProgress?.('reading', 0, 1);
  const table = await readTable(file);
  intake.onProgress?.('checking', 0, table.rows.length);
  const { rows, periods, report } = await checkResponses({
    table,
    items: intake.items,
    knownUnits: new Set(await store.units.codes()),
    period: intake.period,
  });
  const request = {
    kind: 'responses' as const,
    // Residents answer for themselves: a survey is a third-party source, never a community's own report.
    source: 'third_party' as const,
    actor: intake.actor,
    fileName: file.fileName,
    sha256,
    period: intake.period,
    periods: intake.period === null ? periods : [intake.period],
  };
  const result = await importRecords(store, request, rows, {
    tally: { rows: report.rows, errors: report.errors, warnings: report.warnings },
    report,
    onProgress: (stored, total) => intake.onProgress?.('storing', stored, total),
  });
  return { ...result, report };
}
