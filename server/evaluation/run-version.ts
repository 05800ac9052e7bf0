/**
 * A new version of a published evaluation: the same run as a new evaluation, on the current data,
 * starting from the previous version's framework, periods, label, method choices and Monte Carlo
 * settings, with the changes asked for. It stores a draft with the next version number that cites
 * the previous one; the use case (server/services/make-version.ts) audits it. Publishing goes the
 * usual way.
 *
 * @example
 * await runEvaluationVersion(store, registry, {
 *   previous: 'ev_a', actor: 'wang', reason: { zh: '改用熵权法', en: 'Entropy weights' },
 *   methods: { weighting: { method: 'entropy' } },
 * });
 */
import type { MethodChoices } from '../engine/types.js';
import type { Registry, ResolvedFramework } from '../indicators/registry-types.js';
import type { Bilingual } from '../store/models/common.js';
import type { Evaluation, VersionReason } from '../store/models/evaluation.js';
import type { JsonValue, Store } from '../store/store.js';
import { runEvaluation, type EvaluationRequest, type Progress } from './run-evaluation.js';
import { storedChoices } from './stored-choices.js';
import { assertSupersedable } from './supersedable.js';

export interface VersionRequest {
  /** The id of the published evaluation to supersede. */
  readonly previous: string;
  readonly actor: string;
  readonly reason: VersionReason;
  readonly label?: Bilingual;
  /** Stage by stage, replacing the previous version's choice for that stage. */
  readonly methods?: MethodChoices;
  readonly periods?: readonly string[];
  /** New Monte Carlo settings; null runs none; absent keeps the previous version's. */
  readonly uncertainty?: JsonValue;
  readonly workers?: number;
  /**
   * The framework at the version the new evaluation uses (make-version.ts resolves it: the
   * previous version's framework version unless another is asked for); absent, the registry's.
   */
  readonly framework?: ResolvedFramework;
}

/** The evaluation request a version makes: the previous version's settings, changed as asked. */
export function versionedRequest(previous: Evaluation, request: VersionRequest): EvaluationRequest {
  const label = request.label ?? previous.label;
  const uncertainty = request.uncertainty === undefined ? previous.uncertainty : request.uncertainty;
  return {
    frameworkId: previous.framework.id,
    periods: request.periods ?? previous.periods,
    actor: request.actor,
    methods: { ...storedChoices(previous.methods), ...request.methods },
    supersedes: previous.id,
    reason: request.reason,
    ...(label === null ? {} : { label }),
    ...(uncertainty === null ? {} : { uncertainty }),
    ...(request.workers === undefined ? {} : { workers: request.workers }),
    ...(request.framework === undefined ? {} : { framework: request.framework }),
  };
}

export async function runEvaluationVersion(
  store: Store,
  registry: Registry,
  request: VersionRequest,
  progress?: Progress,
  signal?: AbortSignal,
): Promise<Evaluation> {
  const previous = await assertSupersedable(store, request.previous);
  return runEvaluation(store, registry, versionedRequest(previous, request), progress, signal);
}
