/**
 * Comparing two or three evaluations of the same units (method variants, versions, or two frameworks):
 * the use case behind /evaluations/compare and its API. It reads each evaluation as the report pages
 * do (reports.read; a draft only with drafts.read, else the same 404 as a missing id), through the
 * report cache so no results document is parsed again, lines up the units of one level by code (the
 * union over the evaluations; a unit absent from one has no score or rank there), keeps only the
 * units the actor's unit scope allows, and lets the engine compare the rankings
 * (engine/compare/compare-rankings.ts). Comparisons are kept in a small bounded memory keyed by the
 * evaluations' results, the level, the period and the scope, because pages of a 10,000-unit
 * comparison are read again and again (paging, sorting, exports).
 *
 * @example const comparison = await compareEvaluations(services, actor, { ids: ['ev_a', 'ev_b'] })
 */
import { can } from '../access/permissions.js';
import type { UnitLevel } from '../domain/unit.js';
import { compareRankings } from '../engine/compare/compare-rankings.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type {
  ComparedEvaluation,
  EvaluationComparison,
  UnitIntervals,
} from '../reports/context/evaluation-comparison.js';
import type { ReportContext } from '../reports/context/report-context.js';
import { reportScope, type ReportScope } from '../reports/context/report-scope.js';
import { assertMay, type Actor } from './actor.js';
import type { ReportCache } from './report-cache.js';

export const MIN_EVALUATIONS = 2;
export const MAX_EVALUATIONS = 3;

/** The levels a comparison can be made at, in the order offered (communities first). */
export const COMPARABLE_LEVELS: readonly UnitLevel[] = ['community', 'street', 'district'];

export interface CompareEvaluationsQuery {
  readonly ids: readonly string[];
  readonly level?: string | undefined;
  readonly period?: string | undefined;
}

/** Comparisons kept in memory (a 10,000-unit comparison of three evaluations holds about 1 MB). */
const KEPT_COMPARISONS = 16;
const kept = new WeakMap<ReportCache, Map<string, EvaluationComparison>>();

export async function compareEvaluations(
  services: { readonly reports: ReportCache },
  actor: Actor,
  query: CompareEvaluationsQuery,
): Promise<EvaluationComparison> {
  assertMay(actor, 'reports.read');
  const ids = distinctIds(query.ids);
  const contexts: ReportContext[] = [];
  for (const id of ids) contexts.push(await visibleContext(services.reports, actor, id));
  const scopes = contexts.map((context) => reportScope(context, actor.unitScope ?? null));
  const levels = COMPARABLE_LEVELS.filter((level) =>
    contexts.every((context, e) =>
      (context.units.byLevel.get(level) ?? []).some((unit) => scopes[e]?.allows(unit) === true),
    ),
  );
  const level = chosenLevel(levels, query.level);
  const periods = (contexts[0]?.results.periods ?? []).filter((period) =>
    contexts.every((context) => context.results.periods.includes(period)),
  );
  const period = chosenPeriod(periods, query.period);
  const key = [
    ...contexts.map((context) => `${context.evaluation.id}:${context.evaluation.status}:${context.version}`),
    level,
    period,
    scopes[0]?.key ?? '',
  ].join('\n');
  let memory = kept.get(services.reports);
  if (memory === undefined) {
    memory = new Map();
    kept.set(services.reports, memory);
  }
  const known = memory.get(key);
  if (known !== undefined) {
    memory.delete(key);
    memory.set(key, known);
    return known;
  }
  const comparison = build(key, contexts, scopes, level, levels, period, periods);
  memory.set(key, comparison);
  for (const old of memory.keys()) {
    if (memory.size <= KEPT_COMPARISONS) break;
    memory.delete(old);
  }
  return comparison;
}

/** The report context of an evaluation the actor may see; a draft without drafts.read is a 404. */
async function visibleContext(reports: ReportCache, actor: Actor, id: string): Promise<ReportContext> {
  const evaluation = await reports.evaluation(id);
  if (evaluation.status === 'draft' && !can(actor.role, 'drafts.read'))
    throw new NotFoundError(`no evaluation ${id}`);
  return reports.context(id);
}

function distinctIds(ids: readonly string[]): string[] {
  const distinct = [...new Set(ids.map((id) => id.trim()).filter((id) => id !== ''))];
  if (
    distinct.length < MIN_EVALUATIONS ||
    distinct.length > MAX_EVALUATIONS ||
    distinct.length !== ids.length
  ) {
    throw new ValidationError(
      `比较需要 2 或 3 个不同的评估编号；comparing needs 2 or 3 distinct evaluation ids`,
      [{ where: 'query.ids', message: `found ${JSON.stringify(ids).slice(0, 200)}` }],
    );
  }
  return distinct;
}

