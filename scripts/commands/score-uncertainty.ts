/**
 * `score --uncertainty N`: a Monte Carlo uncertainty analysis of the ranks next to the scores, over
 * worker threads. Without `--uncertainty-settings` it varies the framework weights by ±25 % (when the
 * run weighs by the framework) and outlier treatment on/off; a settings file (JSON, see
 * server/engine/uncertainty/spec.ts) chooses the factors, and N overrides its `replications`.
 * Writes DIR/uncertainty.csv (unit, [period,] nominal, median, 5 % and 95 % rank) and
 * DIR/uncertainty.json (design, sensitivity indices, and every replication's record for replay).
 *
 * @example npm run zhili -- score --framework asem --data … --out out --uncertainty 1000
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { UncertaintyResult } from '../../server/engine/uncertainty/result.js';
import type { EngineInput, MethodChoices } from '../../server/engine/types.js';
import { ValidationError } from '../../server/errors.js';
import { safeCsv, type CsvCell } from '../../server/intake/safe-csv.js';
import { runUncertainty } from '../../server/workers/run-uncertainty.js';
import { CliError } from './cli-error.js';
import type { OutputShape } from './score-output.js';

export async function writeUncertainty(
  input: EngineInput,
  choices: MethodChoices,
  options: { readonly uncertainty: string; readonly uncertaintySettings?: string },
  dir: string,
  shape: OutputShape,
): Promise<UncertaintyResult> {
  const replications = Number(options.uncertainty);
  if (!Number.isInteger(replications) || replications < 1) {
    throw new CliError(
      `--uncertainty needs a whole number of replications ≥ 1, found "${options.uncertainty}"`,
    );
  }
  const settings = { ...settingsFrom(options.uncertaintySettings, choices), replications };
  let result: UncertaintyResult;
  try {
    result = await runUncertainty(input, choices, settings);
  } catch (error) {
    if (error instanceof ValidationError) throw new CliError(error.message);
    throw error;
  }
  const rows: CsvCell[][] = [
    [
      shape.unitColumn,
      ...(shape.periodColumn === undefined ? [] : [shape.periodColumn]),
      'nominal_rank',
      'median_rank',
      'p5_rank',
      'p95_rank',
    ],
  ];
  const { statistics: s } = result;
  result.periodIds.forEach((periodId, p) => {
    result.unitCodes.forEach((code, u) => {
      const row = p * result.unitCount + u;
      rows.push([
        code,
        ...(shape.periodColumn === undefined ? [] : [periodId]),
        rank(result.nominal[row]),
        ...[s.median[row], s.p5[row], s.p95[row]].map(cell),
      ]);
    });
  });
  writeFileSync(path.join(dir, 'uncertainty.csv'), safeCsv(rows, { bom: false }));
  const { seed, design, samples, runs, factors, sensitivity, records } = result;
  writeFileSync(
    path.join(dir, 'uncertainty.json'),
    `${JSON.stringify({ seed, design, samples, runs, factors, sensitivity: sensitivity ?? null, settings, records })}\n`,
  );
  return result;
}

function settingsFrom(file: string | undefined, choices: MethodChoices): Record<string, unknown> {
  if (file === undefined) {
    const framework = choices.weighting === undefined || choices.weighting.method === 'framework';
    return {
      seed: choices.seed ?? 0,
      ...(framework ? { weights: { method: 'uniform', range: 0.25 } } : {}),
      treatment: true,
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path.resolve(file), 'utf8'));
  } catch (error) {
    throw new CliError(`--uncertainty-settings: cannot read ${file} as JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new CliError(`--uncertainty-settings: ${file} must hold a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

/** A rank, empty when the unit has none (0). */
function rank(value: number | undefined): number | null {
  return value === undefined || value === 0 ? null : value;
}

function cell(value: number | undefined): number | null {
  return value === undefined || !Number.isFinite(value) ? null : value;
}
