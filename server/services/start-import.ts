/**
 * The use case "import a file" as the web doors run it: checked at once (permission, what to
 * import, the framework), then imported as a job owned by the actor, whose result names the
 * outcome and the batch. The import page and POST /api/v1/imports both start imports here.
 *
 * @example const job = startImport(services, actor, { kind: 'units', file, period: null })
 */
import { ValidationError } from '../errors.js';
import type { Registry } from '../indicators/registry-types.js';
import type { IntakeResult, IntakeStage } from './import-observations-file.js';
import type { IntakeFile } from '../intake/intake-file.js';
import type { Job, ReportProgress } from '../jobs/job-runner.js';
import type { JsonValue } from '../domain/json-value.js';
import type { Store } from '../store/store.js';
import { assertMay, type Actor } from './actor.js';
import type { JobBoard } from './job-board.js';
import { importObservations } from './import-observations.js';
import { importUnits } from './import-units.js';
import { assertHasSurveys, importResponses } from './import-responses.js';
import { provenanceOf } from './import-provenance.js';

export interface ImportRequest {
  /** "units", "observations" or "responses" (survey respondents); anything else is refused with a ValidationError at `kindWhere`. */
  readonly kind: string | undefined;
  readonly file: IntakeFile;
  /** The period of every row of an observations file; null when its period column names them. */
  readonly period: string | null;
  /** The framework whose variables an observations file holds; "default" when absent. */
  readonly framework?: string;
  readonly maxBytes?: number;
  /** Where the kind came from, for the error (query.kind, or the form's field). */
  readonly kindWhere?: string;
  /** Observations only: who produced the figures (self, street or third_party; default self). */
  readonly source?: string | undefined;
  /** Observations only: the confirmed or returned batch this file corrects, and why. */
  readonly corrects?: string | undefined;
  readonly reason?: string | undefined;
  /** Where the source, the corrected batch and the reason came from, for the errors (query., or form fields). */
  readonly fieldPrefix?: string;
}

function summary(result: IntakeResult): JsonValue {
  return { outcome: result.outcome, batch: result.batch.id, status: result.batch.status };
}

function stages(progress: ReportProgress) {
  return (stage: IntakeStage, done: number, total: number): void => {
    progress(done, total, stage);
  };
}

export function startImport(
  context: { readonly store: Store; readonly registry: Registry; readonly jobs: JobBoard },
  actor: Actor,
  request: ImportRequest,
): Job {
  assertMay(actor, 'data.import');
  const { file } = request;
  const limit = request.maxBytes === undefined ? {} : { maxBytes: request.maxBytes };
  if (request.kind === 'units') {
    return context.jobs.start(actor, 'import-units', async (progress) =>
      summary(await importUnits(context, actor, { file, ...limit, onProgress: stages(progress) })),
    );
  }
  if (request.kind === 'observations') {
    // Fail now, not inside the job, for an unknown framework.
    const framework = context.registry.resolveFramework(request.framework ?? 'default');
    const provenance = provenanceOf(request);
    const period = request.period;
    return context.jobs.start(actor, 'import-observations', async (progress) =>
      summary(
        await importObservations(context, actor, {
          file,
          variables: framework.variables,
          rules: framework.rules,
          jumps: framework.definition.jumps,
          period,
          ...limit,
          onProgress: stages(progress),
          provenance,
        }),
      ),
    );
  }
  if (request.kind === 'responses') {
    const id = request.framework ?? 'default';
    const { surveys } = context.registry.resolveFramework(id);
    assertHasSurveys(id, surveys);
    const period = request.period;
    return context.jobs.start(actor, 'import-responses', async (progress) =>
      summary(
        await importResponses(context, actor, {
          file,
          surveys,
          framework: id,
          period,
          ...limit,
          onProgress: stages(progress),
        }),
      ),
    );
  }
  throw new ValidationError(
    'kind must be units, observations or responses (导入类型须为 units、observations 或 responses)',
    [{ where: request.kindWhere ?? 'kind', message: `found ${JSON.stringify(request.kind ?? '')}` }],
  );
}
