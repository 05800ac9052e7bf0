/**
 * The full results download (?format=csv|xlsx|json&table=results on an evaluation's page): every
 * result of the evaluation as one table (export-table.ts), read again from the store, only the rows
 * of units in the reader's scope. 100,000 communities make a file of gigabytes, so the rows are
 * made and written a block at a time at the client's pace (send-chunks.ts), never as one string.
 */
import type { Response } from 'express';
import type { ExportFormat } from '../../evaluation/export-formats.js';
import { exportHeader, exportRows } from '../../evaluation/export-table.js';
import { EXPORT_CONTENT_TYPES, exportChunks, keptRows } from '../../evaluation/streamed-export.js';
import type { ReportScope } from '../../reports/context/report-scope.js';
import { readResults } from '../../reports/context/read-results.js';
import type { ReportContext } from '../../reports/context/report-context.js';
import { storedResults } from '../../services/read-evaluations.js';
import type { Services } from '../../services/services.js';
import { requestActor } from '../request-actor.js';
import { sendChunks } from './send-chunks.js';

/** The report index of a unit code in an exported row (−1 when it is not a report unit). */
function unitAt(context: ReportContext, code: unknown): number {
  return typeof code === 'string' ? (context.units.index.get(code) ?? -1) : -1;
}

export async function sendFullResults(
  res: Response,
  services: Services,
  context: ReportContext,
  format: ExportFormat,
  scope: ReportScope,
): Promise<void> {
  const stored = await storedResults(services, requestActor(res), context.evaluation.id);
  const results = readResults(stored, 'results');
  const rows = scope.unrestricted
    ? exportRows(results)
    : keptRows(exportRows(results), (row) => scope.allows(unitAt(context, row[0])));
  const chunks = exportChunks(format, { header: exportHeader(results), rows }, 'results');
  const file = {
    contentType: EXPORT_CONTENT_TYPES[format],
    fileName: `zhili-${context.evaluation.id}-results.${format}`,
  };
  await sendChunks(res, file, chunks);
}
