/**
 * The progress settings an evaluation chooses (MethodChoices.progress): the base period growth is
 * measured from and the target period by which each indicator's target should be reached. Checked
 * before any work; every problem is named by its field. Defaults: the base is the evaluation's first
 * period; the target period lies PROGRESS_HORIZON_YEARS after the latest period (the horizon the trend
 * arrows use, server/engine/diagnostics/diagnose.ts), e.g. 2030 for periods 2023–2025.
 *
 * Periods are read as times in years so that growth is annual, as in Open SDG: "2024" is 2024,
 * "2024H2" 2024.5, "2024Q3" 2024.5, "2024M4" 2024.25.
 *
 * @example resolveProgressSettings(undefined, ['2023', '2024', '2025'])
 * // { base: '2023', targetPeriod: '2030', baseIndex: 0, targetTime: 2030 }
 */
import { ValidationError, type ProblemDetail } from '../../../errors.js';
import { TREND_HORIZON } from '../../diagnostics/diagnose.js';

export const PROGRESS_HORIZON_YEARS = TREND_HORIZON;

/** The settings as an evaluation request writes them. */
export interface ProgressChoice {
  readonly base?: string;
  readonly target_period?: string;
}

export interface ProgressSettings {
  readonly base: string;
  readonly targetPeriod: string;
  /** The base's position among the evaluation's periods. */
  readonly baseIndex: number;
  /** The target period as a time in years. */
  readonly targetTime: number;
}

const PERIOD = /^([0-9]{4})(?:([QMH])([0-9]{1,2}))?$/u;
const PARTS = { Q: 4, M: 12, H: 2 } as const;

/** A period id as a time in years (NaN when it is not a period id). */
export function periodTime(id: string): number {
  const match = PERIOD.exec(id);
  if (match === null) return Number.NaN;
  const year = Number(match[1]);
  const kind = match[2] as keyof typeof PARTS | undefined;
  if (kind === undefined) return year;
  const part = Number(match[3]);
  if (part < 1 || part > PARTS[kind]) return Number.NaN;
  return year + (part - 1) / PARTS[kind];
}

/** The latest period moved `years` later, keeping its kind ("2025" → "2030", "2025Q2" → "2030Q2"). */
function laterBy(id: string, years: number): string {
  const match = PERIOD.exec(id);
  if (match === null) return id;
  return `${Number(match[1]) + years}${id.slice(4)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function resolveProgressSettings(choice: unknown, periods: readonly string[]): ProgressSettings {
  const problems: ProblemDetail[] = [];
  const where = 'methods.progress';
  const given: Record<string, unknown> = isRecord(choice) ? choice : {};
  if (choice !== undefined && !isRecord(choice)) {
    problems.push({ where, message: 'must be an object like { "base": "2023", "target_period": "2030" }' });
  }
  for (const key of Object.keys(given)) {
    if (key !== 'base' && key !== 'target_period') {
      problems.push({ where: `${where}.${key}`, message: 'unknown setting; known: base, target_period' });
    }
  }
  const first = periods[0] ?? '';
  const latest = periods[periods.length - 1] ?? '';
  let base = first;
  if (given.base !== undefined) {
    const position = typeof given.base === 'string' ? periods.indexOf(given.base) : -1;
    if (position < 0 || position === periods.length - 1) {
      problems.push({
        where: `${where}.base`,
        message: `must be one of the evaluation's periods before the latest (${periods.slice(0, -1).join(', ') || 'none'}), found ${JSON.stringify(given.base)}`,
      });
    } else {
      base = periods[position] ?? first;
    }
  }
  let targetPeriod = laterBy(latest, PROGRESS_HORIZON_YEARS);
  if (given.target_period !== undefined) {
    const time = typeof given.target_period === 'string' ? periodTime(given.target_period) : Number.NaN;
    if (!(time > periodTime(latest))) {
      problems.push({
        where: `${where}.target_period`,
        message: `must be a period after the latest one (${latest}), written like 2030 or 2030Q4, found ${JSON.stringify(given.target_period)}`,
      });
    } else {
      targetPeriod = given.target_period as string;
    }
  }
  if (problems.length > 0) {
    throw new ValidationError(
      `The progress settings are invalid: ${problems.map((p) => `${p.where ?? ''}: ${p.message}`).join('; ')}`,
      problems,
    );
  }
  return {
    base,
    targetPeriod,
    baseIndex: Math.max(0, periods.indexOf(base)),
    targetTime: periodTime(targetPeriod),
  };
}
