/**
 * What each process of the split Monte Carlo benchmark reads from the store: the framework's engine
 * input for the given periods and the framework's own method choices, as an evaluation reads them
 * (server/evaluation/run-evaluation.ts).
 */
import type { EngineInput, MethodChoices } from '../../server/engine/types.js';
import { loadEngineData } from '../../server/evaluation/engine-data.js';
import type { Registry } from '../../server/indicators/registry-types.js';
import { engineChoices, toEngineInput } from '../../server/indicators/to-engine-input.js';
import type { Store } from '../../server/store/store.js';

export interface SplitSettings {
  readonly frameworkId: string;
  readonly periods: readonly string[];
  readonly uncertainty: Record<string, unknown>;
}

export async function splitAnalysisInput(
  store: Store,
  registry: Registry,
  settings: SplitSettings,
): Promise<{ input: EngineInput; choices: MethodChoices }> {
  const framework = registry.resolveFramework(settings.frameworkId);
  const data = await loadEngineData(store, framework, settings.periods);
  return { input: toEngineInput(framework, data.units, data.periods), choices: engineChoices(framework) };
}
