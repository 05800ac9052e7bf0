/**
 * `export EVALUATION --format csv|xlsx|json [--out FILE]` through the running server: the
 * evaluation, its stored results and the unit register come from the API, and the same table
 * (export-table.ts) is written in the same formats as on the direct path.
 *
 * @example await exportThroughApi(server, 'ev_…', { format: 'csv', out: 'results.csv' })
 */
import type { ExportFormat } from '../../../server/evaluation/export-formats.js';
import { RESULTS_FORMAT, type ResultsDocument } from '../../../server/evaluation/results-document.js';
import { CliError } from '../cli-error.js';
import { resultsExportChunks, writeChunksOut } from '../export-results-output.js';
import { writeCoinrFolder } from '../export-coinr-files.js';
import { asEvaluation } from './answers.js';
import type { ServerApi } from './server-api.js';

export interface ExportRequest {
  readonly format: string;
  readonly out?: string;
}

function isResultsDocument(value: unknown): value is ResultsDocument {
  return (
    typeof value === 'object' && value !== null && (value as { format?: unknown }).format === RESULTS_FORMAT
  );
}

/** The evaluation as the API answers it, or the direct path's message for an unknown id. */
async function evaluationOf(server: ServerApi, id: string): Promise<unknown> {
  try {
    return await server.call('GET', `/evaluations/${encodeURIComponent(id)}`);
  } catch (error) {
    if (error instanceof CliError && error.message.startsWith(`no evaluation ${id}`))
      throw new CliError(`no evaluation ${id}; \`evaluate\` prints the ids it creates`);
    throw error;
  }
}

export async function exportThroughApi(server: ServerApi, id: string, request: ExportRequest): Promise<void> {
  const stored = await evaluationOf(server, id);
  const evaluation = asEvaluation(stored);
  const results = await server.call('GET', `/evaluations/${encodeURIComponent(id)}/results`);
  if (!isResultsDocument(results))
    throw new CliError(`evaluation ${id} has no results in ${RESULTS_FORMAT} form`);
  if (request.format === 'coinr') {
    const snapshot = (stored as { framework?: { definition?: unknown } }).framework?.definition;
    await writeCoinrFolder(request.out ?? '.', snapshot, results);
    return;
  }
  // Names and parents come from the register frozen into the results, as on the direct path.
  const format = request.format as ExportFormat; // export.ts checked it
  const sheetName = evaluation.framework.id;
  await writeChunksOut(request.out, resultsExportChunks({ format, evaluation: stored, results, sheetName }));
}
