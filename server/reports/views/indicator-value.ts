/**
 * An indicator's value, and a change to it, in words a reader need not decode. A yes/no item
 * (yes-no.ts) reads 是 / 否 for a community or village and for a unit scored on its own data; rolled
 * up by population it is the share of residents living in a community or village that has it
 * (92.7 %) — or, where a population below is unknown and the engine took plain means, the share of
 * its communities or the mean of its sub-units' shares — and pooled it is how many communities or
 * villages have it. Any other value keeps its unit of
 * measure. A change reads as what to do: 提高 / 减少 an amount in the indicator's unit, 提高到 a share,
 * 需要建立 a yes/no item. Formatting only: every value is the engine's, a share is shown in per cent
 * and a change by its size beside a word for its direction.
 *
 * @example indicatorValue(context, district, 'task_access_list', 0.927, 'zh')
 * // { value: '92.7%', measure: '的居民所在社区（村）已有' }
 * @example neededChange(context, community, 'unlisted_admin_tasks', -7.3, 2, 'zh') // '减少 7.3 项'
 */
import type { ReportContext } from '../context/report-context.js';
import { MISSING, numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelsFor } from '../i18n/labels.js';
import { pick } from '../i18n/pick.js';
import { isYesNo } from './yes-no.js';

/** How an indicator's value reads for a unit. */
export type ValueReading =
  'plain' | 'yesNo' | 'residentShare' | 'communityShare' | 'meanShare' | 'communityCount';

export interface ValueText {
  readonly value: string;
  /** The unit of measure or the words after the value ('' when the value says it all). */
  readonly measure: string;
}

/** The roll-up method of the evaluation's results (else its framework's, else the default). */
function rollupMethod(context: ReportContext): string {
  return (
    context.results.rollup?.method ??
    context.snapshot.framework.methods.rollup?.method ??
    'population_weighted'
  );
}

/**
 * Whether the population-weighted roll-up weighed everything below a unit by population: the engine
 * takes a plain mean of the children of a parent with a child of unknown population, and a unit's
 * population is unknown when any community's below it is.
 */
function weighedBelow(context: ReportContext, unit: number): boolean {
  const known = context.memo('populationKnownBelow', () => new Map<number, boolean>());
  let answer = known.get(unit);
  if (answer === undefined) {
    const { units } = context;
    const children = units.children[unit] ?? [];
    answer =
      unit < units.baseCount
        ? (units.populations[unit] ?? Number.NaN) > 0
        : children.length > 0 && children.every((child) => weighedBelow(context, child));
    known.set(unit, answer);
  }
  return answer;
}

/** A population-weighted yes/no value: a share of residents, else a plain mean of the sub-units. */
function weightedReading(context: ReportContext, unit: number): ValueReading {
  if (weighedBelow(context, unit)) return 'residentShare';
  const children = context.units.children[unit] ?? [];
  return children.every((child) => child < context.units.baseCount) ? 'communityShare' : 'meanShare';
}

export function valueReading(context: ReportContext, unit: number, indicator: string): ValueReading {
  if (!isYesNo(context.indicatorDefinitions.get(indicator))) return 'plain';
  if (unit < context.units.baseCount) return 'yesNo';
  const method = rollupMethod(context);
  return method === 'population_weighted'
    ? weightedReading(context, unit)
    : method === 'pooled'
      ? 'communityCount'
      : method === 'own_data'
        ? 'yesNo'
        : 'plain';
}

function measureOf(context: ReportContext, indicator: string, lang: Lang): string {
  const definition = context.indicatorDefinitions.get(indicator);
  return definition === undefined ? '' : pick(definition.unit, lang);
}

/** A yes/no value: 是 or 否, and for a peer median also 是否各半; null for anything else. */
function yesNoWord(value: number, lang: Lang, median: boolean): string | null {
  const t = labelsFor(lang);
  if (value === 1) return t.yesNo_yes;
  if (value === 0) return t.yesNo_no;
  if (median && value === 0.5) return t.yesNo_half;
  return null;
}

/**
 * The value of an indicator for a unit, as words and a unit of measure. `median`: the value is a
 * peer-group median, so a yes/no median may be "half yes, half no".
 */
export function indicatorValue(
  context: ReportContext,
  unit: number,
  indicator: string,
  value: number,
  lang: Lang,
  median = false,
): ValueText {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  if (!Number.isFinite(value)) return { value: MISSING, measure: '' };
  switch (valueReading(context, unit, indicator)) {
    case 'yesNo': {
      const word = yesNoWord(value, lang, median);
      if (word !== null) return { value: word, measure: '' };
      break;
    }
    case 'residentShare':
      return { value: format.share(value), measure: t.yesNoResidentShare };
    case 'communityShare':
      return { value: format.share(value), measure: t.yesNoCommunityShare };
    case 'meanShare':
      return { value: format.share(value), measure: t.yesNoMeanShare };
    case 'communityCount':
      return { value: format.raw(value), measure: t.yesNoCommunityCount };
    case 'plain':
      break;
  }
  return { value: format.raw(value), measure: measureOf(context, indicator, lang) };
}

/** The value and its measure in one phrase ("92.7% 的居民…", "5.5 days", "是"). */
export function valuePhrase(text: ValueText, lang: Lang): string {
  if (text.measure === '') return text.value;
  // Chinese joins the particle of "92.7% 的居民…" without a space.
  const joined = lang === 'zh' && text.measure.startsWith('的');
  return joined ? `${text.value}${text.measure}` : `${text.value} ${text.measure}`;
}

/**
 * What a unit must do to an indicator to reach `target` (the peer median the engine's `change`
 * leads to): raise or reduce by the change's size in the indicator's unit, put a yes/no item in
 * place, raise a share to the target, have more communities put it in place; "already there" for no
 * change.
 */
export function neededChange(
  context: ReportContext,
  unit: number,
  indicator: string,
  change: number,
  target: number,
  lang: Lang,
): string {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  if (!Number.isFinite(change)) return MISSING;
  if (change === 0) return t.changeNone;
  const up = change > 0;
  const size = Math.abs(change);
  switch (valueReading(context, unit, indicator)) {
    case 'yesNo':
      return up ? t.changeSetUp : t.changeGiveUp;
    case 'residentShare':
    case 'communityShare':
    case 'meanShare':
      if (!Number.isFinite(target)) return MISSING;
      return fill(up ? t.changeRaiseTo : t.changeReduceTo, { value: format.share(target) });
    case 'communityCount':
      return up
        ? fill(t.changeMoreCommunities, { count: format.raw(size) })
        : fill(t.changeReduce, { amount: format.raw(size) });
    case 'plain':
      break;
  }
  const measure = measureOf(context, indicator, lang);
  const amount = measure === '' ? format.raw(size) : `${format.raw(size)} ${measure}`;
  return fill(up ? t.changeRaise : t.changeReduce, { amount });
}
