/**
 * `import units|data` through the running server: the file goes up as the body of
 * POST /api/v1/imports, the job is followed to its end, and the batch and its validation report
 * come back as the same IntakeResult the direct path makes, so the command prints and writes the
 * report CSV exactly as it does with the store open.
 *
 * @example const result = await importThroughApi(server, { kind: 'units', file: '/abs/units.csv', maxBytes, period: null, framework: 'default' })
 */
import type { IntakeResult } from '../../../server/services/import-observations-file.js';
import { readIntakeFile } from '../../../server/intake/intake-file.js';
import { asValidationReport } from '../../../server/store/models/validation-report.js';
import { cliErrorOf } from '../app-error-text.js';
import { CliError } from '../cli-error.js';
import { asBatch, asImportSummary } from './answers.js';
import type { ServerApi } from './server-api.js';

export interface ImportRequest {
  readonly kind: 'units' | 'observations' | 'responses';
  /** The file's absolute path. */
  readonly file: string;
  readonly maxBytes: number;
  readonly period: string | null;
  /** The framework whose variables an observations file holds. */
  readonly framework: string;
  /** A variables file given instead of a framework: the API takes frameworks only. */
  readonly variables?: string;
  /** Observations: the source, and the reviewed batch this file corrects with why. */
  readonly source?: string;
  readonly corrects?: string;
  readonly reason?: string;
}

export async function importThroughApi(server: ServerApi, request: ImportRequest): Promise<IntakeResult> {
  if (request.variables !== undefined) {
    throw new CliError(
      '--variables: the running server imports the variables of a framework (--framework); stop it to import with a variables file',
    );
  }
  try {
    const intake = await readIntakeFile(request.file, request.maxBytes);
    const query = new URLSearchParams({ kind: request.kind, filename: intake.fileName });
    if (request.kind !== 'units') {
      query.set('framework', request.framework);
      if (request.period !== null) query.set('period', request.period);
      if (request.source !== undefined) query.set('source', request.source);
      if (request.corrects !== undefined) query.set('corrects', request.corrects);
      if (request.reason !== undefined) query.set('reason', request.reason);
    }
    const started = await server.call('POST', `/imports?${query.toString()}`, { raw: intake.bytes });
    const summary = asImportSummary(await server.finished(started));
    const batchPath = `/imports/${encodeURIComponent(summary.batch)}`;
    const batch = asBatch(await server.call('GET', batchPath));
    const report = batch.hasReport
      ? asValidationReport(await server.call('GET', `${batchPath}/report`))
      : undefined;
    return { outcome: summary.outcome, batch, report };
  } catch (error) {
    throw cliErrorOf(error);
  }
}
