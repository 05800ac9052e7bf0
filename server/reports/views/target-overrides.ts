/**
 * Targets that fit in words: the methodology page's list of every override (indicator, conditions,
 * new goalposts and thresholds, justification, units affected per period), and the note beside a
 * unit's light when an override applied to it. Selects and formats stored figures only.
 *
 * @example targetOverrideRows(context, 'zh')[0]?.condition === '乡村'
 */
import type { TargetOverrideDocument } from '../../evaluation/targets-document.js';
import type { ReportContext } from '../context/report-context.js';
import { numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';
import { pick } from '../i18n/pick.js';
import { nodeName } from './node-names.js';

export interface TargetOverrideRow {
  readonly indicator: string;
  readonly condition: string;
  readonly goalposts: string;
  readonly thresholds: string;
  readonly justification: string;
  readonly units: string;
}

export interface TargetLightNote {
  readonly text: string;
  readonly justification: string;
}

function conditionText(override: TargetOverrideDocument, lang: Lang): string {
  const t = labelsFor(lang);
  const { when } = override;
  return [
    when.urban_rural === undefined ? null : labelOf(lang, 'targetsWhenUrbanRural', when.urban_rural),
    when.peer_group === undefined ? null : fill(t.targetsWhenPeerGroup, { value: when.peer_group }),
    when.level === undefined ? null : fill(t.targetsWhenLevel, { value: labelOf(lang, 'level', when.level) }),
    when.period === undefined ? null : fill(t.targetsWhenPeriod, { value: when.period }),
  ]
    .filter((part) => part !== null)
    .join(t.targetsAnd);
}

function thresholdsText(override: TargetOverrideDocument, lang: Lang): string {
  const format = numberFormat(lang);
  const t = override.thresholds;
  return t === undefined
    ? labelsFor(lang).targetsUnchanged
    : [t.green, t.yellow, t.orange].map((v) => format.raw(v)).join(' / ');
}

export function targetOverrideRows(context: ReportContext, lang: Lang): TargetOverrideRow[] {
  const format = numberFormat(lang);
  const t = labelsFor(lang);
  return (context.targets?.overrides ?? []).map((o) => ({
    indicator: nodeName(context, o.indicator, lang),
    condition: conditionText(o, lang),
    goalposts:
      o.goalposts === undefined
        ? t.targetsUnchanged
        : `${format.raw(o.goalposts.floor)} – ${format.raw(o.goalposts.target)}`,
    thresholds: thresholdsText(o, lang),
    justification: pick(o.justification, lang),
    units: context.results.periods.map((p, k) => `${p}: ${format.count(o.units[k] ?? 0)}`).join(' · '),
  }));
}

/** The note beside a scored unit's light: which override applied to this row, or null. */
export function targetLightNote(
  context: ReportContext,
  indicator: string,
  row: number,
  lang: Lang,
): TargetLightNote | null {
  const k = context.targets?.rows[indicator]?.[row];
  const override = k === undefined || k === null ? undefined : context.targets?.overrides[k];
  if (override === undefined) return null;
  return {
    text: fill(labelsFor(lang).targetsLightNote, {
      condition: conditionText(override, lang),
      thresholds: thresholdsText(override, lang),
    }),
    justification: pick(override.justification, lang),
  };
}
