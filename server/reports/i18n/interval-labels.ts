/**
 * The labels of the rank intervals and bands beside ranks (ranking table, districts' league table,
 * units compare page), Chinese first. Part of the one dictionary (dictionary.ts spreads them in),
 * kept apart only because they belong together.
 */
import type { BilingualText } from './pick.js';

export const INTERVAL_LABELS = {
  colRankBand: { zh: '色带（名次）', en: 'Band (ranks)' },
  rankIntervalRange: { zh: '{low}–{high}', en: '{low}–{high}' },
  rankIntervalBracket: { zh: '（{range}）', en: ' ({range})' },
  intervalMeaning: {
    zh: '排名区间为蒙特卡洛模拟中 90% 的排名所在范围；区间重叠的单位之间的名次差异不可靠。',
    en: 'The interval holds the unit’s rank in 90 % of the Monte Carlo runs; units whose intervals overlap should not be read as ordered.',
  },
  intervalBandMeaning: {
    zh: '排名区间为蒙特卡洛模拟中 90% 的排名所在范围；区间重叠的单位（同一色带，底色相同）之间的名次差异不可靠。',
    en: 'The interval holds the unit’s rank in 90 % of the Monte Carlo runs; units whose intervals overlap (same band, same shading) should not be read as ordered.',
  },
  intervalNoMonteCarlo: {
    zh: '本次评估未做不确定性分析，无排名区间。',
    en: 'No uncertainty analysis in this evaluation, so no rank intervals.',
  },
  intervalNoneAtLevel: {
    zh: '本次不确定性分析没有给出这一层级的排名区间（评估早于此项计算，或汇总方法不是按人口加权）。',
    en: 'The uncertainty analysis gave no rank intervals at this level (the evaluation predates them, or its roll-up is not population-weighted).',
  },
  colRankP5: { zh: '排名 5% 分位', en: 'Rank, 5 % quantile' },
  colRankMedian: { zh: '排名中位数', en: 'Median rank' },
  colRankP95: { zh: '排名 95% 分位', en: 'Rank, 95 % quantile' },
  colBandNumber: { zh: '色带序号', en: 'Band' },
  colBandFirst: { zh: '色带首名', en: 'Band’s first rank' },
  colBandLast: { zh: '色带末名', en: 'Band’s last rank' },
  compareIntervalNote: { zh: '排名区间（90%）', en: 'rank interval (90 %)' },
} as const satisfies Readonly<Record<string, BilingualText>>;
