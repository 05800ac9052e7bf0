/**
 * `evaluate FRAMEWORK --period P … [--publish]` through the running server: POST
 * /api/v1/evaluations, the job followed to its end, then POST /evaluations/:id/publish when asked;
 * prints the same line as the direct path. The server scores with the indicator definitions it
 * loaded, so another definitions folder (--indicators) needs the store itself.
 *
 * @example await evaluateThroughApi(server, 'default', { period: ['2025'], publish: true })
 */
import { CliError } from '../cli-error.js';
import { asEvaluation, asEvaluationJobResult } from './answers.js';
import type { ServerApi } from './server-api.js';

/** The command's options that matter here (the actor travels with the server's client). */
export interface EvaluateRequest {
  readonly period: readonly string[];
  readonly publish?: boolean;
  readonly indicators?: string;
}

export async function evaluateThroughApi(
  server: ServerApi,
  frameworkId: string,
  request: EvaluateRequest,
): Promise<void> {
  if (request.indicators !== undefined) {
    throw new CliError(
      '--indicators: the running server scores with the definitions it loaded at start; stop it to score with another folder',
    );
  }
  const started = await server.call('POST', '/evaluations', {
    json: { framework: frameworkId, periods: request.period },
  });
  const { evaluation: id } = asEvaluationJobResult(await server.finished(started));
  const path = `/evaluations/${encodeURIComponent(id)}`;
  const evaluation = asEvaluation(
    request.publish === true ? await server.call('POST', `${path}/publish`) : await server.call('GET', path),
  );
  console.log(
    `evaluation ${evaluation.id} (${evaluation.status}): ${frameworkId} over ${request.period.join(', ')}`,
  );
}
