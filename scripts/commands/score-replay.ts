/**
 * `score --replay FILE`: reruns the replications of an external sensitivity design (one run per entry,
 * e.g. exported from COINr or SALib), each with its own weights, method choices and winsorisation
 * limit on top of the command's choices, and writes replay.csv: run, uCode [, Time], then the score
 * of every node and the rank of the index. The file is JSON:
 *
 * @example
 * { "runs": [
 *   { "id": "r1", "weights": { "Physical": 2 }, "winmax": 3 },
 *   { "id": "r2", "methods": { "normalisation": { "method": "zscore" }, "aggregation": { "method": "geometric" } } }
 * ] }
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ValidationError } from '../../server/errors.js';
import { runPipeline } from '../../server/engine/pipeline.js';
import type { EngineInput, MethodChoice, MethodChoices } from '../../server/engine/types.js';
import { safeCsv, type CsvCell } from '../../server/intake/safe-csv.js';
import { compileValidator } from '../../server/validation/compile.js';
import { CliError } from './cli-error.js';
import type { OutputShape } from './score-output.js';

const STAGES = [
  'imputation',
  'screening',
  'treatment',
  'normalisation',
  'weighting',
  'aggregation',
  'periods',
] as const;

export interface ReplayRun {
  readonly id: string;
  /** Relative weights by node or indicator id, over the framework's (weighting: framework). */
  readonly weights?: Readonly<Record<string, number>>;
  /** A method choice per stage, replacing the command's for this run. */
  readonly methods?: Readonly<Partial<Record<(typeof STAGES)[number], MethodChoice>>>;
  /** The winsorisation limit (winmax) of winsorise_log for this run. */
  readonly winmax?: number;
}

const choiceSchema = {
  type: 'object',
  required: ['method'],
  properties: { method: { type: 'string', minLength: 1 } },
};

const asReplay = compileValidator<{ runs: ReplayRun[] }>('replay file', {
  type: 'object',
  additionalProperties: false,
  required: ['runs'],
  properties: {
    runs: {
      type: 'array',
      minItems: 1,
      maxItems: 100_000,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id'],
        properties: {
          id: { type: 'string', minLength: 1, maxLength: 200 },
          weights: { type: 'object', additionalProperties: { type: 'number', minimum: 0 } },
          methods: {
            type: 'object',
            additionalProperties: false,
            properties: Object.fromEntries(STAGES.map((stage) => [stage, choiceSchema])),
          },
          winmax: { type: 'integer', minimum: 0 },
        },
      },
    },
  },
});

export function readReplay(file: string): ReplayRun[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliError(
      `cannot read --replay ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    return asReplay(parsed, path.basename(file)).runs;
  } catch (error) {
    if (error instanceof ValidationError) throw new CliError(error.message);
    throw error;
  }
}

/** The command's choices with one run's weights, methods and winmax applied. */
export function runChoices(base: MethodChoices, run: ReplayRun): MethodChoices {
  const weighting =
    run.methods?.weighting ??
    (run.weights === undefined ? base.weighting : { method: 'framework', weights: run.weights });
  const treatment = run.methods?.treatment ?? base.treatment;
  const limited =
    run.winmax === undefined
      ? treatment
      : { ...(treatment ?? { method: 'winsorise_log' }), winmax: run.winmax };
  const chosen: Record<string, MethodChoice | undefined> = { ...run.methods, weighting, treatment: limited };
  return { ...base, ...Object.fromEntries(Object.entries(chosen).filter(([, c]) => c !== undefined)) };
}

export function writeReplay(
  input: EngineInput,
  base: MethodChoices,
  runs: readonly ReplayRun[],
  dir: string,
  shape: OutputShape,
): { runs: number } {
  let header: CsvCell[] | undefined;
  const rows: CsvCell[][] = [];
  for (const run of runs) {
    let result;
    try {
      result = runPipeline(input, runChoices(base, run));
    } catch (error) {
      if (error instanceof ValidationError) throw new CliError(`replay run ${run.id}: ${error.message}`);
      throw error;
    }
    const r = result;
    header ??= [
      'run',
      shape.unitColumn,
      ...(shape.periodColumn === undefined ? [] : [shape.periodColumn]),
      ...r.nodeIds,
      `rank_${r.root}`,
    ];
    r.periodIds.forEach((periodId, p) => {
      r.unitCodes.forEach((code, u) => {
        const row = p * r.unitCount + u;
        const rank = r.ranks.get(r.root)?.[row] ?? 0;
        rows.push([
          run.id,
          code,
          ...(shape.periodColumn === undefined ? [] : [periodId]),
          ...r.nodeIds.map((id) => {
            const value = r.scores.values.get(id)?.[row];
            return value === undefined || !Number.isFinite(value) ? null : value;
          }),
          rank === 0 ? null : rank,
        ]);
      });
    });
  }
  writeFileSync(path.join(dir, 'replay.csv'), safeCsv([header ?? [], ...rows], { bom: false }));
  return { runs: runs.length };
}
