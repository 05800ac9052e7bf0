/**
 * The "my priorities" block of an evaluation's page: the form (a 0–5 choice per dimension, starting
 * at the published weights as the engine maps them) and, once rated, what the engine re-ranked
 * (services/own-priorities.ts): ρ against the published ranking, the weights used, and the units the
 * reader may see in order of their own rank with the published rank and the shift beside it. The
 * page's script asks for the result part again as JSON while the ratings change, so this model is
 * also what that answer carries. Only selects and formats.
 *
 * @example prioritiesResult(priorities, 'zh').rho === '按您的侧重，排名与发布结果的相关 ρ = 0.93（…）'
 */
import { MAX_RATING, ratingField } from '../../engine/priorities/rating-weights.js';
import type { OwnPriorities } from '../context/own-priorities.js';
import type { ReportContext } from '../context/report-context.js';
import { fill } from '../i18n/fill.js';
import { labelsFor } from '../i18n/labels.js';
import type { Lang } from '../i18n/lang.js';
import { numberFormat } from '../format/number-format.js';
import { href } from './href.js';
import { nodeName } from './node-names.js';
import { unitHref, unitName } from './unit-names.js';

/** How many units the table lists, best own rank first. */
export const PRIORITY_ROWS = 50;

export interface PrioritiesForm {
  readonly action: string;
  readonly resultHref: string;
  readonly resetHref: string;
  readonly period: string;
  readonly fields: readonly {
    readonly name: string;
    readonly label: string;
    readonly options: readonly { readonly value: string; readonly selected: boolean }[];
  }[];
}

export interface PriorityRow {
  readonly ownRank: string;
  readonly publishedRank: string;
  readonly shift: string;
  /** up, down or same, for the arrow's colour. */
  readonly direction: string;
  readonly name: string;
  readonly code: string;
  readonly href: string;
  readonly ownScore: string;
  readonly publishedScore: string;
}

export interface PrioritiesResult {
  readonly rho: string;
  readonly weights: string;
  readonly scoped: string | null;
  readonly shown: string;
  readonly rows: readonly PriorityRow[];
}

/** The "my priorities" block of an evaluation's page: the form, and the re-ranking once rated. */
export interface PrioritiesSection {
  readonly form: PrioritiesForm;
  readonly result: PrioritiesResult | null;
}

export function prioritiesForm(
  context: ReportContext,
  dimensions: readonly string[],
  ratings: readonly number[],
  period: number,
  lang: Lang,
): PrioritiesForm {
  const t = labelsFor(lang);
  const path = `/evaluations/${encodeURIComponent(context.evaluation.id)}`;
  const periodId = context.results.periods[period] ?? '';
  const shares = context.results.weightShares.get(context.results.root);
  const share = numberFormat(lang).share;
  const choices = Array.from({ length: MAX_RATING + 1 }, (_, value) => value);
  return {
    action: `${path}#my-priorities`,
    resultHref: `${path}/priorities`,
    resetHref: `${href(path, { period: periodId })}#my-priorities`,
    period: periodId,
    fields: dimensions.map((dimension, i) => ({
      name: ratingField(dimension),
      label: fill(t.prioritiesRating, {
        dimension: nodeName(context, dimension, lang),
        weight: share(shares?.[i] ?? Number.NaN),
      }),
      options: choices.map((value) => ({ value: String(value), selected: ratings[i] === value })),
    })),
  };
}

export function prioritiesResult(priorities: OwnPriorities, lang: Lang): PrioritiesResult {
  const { context, result, visible } = priorities;
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const order = visibleByOwnRank(priorities);
  const rows = order.slice(0, PRIORITY_ROWS).map((unit): PriorityRow => {
    const at = priorities.reportIndex[unit] ?? -1;
    const code = priorities.codes[unit] ?? '';
    const shift = result.shifts[unit] ?? Number.NaN;
    return {
      ownRank: format.count((result.ranks[unit] ?? 0) > 0 ? (result.ranks[unit] ?? 0) : Number.NaN),
      publishedRank: format.count(
        (priorities.publishedRanks[unit] ?? 0) > 0 ? (priorities.publishedRanks[unit] ?? 0) : Number.NaN,
      ),
      shift:
        shift > 0 ? `+${format.count(shift)}` : shift < 0 ? `−${format.count(-shift)}` : format.count(shift),
      direction: shift > 0 ? 'up' : shift < 0 ? 'down' : 'same',
      name: at >= 0 ? unitName(context.units, at, lang) : code,
      code,
      href: unitHref(context.evaluation.id, code),
      ownScore: format.score(result.scores[unit] ?? Number.NaN),
      publishedScore: format.score(priorities.publishedScores[unit] ?? Number.NaN),
    };
  });
  const weights = priorities.dimensions
    .map((dimension, i) => `${nodeName(context, dimension, lang)} ${format.share(result.weights[i] ?? 0)}`)
    .join(lang === 'zh' ? '，' : ', ');
  return {
    rho: Number.isFinite(result.rho)
      ? fill(t.prioritiesRho, { rho: result.rho.toFixed(2), count: format.count(result.compared) })
      : t.prioritiesRhoNone,
    weights: fill(t.prioritiesWeights, { weights }),
    scoped: priorities.scoped ? fill(t.prioritiesScoped, { total: format.count(visible.length) }) : null,
    shown: fill(t.prioritiesShown, { shown: format.count(rows.length), count: format.count(order.length) }),
    rows,
  };
}

/** The units the reader may see, best own rank first, unranked last, then by position. */
function visibleByOwnRank(priorities: OwnPriorities): number[] {
  const { ranks } = priorities.result;
  const order: number[] = [];
  priorities.visible.forEach((shown, unit) => {
    if (shown === 1) order.push(unit);
  });
  const key = (unit: number) => ((ranks[unit] ?? 0) > 0 ? (ranks[unit] ?? 0) : Number.MAX_SAFE_INTEGER);
  return order.sort((a, b) => key(a) - key(b) || a - b);
}
