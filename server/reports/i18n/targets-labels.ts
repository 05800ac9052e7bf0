/**
 * The labels of targets that fit (a framework's overrides of goalposts and thresholds), Chinese
 * first: the methodology page's list of overrides and the note beside a unit's light.
 */
import type { BilingualText } from './pick.js';

export const TARGETS_LABELS = {
  targetsTitle: { zh: '因地制宜的目标', en: 'Targets that fit' },
  targetsIntro: {
    zh: '框架为部分指标按同类组、城乡、层级或期别另定了目标值和红绿灯阈值，每项都写明理由。红绿灯、上下限标准化和达标所需进度都按适用的目标计算；多项同时适用时，条件最多的优先，条件一样多时取列在前面的。',
    en: 'The framework sets its own goalposts and light thresholds for some indicators by peer group, urban or rural, level or period, each with a written reason. Lights, goalpost normalisation and the pace needed use whichever applies; where several apply, the one with the most conditions wins, then the one listed first.',
  },
  targetsColCondition: { zh: '适用条件', en: 'Applies where' },
  targetsColGoalposts: { zh: '下限—目标', en: 'Floor – target' },
  targetsColThresholds: { zh: '绿灯 / 黄灯 / 橙灯', en: 'Green / yellow / orange' },
  targetsColJustification: { zh: '理由', en: 'Justification' },
  targetsColUnits: { zh: '适用单位数（各期）', en: 'Units affected (per period)' },
  targetsUnchanged: { zh: '不变', en: 'unchanged' },
  targetsAnd: { zh: '且', en: ' and ' },
  targetsWhenPeerGroup: { zh: '同类组为 {value}', en: 'peer group {value}' },
  targetsWhenUrbanRural_urban: { zh: '城市社区', en: 'urban' },
  targetsWhenUrbanRural_rural: { zh: '乡村', en: 'rural' },
  targetsWhenLevel: { zh: '层级为 {value}', en: 'level {value}' },
  targetsWhenPeriod: { zh: '期别为 {value}', en: 'period {value}' },
  targetsLightNote: { zh: '按{condition}目标：{thresholds}', en: 'By the {condition} target: {thresholds}' },
} as const satisfies Readonly<Record<string, BilingualText>>;
