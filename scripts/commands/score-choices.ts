/**
 * The method choices of `score`: the framework's own, the panel methodology of COINr's multi-year
 * example (METHOD.md), then the command-line overrides (normalisation, range, aggregation, weights …).
 *
 * @example scoreChoices(framework, { normalisation: 'minmax', range: '1,100', aggregation: 'geometric' }, false)
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { MethodChoice, MethodChoices } from '../../server/engine/types.js';
import type { ResolvedFramework } from '../../server/indicators/registry-types.js';
import { engineChoices } from '../../server/indicators/to-engine-input.js';
import { CliError } from './cli-error.js';

export interface ChoiceOptions {
  readonly imputation?: string;
  readonly group?: string;
  readonly screening?: string;
  readonly threshold?: string;
  readonly treatment?: string;
  readonly normalisation?: string;
  readonly range?: string;
  readonly weighting?: string;
  readonly weights?: string;
  readonly aggregation?: string;
  readonly periods?: string;
}

/** COINr's multi-year example (build_example_purse, METHOD.md "Several years"). */
export const PANEL_CHOICES: MethodChoices = {
  imputation: { method: 'none' },
  screening: { method: 'by_availability', threshold: 0.9, action: 'drop', basis: 'raw' },
  treatment: { method: 'winsorise_log', skew: 2, kurtosis: 3.5, winmax: 5 },
  normalisation: { method: 'minmax', range: [0, 100] },
  aggregation: { method: 'arithmetic' },
  periods: { method: 'pooled' },
};

export function scoreChoices(
  framework: ResolvedFramework,
  options: ChoiceOptions,
  panel: boolean,
): MethodChoices {
  const base: MethodChoices = {
    ...engineChoices(framework),
    ...(panel ? PANEL_CHOICES : {}),
    rankIndicators: true,
  };
  const override = (
    current: MethodChoice | undefined,
    method: string | undefined,
    extra: Record<string, unknown> = {},
  ): MethodChoice | undefined => {
    if (method === undefined && Object.keys(extra).length === 0) return current;
    const name = method ?? current?.method ?? '';
    // A new method starts from its own defaults; the same method keeps the framework's parameters.
    const kept = current?.method === name ? current : { method: name };
    return { ...kept, ...extra };
  };
  const range = options.range === undefined ? {} : { range: parseRange(options.range) };
  const threshold = options.threshold === undefined ? {} : { threshold: Number(options.threshold) };
  const group = options.group === undefined ? {} : { group: options.group };
  const weights = options.weights === undefined ? {} : { weights: readWeights(options.weights) };
  const choices: Record<string, MethodChoice | undefined> = {
    imputation: override(base.imputation, options.imputation, group),
    screening: override(base.screening, options.screening, threshold),
    treatment: override(base.treatment, options.treatment),
    normalisation: override(base.normalisation, options.normalisation, range),
    weighting: override(
      base.weighting,
      options.weights === undefined ? options.weighting : (options.weighting ?? 'framework'),
      weights,
    ),
    aggregation: override(base.aggregation, options.aggregation),
    periods: override(base.periods, options.periods),
  };
  return { ...base, ...Object.fromEntries(Object.entries(choices).filter(([, c]) => c !== undefined)) };
}

function parseRange(text: string): [number, number] {
  const parts = text.split(',').map((p) => Number(p.trim()));
  const [low, high] = parts;
  if (
    parts.length !== 2 ||
    low === undefined ||
    high === undefined ||
    Number.isNaN(low) ||
    Number.isNaN(high)
  ) {
    throw new CliError(`--range takes two numbers "low,high", found "${text}"`);
  }
  return [low, high];
}

/** A weight set as COINr writes one: a CSV with iCode and Weight columns (other columns ignored). */
export function readWeights(file: string): Record<string, number> {
  let rows: Record<string, string>[];
  try {
    rows = parse<Record<string, string>>(readFileSync(file, 'utf8'), {
      columns: true,
      skip_empty_lines: true,
      bom: true,
    });
  } catch (error) {
    throw new CliError(
      `cannot read weights ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const weights: Record<string, number> = {};
  for (const row of rows) {
    const id = row.iCode ?? row.id ?? '';
    const weight = Number(row.Weight ?? row.weight ?? '');
    if (id === '' || Number.isNaN(weight))
      throw new CliError(`${file}: every row needs an iCode and a numeric Weight`);
    weights[id] = weight;
  }
  return weights;
}
