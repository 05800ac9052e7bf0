/**
 * The use case "make a new version": needs evaluations.run; evaluates again, on the current data,
 * from a published evaluation's settings changed as asked (server/evaluation/run-version.ts),
 * stores a draft that cites it and audits evaluation.version with the reason. The API starts it
 * as a job (startVersion), after refusing at once what cannot be superseded.
 *
 * @example await makeVersion(services, actor, { previous: 'ev_a', reason: '改用熵权法', methods: { weighting: { method: 'entropy' } } })
 */
import type { Evaluation } from '../domain/evaluation.js';
import type { JsonValue } from '../domain/json-value.js';
import type { Progress } from '../evaluation/run-evaluation.js';
import { runEvaluationVersion, type VersionRequest } from '../evaluation/run-version.js';
import { assertSupersedable } from '../evaluation/supersedable.js';
import type { Registry } from '../indicators/registry-types.js';
import type { Job } from '../jobs/job-runner.js';
import type { Store } from '../store/store.js';
import { assertMay, type Actor } from './actor.js';
import type { JobBoard } from './job-board.js';

export type NewVersion = Omit<VersionRequest, 'actor'>;

export async function makeVersion(
  context: { readonly store: Store; readonly registry: Registry },
  actor: Actor,
  request: NewVersion,
  progress?: Progress,
): Promise<Evaluation> {
  assertMay(actor, 'evaluations.run');
  const { store, registry } = context;
  const evaluation = await runEvaluationVersion(store, registry, { ...request, actor: actor.name }, progress);
  const reason: JsonValue =
    typeof request.reason === 'string' ? request.reason : { zh: request.reason.zh, en: request.reason.en };
  await store.audit.append({
    actor: actor.name,
    action: 'evaluation.version',
    target: evaluation.id,
    detail: { supersedes: request.previous, reason },
  });
  return evaluation;
}

/**
 * makeVersion as a job owned by the actor. Refuses now, not inside the job, an evaluation that is
 * unknown, a draft or already superseded, and one whose framework is gone from the registry.
 */
export async function startVersion(
  context: { readonly store: Store; readonly registry: Registry; readonly jobs: JobBoard },
  actor: Actor,
  request: NewVersion,
): Promise<Job> {
  assertMay(actor, 'evaluations.run');
  const previous = await assertSupersedable(context.store, request.previous);
  context.registry.resolveFramework(previous.framework.id);
  return context.jobs.start(actor, 'evaluation', async (progress) => {
    const evaluation = await makeVersion(context, actor, request, progress);
    return { evaluation: evaluation.id, version: evaluation.version, supersedes: previous.id };
  });
}
