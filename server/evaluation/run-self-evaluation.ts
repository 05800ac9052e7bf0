/**
 * Runs a self-evaluation: the framework over one community's own data in the chosen periods, with
 * the self-evaluation's method choices (goalposts normalisation, server/engine/self/self-choices.ts),
 * the engine's diagnostics (lights, trends, weakest dimension; no peer group, no parent ranks) and
 * the standing the page shows (server/engine/self/self-standing.ts). Pure apart from reading the
 * store; the use case (server/services/self-evaluations.ts) stores and audits the result.
 */
import { diagnose } from '../engine/diagnostics/diagnose.js';
import { runPipeline } from '../engine/pipeline.js';
import { selfChoices, type SelfMethodNote } from '../engine/self/self-choices.js';
import { selfStanding } from '../engine/self/self-standing.js';
import type { SelfStanding } from '../domain/self-evaluation.js';
import type { Registry } from '../indicators/registry-types.js';
import { engineChoices, toEngineInput } from '../indicators/to-engine-input.js';
import type { Store } from '../store/store.js';
import { loadSelfEngineData } from './self-engine-data.js';

export interface SelfRun {
  readonly framework: { readonly id: string; readonly version: string; readonly hash: string };
  readonly methods: Readonly<Record<string, unknown>>;
  readonly notes: readonly SelfMethodNote[];
  readonly standing: SelfStanding;
}

export async function runSelfEvaluation(
  store: Store,
  registry: Registry,
  request: { readonly framework: string; readonly unit: string; readonly periods: readonly string[] },
): Promise<SelfRun> {
  const framework = registry.resolveFramework(request.framework);
  const data = await loadSelfEngineData(store, framework, request.unit, request.periods);
  const { choices, notes } = selfChoices(engineChoices(framework));
  const input = toEngineInput(framework, data.units, data.periods);
  const result = runPipeline(input, choices);
  const diagnostics = diagnose(input, result);
  return {
    framework: {
      id: framework.definition.id,
      version: framework.definition.version,
      hash: framework.hash,
    },
    methods: JSON.parse(JSON.stringify(result.choices)) as Record<string, unknown>,
    notes,
    standing: selfStanding(input, result, diagnostics),
  };
}
