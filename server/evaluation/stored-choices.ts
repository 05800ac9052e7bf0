/**
 * The method choices an evaluation stored (the engine's resolved choices, as JSON), read back as
 * MethodChoices so a new version can start from them. Only the engine's stages and settings are
 * kept; the engine itself checks every method and parameter again before it runs.
 *
 * @example storedChoices({ weighting: { method: 'framework' }, seed: 7 }) // { weighting: { method: 'framework' }, seed: 7 }
 */
import type { MethodChoice, MethodChoices } from '../engine/types.js';
import type { JsonValue } from '../store/store.js';

/** The stages whose method an evaluation request may choose (request schemas list them too). */
export const CHOICE_STAGES = [
  'imputation',
  'screening',
  'treatment',
  'normalisation',
  'weighting',
  'aggregation',
  'rollup',
  'periods',
] as const;

type Stage = (typeof CHOICE_STAGES)[number];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isChoice(value: unknown): value is MethodChoice {
  return isRecord(value) && typeof value.method === 'string';
}

export function storedChoices(methods: JsonValue): MethodChoices {
  if (!isRecord(methods)) return {};
  const stages: Partial<Record<Stage, MethodChoice>> = {};
  for (const stage of CHOICE_STAGES) {
    const choice = methods[stage];
    if (isChoice(choice)) stages[stage] = choice;
  }
  const { seed, rankIndicators, progress, expected, peers, sources } = methods;
  return {
    ...stages,
    ...(isRecord(expected) ? { expected } : {}),
    ...(isChoice(peers) ? { peers } : {}),
    ...(typeof seed === 'number' ? { seed } : {}),
    ...(typeof rankIndicators === 'boolean' ? { rankIndicators } : {}),
    ...(isRecord(progress) ? { progress: progressChoice(progress) } : {}),
    ...(Array.isArray(sources) ? { sources: sources.filter((s) => typeof s === 'string') } : {}),
  };
}

/** The progress settings' strings (the engine checks them again). */
function progressChoice(progress: Record<string, unknown>): { base?: string; target_period?: string } {
  const { base, target_period } = progress;
  return {
    ...(typeof base === 'string' ? { base } : {}),
    ...(typeof target_period === 'string' ? { target_period } : {}),
  };
}
