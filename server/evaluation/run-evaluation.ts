/**
 * Creates and runs an evaluation: resolve the framework, read the data, run the engine, store a
 * draft with the framework snapshot (definitions and hashes), the method choices, the data
 * fingerprint and the results, in one store call that writes the results before the draft
 * becomes visible (so an interrupted run leaves no draft without results). Progress is reported
 * in steps for the job status endpoint and the CLI's progress bar. A cancelled run (`signal`)
 * stops between steps and inside the Monte Carlo runs, before anything is stored. With
 * `supersedes` the draft is a new version of a published evaluation (run-version.ts builds such
 * requests).
 */
import { auditEvaluation } from '../engine/audit/audit.js';
import { computeProgress } from '../engine/context/progress/progress.js';
import { resolveProgressSettings } from '../engine/context/progress/progress-settings.js';
import { resolvePeerChoice } from '../engine/context/peers/peer-choice.js';
import { diagnose } from '../engine/diagnostics/diagnose.js';
import { withNoDataWarnings } from '../engine/diagnostics/no-data-warnings.js';
import { runPipeline } from '../engine/pipeline.js';
import { rollUp } from '../engine/rollup/roll-up.js';
import { runUncertainty } from '../workers/run-uncertainty.js';
import type { MethodChoices } from '../engine/types.js';
import type { Registry, ResolvedFramework } from '../indicators/registry-types.js';
import { engineChoices, toEngineInput } from '../indicators/to-engine-input.js';
import type { Evaluation, FrameworkSnapshot, VersionReason } from '../store/models/evaluation.js';
import type { JsonValue, Store } from '../store/store.js';
import { NotFoundError } from '../errors.js';
import { toAuditDocument } from './audit-document.js';
import { loadEngineData } from './engine-data.js';
import { completeAttributes, numericAttributes, peersDocument } from './peers-document.js';
import { engineFigures } from './engine-figures.js';
import { progressDocument } from './progress-document.js';
import { toResultsDocument } from './results-document.js';
import { expectedDocument, prepareExpected } from './expected-section.js';
import { targetsDocument } from './targets-document.js';
import { assertWithinRunsCap } from './runs-cap.js';
import { loadSurveyData } from './survey-data.js';
import { surveysDocument } from './surveys-document.js';
import { resolveSourceOrder } from './source-order.js';
import { verificationSection } from './verification-section.js';
import { indicatorStatuses } from './value-statuses.js';
import { satisfactionDocument, satisfactionSources } from './satisfaction-section.js';
import { satisfactionMeasures } from './satisfaction-measures.js';

export interface EvaluationRequest {
  readonly frameworkId: string;
  readonly periods: readonly string[];
  readonly actor: string;
  readonly label?: { readonly zh: string; readonly en: string };
  /** Overrides of the framework's method choices, stage by stage. */
  readonly methods?: MethodChoices;
  /**
   * Monte Carlo settings (server/engine/uncertainty/spec.ts), e.g. `{ replications: 500, seed: 1,
   * weights: { method: 'uniform', range: 0.25 } }`: adds rank intervals and sensitivity indices.
   */
  readonly uncertainty?: unknown;
  /** Worker threads for the Monte Carlo runs (default: one per core; 0 = this thread). */
  readonly workers?: number;
  /** The published evaluation this one replaces (the store checks it is the latest of its line). */
  readonly supersedes?: string;
  /** Why the new version was made; required with `supersedes`. */
  readonly reason?: VersionReason;
  /** The framework already resolved at a given version (a new version keeps its own); else `frameworkId` from the registry. */
  readonly framework?: ResolvedFramework;
}

export type Progress = (done: number, total: number, step: string) => void;

function snapshot(framework: ResolvedFramework): FrameworkSnapshot {
  const hashes: Record<string, string> = {};
  for (const d of framework.dimensions) hashes[d.id] = d.hash;
  for (const i of framework.indicators) hashes[i.id] = i.hash;
  for (const s of framework.surveys) hashes[s.id] = s.hash;
  return {
    id: framework.definition.id,
    version: framework.definition.version,
    hash: framework.hash,
    hashes,
    definition: JSON.parse(
      JSON.stringify({
        framework: framework.definition,
        dimensions: framework.dimensions.map((d) => d.definition),
        indicators: framework.indicators.map((i) => i.definition),
        ...(framework.surveys.length === 0 ? {} : { surveys: framework.surveys.map((s) => s.definition) }),
      }),
    ) as JsonValue,
  };
}

/** The version number the draft will have: one after the evaluation it supersedes (the store checks it again). */
async function versionOf(store: Store, supersedes: string | undefined): Promise<number> {
  if (supersedes === undefined) return 1;
  const previous = await store.evaluations.get(supersedes);
  if (previous === undefined) throw new NotFoundError(`no evaluation ${supersedes}`);
  return previous.version + 1;
}

