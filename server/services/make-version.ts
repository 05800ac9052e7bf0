/**
 * The use case "make a new version": needs evaluations.run; evaluates again, on the current data,
 * from a published evaluation's settings changed as asked (server/evaluation/run-version.ts),
 * stores a draft that cites it and audits evaluation.version with the reason. The API starts it
 * as a job (startVersion), after refusing at once what cannot be superseded.
 *
 * The new version keeps the previous one's framework version (from whichever catalogue version
 * holds it: DefinitionCatalogue.resolveFrameworkVersion), unless the request names another
 * (`frameworkVersion`); the audit detail says which it used and, when it changed, from which.
 *
 * @example await makeVersion(services, actor, { previous: 'ev_a', reason: '改用熵权法', methods: { weighting: { method: 'entropy' } } })
 */
import type { Evaluation } from '../domain/evaluation.js';
import type { JsonValue } from '../domain/json-value.js';
import type { Progress } from '../evaluation/run-evaluation.js';
import { runEvaluationVersion, type VersionRequest } from '../evaluation/run-version.js';
import { assertWithinRunsCap } from '../evaluation/runs-cap.js';
import { assertSupersedable } from '../evaluation/supersedable.js';
import { ConflictError } from '../errors.js';
import type { Registry, ResolvedFramework } from '../indicators/registry-types.js';
import type { DefinitionCatalogue } from './definition-catalogue.js';
import type { Job } from '../jobs/job-runner.js';
import type { Store } from '../store/store.js';
import { assertMay, type Actor } from './actor.js';
import type { JobBoard } from './job-board.js';

export type NewVersion = Omit<VersionRequest, 'actor' | 'framework'> & {
  /** The framework version to use; absent, the previous version's. */
  readonly frameworkVersion?: string;
};

interface VersionContext {
  readonly store: Store;
  readonly registry: Registry;
  readonly catalogue: Pick<DefinitionCatalogue, 'resolveFrameworkVersion'>;
}

/** The framework the new version uses: the previous version's framework at the version asked for, else at its own. */
export async function versionFramework(
  context: VersionContext,
  previous: Evaluation,
  frameworkVersion: string | undefined,
): Promise<ResolvedFramework> {
  return context.catalogue.resolveFrameworkVersion(
    previous.framework.id,
    frameworkVersion ?? previous.framework.version,
  );
}

export async function makeVersion(
  context: VersionContext,
  actor: Actor,
  request: NewVersion,
  progress?: Progress,
  signal?: AbortSignal,
): Promise<Evaluation> {
  assertMay(actor, 'evaluations.run');
  const { store, registry } = context;
  const previous = await assertSupersedable(store, request.previous);
  const framework = await versionFramework(context, previous, request.frameworkVersion);
  const evaluation = await runEvaluationVersion(
    store,
    registry,
    {
      previous: request.previous,
      reason: request.reason,
      actor: actor.name,
      framework,
      ...(request.label === undefined ? {} : { label: request.label }),
      ...(request.methods === undefined ? {} : { methods: request.methods }),
      ...(request.periods === undefined ? {} : { periods: request.periods }),
      ...(request.uncertainty === undefined ? {} : { uncertainty: request.uncertainty }),
      ...(request.workers === undefined ? {} : { workers: request.workers }),
    },
    progress,
    signal,
  );
  const reason: JsonValue =
    typeof request.reason === 'string' ? request.reason : { zh: request.reason.zh, en: request.reason.en };
  await store.audit.append({
    actor: actor.name,
    action: 'evaluation.version',
    target: evaluation.id,
    detail: {
      supersedes: request.previous,
      reason,
      frameworkVersion: framework.definition.version,
      ...(framework.definition.version === previous.framework.version
        ? {}
        : { frameworkVersionBefore: previous.framework.version }),
    },
  });
  return evaluation;
}

/**
 * makeVersion as a cancellable job owned by the actor. Refuses now, not inside the job, an
 * evaluation that is unknown, a draft or already superseded, one whose framework is gone from the
 * registry, a Monte Carlo over the runs cap, and a second new version of the same evaluation while
 * one is being made in this process (the store's unique key decides between processes).
 */
export async function startVersion(
  context: VersionContext & { readonly jobs: JobBoard },
  actor: Actor,
  request: NewVersion,
): Promise<Job> {
  assertMay(actor, 'evaluations.run');
  const previous = await assertSupersedable(context.store, request.previous);
  await versionFramework(context, previous, request.frameworkVersion);
  const uncertainty = request.uncertainty === undefined ? previous.uncertainty : request.uncertainty;
  if (uncertainty !== null) assertWithinRunsCap(uncertainty);
  const exclusive = {
    key: `version-of:${previous.id}`,
    conflict: (holder: { readonly id: string }) =>
      new ConflictError(
        `a new version of evaluation ${previous.id} is already being made (job ${holder.id}): wait for it, then publish or delete that draft`,
      ),
  };
  return context.jobs.start(
    actor,
    'evaluation',
    async (progress, signal) => {
      const evaluation = await makeVersion(context, actor, request, progress, signal);
      return { evaluation: evaluation.id, version: evaluation.version, supersedes: previous.id };
    },
    { cancellable: true, exclusive },
  );
}
