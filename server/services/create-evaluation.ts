/**
 * The use case "create an evaluation": needs evaluations.run; scores a framework of the registry
 * over the stored data of some periods (server/evaluation/run-evaluation.ts does the work), stores
 * a draft and audits evaluation.create. The API starts it as a job (startEvaluation); the CLI's
 * `evaluate` runs it in the foreground.
 *
 * @example const draft = await createEvaluation({ store, registry }, actor, { framework: 'default', periods: ['2025'] })
 */
import type { Evaluation } from '../domain/evaluation.js';
import type { MethodChoices } from '../engine/types.js';
import { runEvaluation, type Progress } from '../evaluation/run-evaluation.js';
import { assertWithinRunsCap } from '../evaluation/runs-cap.js';
import type { Registry, ResolvedFramework } from '../indicators/registry-types.js';
import { ValidationError } from '../errors.js';
import type { DefinitionCatalogue } from './definition-catalogue.js';
import type { Job } from '../jobs/job-runner.js';
import type { Store } from '../store/store.js';
import { assertMay, type Actor } from './actor.js';
import type { JobBoard } from './job-board.js';

export interface NewEvaluation {
  readonly framework: string;
  readonly periods: readonly string[];
  readonly label?: { readonly zh: string; readonly en: string };
  readonly methods?: MethodChoices;
  /** Monte Carlo settings, checked in full by the engine (server/engine/uncertainty/spec.ts). */
  readonly uncertainty?: unknown;
  /** Worker threads for the Monte Carlo runs (default: one per core; 0 = this thread). */
  readonly workers?: number;
  /** A version of the framework the catalogue holds (or held); absent, the current one. */
  readonly frameworkVersion?: string;
}

interface CreateContext {
  readonly store: Store;
  readonly registry: Registry;
  readonly catalogue?: Pick<DefinitionCatalogue, 'resolveFrameworkVersion'>;
}

/** The framework at the version asked for, when one is (and is not the current one's). */
async function frameworkAt(
  context: CreateContext,
  request: NewEvaluation,
): Promise<ResolvedFramework | undefined> {
  const wanted = request.frameworkVersion;
  if (
    wanted === undefined ||
    context.registry.frameworks.get(request.framework)?.definition.version === wanted
  ) {
    return undefined;
  }
  if (context.catalogue === undefined) {
    throw new ValidationError(
      `framework ${request.framework} version ${wanted} is not the current one, and no catalogue holds older ones here`,
    );
  }
  return context.catalogue.resolveFrameworkVersion(request.framework, wanted);
}

export async function createEvaluation(
  context: CreateContext,
  actor: Actor,
  request: NewEvaluation,
  progress?: Progress,
  signal?: AbortSignal,
): Promise<Evaluation> {
  assertMay(actor, 'evaluations.run');
  const { store, registry } = context;
  const framework = await frameworkAt(context, request);
  const evaluation = await runEvaluation(
    store,
    registry,
    {
      frameworkId: request.framework,
      periods: request.periods,
      actor: actor.name,
      ...(request.label === undefined ? {} : { label: request.label }),
      ...(request.methods === undefined ? {} : { methods: request.methods }),
      ...(request.uncertainty === undefined ? {} : { uncertainty: request.uncertainty }),
      ...(request.workers === undefined ? {} : { workers: request.workers }),
      ...(framework === undefined ? {} : { framework }),
    },
    progress,
    signal,
  );
  await store.audit.append({
    actor: actor.name,
    action: 'evaluation.create',
    target: evaluation.id,
    detail: { framework: evaluation.framework.id, periods: [...evaluation.periods] },
  });
  return evaluation;
}

/**
 * createEvaluation as a cancellable job owned by the actor (it queues behind other evaluations);
 * refuses at once a missing permission, an unknown framework and a Monte Carlo over the runs cap.
 */
export function startEvaluation(
  context: CreateContext & { readonly jobs: JobBoard },
  actor: Actor,
  request: NewEvaluation,
): Job {
  assertMay(actor, 'evaluations.run');
  context.registry.resolveFramework(request.framework);
  if (request.uncertainty !== undefined) assertWithinRunsCap(request.uncertainty);
  return context.jobs.start(
    actor,
    'evaluation',
    async (progress, signal) => ({
      evaluation: (await createEvaluation(context, actor, request, progress, signal)).id,
    }),
    { cancellable: true },
  );
}
