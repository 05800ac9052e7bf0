/**
 * The labels of progress over several periods (Open SDG's five statuses, the tables on the evaluation
 * and unit pages) and of the ranking's "worse than peers and worsening" filter, Chinese first. Part of
 * the one dictionary (dictionary.ts spreads them in).
 */
import type { BilingualText } from './pick.js';

export const PROGRESS_LABELS = {
  progress_target_reached: { zh: '已达目标', en: 'target reached' },
  progress_on_track: { zh: '按期可达', en: 'on track' },
  progress_moderate_progress: { zh: '进展中等', en: 'moderate progress' },
  progress_limited_progress: { zh: '进展有限', en: 'limited progress' },
  progress_deterioration: { zh: '退步', en: 'deterioration' },
  progress_none: { zh: '无法判断', en: 'not available' },
  progressTitle: { zh: '多期进展', en: 'Progress over several periods' },
  progressIntro: {
    zh: '自基期 {base} 以来的年均增长，与到 {target} 达到目标所需的年均增长相比（Open SDG 方法：比值 ≥ 0.95 按期可达，≥ 0.6 进展中等，≥ 0 进展有限，< 0 退步）；无目标的维度和总指数按年均增长判断（≥ 1.5% 按期可达，≥ 0.5% 进展中等，≥ 0 进展有限）。',
    en: 'Annual growth since the base period {base}, against the annual growth needed to reach the target by {target} (Open SDG’s method: a ratio of at least 0.95 is on track, 0.6 moderate, 0 limited, below 0 deterioration); dimensions and the index have no target and are read by their growth (at least 1.5 % a year on track, 0.5 % moderate, 0 limited).',
  },
  progressCountsCaption: {
    zh: '{period} 年各指标处于各进展类别的单位数',
    en: 'Units in each progress category per indicator, {period}',
  },
  progressUnitCaption: {
    zh: '本单位各指标自 {base} 以来的进展（{period}）',
    en: 'This unit’s progress since {base} ({period})',
  },
  colProgressItem: { zh: '指标或维度', en: 'Indicator or dimension' },
  colProgressStatus: { zh: '进展类别', en: 'Progress' },
  colProgressValue: { zh: '实际/所需增长比或年均增长', en: 'Growth ratio or annual growth' },
  colProgressTarget: { zh: '目标值', en: 'Target' },
  progressNoTarget: { zh: '无目标', en: 'no target' },
  filterWorsening: { zh: '低于同类且在下降', en: 'Worse than peers and worsening' },
  filterWorseningHelp: {
    zh: '只看总指数低于同类组中位数且比上期下降的单位',
    en: 'Only units whose index is below their peer group’s median and lower than in the previous period',
  },
} as const satisfies Record<string, BilingualText>;
