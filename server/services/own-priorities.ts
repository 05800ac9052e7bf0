/**
 * An official's own priorities (issue 16, the OECD Better Life Index's user-chosen weights): rate each
 * dimension 0–5 and see the scored units re-ranked at once. A read: it needs reports.read (a draft
 * drafts.read, else the same 404 as a missing id), reads the evaluation through the report cache and
 * writes nothing, neither results nor an audit event (like every read use case, e.g. comparing
 * evaluations). The engine re-aggregates the dimension scores stored with the evaluation
 * (engine/priorities/re-rank.ts) for the scored units' level and one period.
 *
 * A reader with a unit scope: every unit of the level is re-ranked, so "your own rank" is the rank
 * among all units, as the published rank is; the reader is shown only their units, and ρ is taken
 * over those units alone.
 *
 * @example await ownPriorities(services, actor, 'ev_…', { ratings: { 'w.coverage': '5', 'w.autonomy': '0' } })
 */
import { can } from '../access/permissions.js';
import { reRank } from '../engine/priorities/re-rank.js';
import { defaultRatings, MAX_RATING, ratingField } from '../engine/priorities/rating-weights.js';
import type { MethodChoice } from '../engine/types.js';
import { NotFoundError, ValidationError, type ProblemDetail } from '../errors.js';
import type { OwnPriorities } from '../reports/context/own-priorities.js';
import type { ReportContext } from '../reports/context/report-context.js';
import { reportScope } from '../reports/context/report-scope.js';
import { assertMay, type Actor } from './actor.js';
import type { ReportCache } from './report-cache.js';

export interface OwnPrioritiesQuery {
  /** The form's ratings as sent, keyed `w.<dimension>`; a dimension left out keeps its starting rating. */
  readonly ratings: Readonly<Record<string, unknown>>;
  /** The period's id; the latest when absent. */
  readonly period?: string | undefined;
}

/** The dimensions and their starting ratings, for the form before anything was rated. */
export async function priorityDimensions(
  services: { readonly reports: ReportCache },
  actor: Actor,
  id: string,
): Promise<{ readonly dimensions: readonly string[]; readonly defaults: readonly number[] }> {
  const context = await readableContext(services.reports, actor, id);
  return { dimensions: context.dimensions, defaults: startingRatings(context) };
}

export async function ownPriorities(
  services: { readonly reports: ReportCache },
  actor: Actor,
  id: string,
  query: OwnPrioritiesQuery,
): Promise<OwnPriorities> {
  const context = await readableContext(services.reports, actor, id);
  const { dimensions, results } = context;
  const defaults = startingRatings(context);
  const ratings = readRatings(dimensions, defaults, query.ratings);
  const period = periodOf(results.periods, query.period);
  const level = results.levels[0];
  if (level === undefined || dimensions.length === 0)
    throw new NotFoundError(`evaluation ${id} has no scored units to re-rank`);
  const count = level.codes.length;
  const rows = (column: Float64Array | undefined) =>
    column === undefined
      ? new Float64Array(count).fill(Number.NaN)
      : column.subarray(period * count, (period + 1) * count);
  const scope = reportScope(context, actor.unitScope ?? null);
  const reportIndex = Int32Array.from(level.codes, (code) => context.units.index.get(code) ?? -1);
  const visible = Uint8Array.from(reportIndex, (at) => (at >= 0 && scope.allows(at) ? 1 : 0));
  const publishedRanks = rows(level.ranks.get(results.root));
  const result = reRank({
    dimensions,
    scores: dimensions.map((dimension) => rows(level.scores.get(dimension))),
    ratings,
    aggregation: aggregationOf(results.choices),
    publishedRanks,
    unitCodes: level.codes,
    root: results.root,
    period: results.periods[period] ?? '',
    ...(scope.unrestricted ? {} : { within: visible }),
  });
  return {
    context,
    dimensions,
    defaults,
    ratings,
    period,
    codes: level.codes,
    reportIndex,
    visible,
    scoped: !scope.unrestricted,
    publishedScores: rows(level.scores.get(results.root)),
    publishedRanks,
    result,
  };
}

/** The report context of an evaluation the actor may see; a draft without drafts.read is a 404. */
async function readableContext(reports: ReportCache, actor: Actor, id: string): Promise<ReportContext> {
  assertMay(actor, 'reports.read');
  const evaluation = await reports.evaluation(id);
  if (evaluation.status === 'draft' && !can(actor.role, 'drafts.read'))
    throw new NotFoundError(`no evaluation ${id}`);
  return reports.context(id);
}

function startingRatings(context: ReportContext): number[] {
  const spec = context.results.weights[context.results.root];
  const published = context.dimensions.map((dimension) => {
    const at = spec?.children.indexOf(dimension) ?? -1;
    return at < 0 ? 0 : (spec?.weights[at] ?? 0);
  });
  return defaultRatings(published);
}

/** The ratings sent, as whole numbers 0–5; every problem named by its field. */
function readRatings(
  dimensions: readonly string[],
  defaults: readonly number[],
  sent: Readonly<Record<string, unknown>>,
): number[] {
  const problems: ProblemDetail[] = [];
  const fields = new Set(dimensions.map(ratingField));
  for (const key of Object.keys(sent)) {
    if (key.startsWith('w.') && !fields.has(key))
      problems.push({
        where: key,
        message: `is not a dimension of this evaluation; rate ${[...fields].join(', ')}`,
        zh: `不是本评估的维度；可评分的是 ${[...fields].join('、')}`,
      });
  }
  const ratings = dimensions.map((dimension, i) => {
    const raw = sent[ratingField(dimension)];
    if (raw === undefined || raw === '') return defaults[i] ?? 0;
    if (typeof raw === 'string' && /^[0-9]$/.test(raw) && Number(raw) <= MAX_RATING) return Number(raw);
    problems.push({
      where: ratingField(dimension),
      message: `must be a whole number from 0 to ${MAX_RATING}, found ${JSON.stringify(raw).slice(0, 40)}`,
      zh: `须为 0 到 ${MAX_RATING} 的整数，实为 ${JSON.stringify(raw).slice(0, 40)}`,
    });
    return 0;
  });
  if (problems.length > 0)
    throw new ValidationError(
      { zh: '侧重评分须为 0 到 5 的整数', en: 'each priority rating must be a whole number from 0 to 5' },
      problems,
    );
  return ratings;
}

function periodOf(periods: readonly string[], wanted: string | undefined): number {
  if (wanted === undefined || wanted === '') return Math.max(0, periods.length - 1);
  const at = periods.indexOf(wanted);
  if (at < 0)
    throw new ValidationError(
      {
        zh: `期次须为 ${periods.join('、')} 之一`,
        en: `period must be one of ${periods.join(', ')}`,
      },
      [{ where: 'period', message: `found ${JSON.stringify(wanted).slice(0, 80)}` }],
    );
  return at;
}

/** The aggregation the evaluation used, as its results resolved it; arithmetic when not recorded. */
function aggregationOf(choices: unknown): MethodChoice {
  if (typeof choices === 'object' && choices !== null && !Array.isArray(choices)) {
    const choice = (choices as Record<string, unknown>).aggregation;
    if (typeof choice === 'object' && choice !== null && !Array.isArray(choice)) {
      const method = (choice as Record<string, unknown>).method;
      if (typeof method === 'string') return { ...(choice as Record<string, unknown>), method };
    }
  }
  return { method: 'arithmetic' };
}