function chosenLevel(levels: readonly UnitLevel[], wanted: string | undefined): UnitLevel {
  if (wanted === undefined || wanted === '') {
    const level = levels[0];
    if (level !== undefined) return level;
    throw new ValidationError('这些评估没有共同的单位层级；the evaluations share no unit level', [
      { where: 'query.level', message: 'no level in common' },
    ]);
  }
  const level = levels.find((l) => l === wanted);
  if (level === undefined) {
    throw new ValidationError(
      `层级须为 ${levels.join('、')} 之一；level must be one of ${levels.join(', ')}`,
      [{ where: 'query.level', message: `found ${JSON.stringify(wanted).slice(0, 80)}` }],
    );
  }
  return level;
}

function chosenPeriod(periods: readonly string[], wanted: string | undefined): string {
  if (wanted === undefined || wanted === '') {
    const period = periods[periods.length - 1];
    if (period !== undefined) return period;
    throw new ValidationError('这些评估没有共同的期次；the evaluations share no period', [
      { where: 'query.period', message: 'no period in common' },
    ]);
  }
  if (!periods.includes(wanted)) {
    throw new ValidationError(
      `期次须为 ${periods.join('、')} 之一；period must be one of ${periods.join(', ')}`,
      [{ where: 'query.period', message: `found ${JSON.stringify(wanted).slice(0, 80)}` }],
    );
  }
  return wanted;
}

function build(
  key: string,
  contexts: readonly ReportContext[],
  scopes: readonly ReportScope[],
  level: UnitLevel,
  levels: readonly UnitLevel[],
  period: string,
  periods: readonly string[],
): EvaluationComparison {
  // The union of the level's units by code, each kept only where every evaluation holding it allows it.
  const codes: string[] = [];
  const seen = new Set<string>();
  let scoped = false;
  contexts.forEach((context, e) => {
    for (const unit of context.units.byLevel.get(level) ?? []) {
      const code = context.units.codes[unit] ?? '';
      if (seen.has(code)) continue;
      seen.add(code);
      const allowed = contexts.every((other, o) => {
        const at = other.units.index.get(code);
        return at === undefined || other.units.levels[at] !== level || scopes[o]?.allows(at) === true;
      });
      if (allowed) codes.push(code);
      else scoped = true;
    }
    if (!(scopes[e]?.unrestricted ?? true)) scoped = true;
  });
  const evaluations = contexts.map((context, e) =>
    comparedEvaluation(context, scopes[e] ?? reportScope(context, null), level, period, codes),
  );
  const result = compareRankings(evaluations);
  return { key, evaluations, level, levels, period, periods, codes, scoped, result };
}

function comparedEvaluation(
  context: ReportContext,
  scope: ReportScope,
  level: UnitLevel,
  periodId: string,
  codes: readonly string[],
): ComparedEvaluation {
  const period = context.results.periods.indexOf(periodId);
  const columns = context.period(period);
  const root = context.results.root;
  const allScores = columns.scores.get(root);
  const allRanks = columns.ranks.get(root);
  const n = codes.length;
  const unitIndex = new Int32Array(n).fill(-1);
  const scores = new Float64Array(n).fill(Number.NaN);
  const ranks = new Float64Array(n).fill(Number.NaN);
  codes.forEach((code, i) => {
    const at = context.units.index.get(code);
    if (at === undefined || context.units.levels[at] !== level) return;
    unitIndex[i] = at;
    scores[i] = allScores?.[at] ?? Number.NaN;
    ranks[i] = allRanks?.[at] ?? Number.NaN;
  });
  return {
    context,
    period,
    scope,
    unitIndex,
    scores,
    ranks,
    analysed: context.intervals !== null,
    intervals: unitIntervals(context, period, unitIndex),
  };
}

/** The Monte Carlo intervals of the compared units; only base units (the ranked level) have them. */
function unitIntervals(context: ReportContext, period: number, unitIndex: Int32Array): UnitIntervals | null {
  const { intervals, units } = context;
  if (intervals === null) return null;
  const n = unitIndex.length;
  const p5 = new Float64Array(n).fill(Number.NaN);
  const median = new Float64Array(n).fill(Number.NaN);
  const p95 = new Float64Array(n).fill(Number.NaN);
  let any = false;
  for (let i = 0; i < n; i++) {
    const unit = unitIndex[i] ?? -1;
    if (unit < 0 || unit >= units.baseCount) continue;
    const row = period * units.baseCount + unit;
    p5[i] = intervals.p5[row] ?? Number.NaN;
    median[i] = intervals.median[row] ?? Number.NaN;
    p95[i] = intervals.p95[row] ?? Number.NaN;
    any = true;
  }
  return any ? { runs: intervals.runs, p5, median, p95 } : null;
}