export async function runEvaluation(
  store: Store,
  registry: Registry,
  request: EvaluationRequest,
  progress: Progress = () => undefined,
  signal?: AbortSignal,
): Promise<Evaluation> {
  if (request.uncertainty !== undefined) assertWithinRunsCap(request.uncertainty);
  const steps = request.uncertainty === undefined ? 4 : 5;
  progress(0, steps, 'resolve framework');
  const framework = request.framework ?? registry.resolveFramework(request.frameworkId);
  progress(1, steps, 'read data');
  const sourceOrder = resolveSourceOrder(request.methods?.sources);
  const data = await loadEngineData(store, framework, request.periods, sourceOrder);
  const surveyData = await loadSurveyData(store, framework, request.periods);
  signal?.throwIfAborted();
  progress(2, steps, 'score');
  const choices: MethodChoices = { ...engineChoices(framework), ...request.methods };
  const peerChoice = resolvePeerChoice(
    choices.peers,
    numericAttributes(data.baseUnits),
    completeAttributes(data.baseUnits),
  );
  const input = toEngineInput(framework, data.units, data.periods);
  const progressSettings = resolveProgressSettings(
    choices.progress,
    input.periods.map((p) => p.id),
  );
  const baseAttributes = new Map(data.baseUnits.map((u) => [u.code, u.attributes]));
  const expectedSettings = prepareExpected(choices.expected, [...baseAttributes.values()]);
  const result = withNoDataWarnings(runPipeline(input, choices));
  // Peer groups come from the unit register; without them, everyone is one peer group.
  const peerGroup = data.baseUnits.some((u) => u.attributes.peer_group !== undefined) ? 'peer_group' : null;
  const diagnostics = diagnose(input, result, peerGroup === null ? {} : { peerGroup });
  const rollup = rollUp(input, result, choices.rollup ?? { method: 'population_weighted' });
  const figures = engineFigures(input, result, rollup, { peerGroup, register: data.allUnits });
  // Statistical peers: each community's own neighbour set, beside the register's groups.
  const peers =
    peerChoice.method === 'nearest' ? peersDocument(data.baseUnits, result, peerChoice) : undefined;
  let uncertainty;
  if (request.uncertainty !== undefined) {
    progress(3, steps, 'uncertainty analysis');
    signal?.throwIfAborted();
    uncertainty = await runUncertainty(input, choices, request.uncertainty, {
      ...(request.workers === undefined ? {} : { workers: request.workers }),
      ...(signal === undefined ? {} : { signal }),
    });
  }
  signal?.throwIfAborted();
  progress(steps - 1, steps, 'store results');
  const surveys =
    surveyData === undefined
      ? undefined
      : surveysDocument(framework.surveys, data.allUnits, surveyData.periods, surveyData.fingerprint);
  const results = toResultsDocument({
    result,
    diagnostics,
    peerGroup,
    rollup,
    figures,
    register: data.allUnits,
    uncertainty,
    audit: toAuditDocument(auditEvaluation(input, result)),
    progress: progressDocument(computeProgress(input, result, progressSettings), figures, result.root),
    expected: expectedDocument(result, baseAttributes, expectedSettings),
    peers,
    targets: targetsDocument(
      framework.definition.overrides,
      { diagnostics, unitCount: result.unitCount },
      figures.levelDiagnostics.map((d, k) => ({
        diagnostics: d,
        unitCount: rollup.levels[k]?.codes.length ?? 0,
      })),
      result.periodIds.length,
    ),
    surveys,
    verification: verificationSection(input, data),
    valueStatuses: indicatorStatuses(input.tree.indicators, data.observations),
    // How closely the scores track each survey indicator (issue 15), at every level it reaches.
    satisfaction: satisfactionDocument(
      satisfactionSources(result, rollup, data.allUnits),
      satisfactionMeasures(
        surveys,
        (surveyData?.periods ?? []).map((p) => p.id),
      ),
    ),
    version: await versionOf(store, request.supersedes),
    supersedes: request.supersedes ?? null,
  });
  const stored = await store.evaluations.create(
    {
      ...(request.label === undefined ? {} : { label: request.label }),
      ...(request.supersedes === undefined ? {} : { supersedes: request.supersedes }),
      ...(request.reason === undefined ? {} : { reason: request.reason }),
      ...(request.uncertainty === undefined ? {} : { uncertainty: request.uncertainty }),
      framework: snapshot(framework),
      methods: JSON.parse(
        JSON.stringify({
          ...result.choices,
          progress: { base: progressSettings.base, target_period: progressSettings.targetPeriod },
          expected: expectedSettings,
          ...(choices.peers === undefined ? {} : { peers: peerChoice }),
          sources: data.sources,
        }),
      ) as JsonValue,
      periods: request.periods,
      dataFingerprint: data.fingerprint,
      createdBy: request.actor,
    },
    results,
  );
  progress(steps, steps, 'done');
  return stored;
}
