/**
 * The cap on Monte Carlo runs per evaluation. The engine accepts up to a million replications (a
 * researcher's own machine), but a server shares its cores and its memory between users and runs
 * evaluations one after another (the job queue), so one request may not ask for more than
 * MAX_RUNS_PER_EVALUATION runs. Runs are the replications, or with a sensitivity analysis the
 * Saltelli design's replications × (factors + 2). Settings the cap cannot read are left to the
 * engine, which names every problem (server/engine/uncertainty/spec.ts).
 *
 * @example assertWithinRunsCap({ replications: 20_000, weights: { method: 'uniform', range: 0.2 } }) // ValidationError naming 10,000
 */
import { FACTOR_ORDER } from '../engine/uncertainty/spec.js';
import { ValidationError } from '../errors.js';

export const MAX_RUNS_PER_EVALUATION = 10_000;

interface RunCount {
  readonly runs: number;
  readonly replications: number;
  /** Factors of a sensitivity analysis; null without one. */
  readonly factors: number | null;
}

function runCount(settings: unknown): RunCount | undefined {
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) return undefined;
  const given = settings as Record<string, unknown>;
  const replications = given.replications;
  if (typeof replications !== 'number' || !Number.isInteger(replications) || replications < 1)
    return undefined;
  if (given.sensitivity !== true) return { runs: replications, replications, factors: null };
  const factors = FACTOR_ORDER.filter((factor) => given[factor] !== undefined).length;
  return { runs: replications * (factors + 2), replications, factors };
}

/** Throws a ValidationError (400) when the settings ask for more runs than one evaluation may make. */
export function assertWithinRunsCap(settings: unknown): void {
  const count = runCount(settings);
  if (count === undefined || count.runs <= MAX_RUNS_PER_EVALUATION) return;
  const cap = MAX_RUNS_PER_EVALUATION.toLocaleString('en');
  const how =
    count.factors === null
      ? `${count.runs} replications`
      : `${count.runs} runs (${count.replications} replications × (${count.factors} factors + 2) for the sensitivity analysis)`;
  throw new ValidationError(
    `每次评估最多 ${cap} 次蒙特卡洛运行 An evaluation makes at most ${cap} Monte Carlo runs; this one asks for ${how}`,
    [
      {
        where: 'uncertainty.replications',
        message: `at most ${cap} runs per evaluation (此处 ${count.runs}); found ${how}`,
      },
    ],
  );
}
