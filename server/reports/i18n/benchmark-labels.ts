/**
 * The labels of a scoped official's benchmarking: the units picker of the compare page and the
 * unit's own trend (index score and rank over the evaluation's periods) on the unit page, Chinese
 * first. Part of the one dictionary (dictionary.ts spreads them in).
 */
import type { BilingualText } from './pick.js';

export const BENCHMARK_LABELS = {
  pickerIntro: {
    zh: '选择 2 到 4 个单位进行比较（同类组的单位排在前面）：',
    en: 'Choose two to four units to compare (units of the same peer group first):',
  },
  pickerTooMany: { zh: '最多比较 4 个单位，请减少勾选。', en: 'Compare at most four units: untick some.' },
  pickerPeers: { zh: '同类组：{group}', en: 'Peer group: {group}' },
  pickerSameParent: { zh: '同属{parent}', en: 'Also in {parent}' },
  pickerOthers: { zh: '其他{level}', en: 'Other units: {level}' },
  pickerBelow: {
    zh: '您可查看的同级单位只有本单位；可以比较其下级单位。',
    en: 'This is the only unit of its level you may see; you may compare the units below it.',
  },
  pickerNone: {
    zh: '您可查看的单位中没有可供比较的两个同级单位。',
    en: 'Among the units you may see there are no two of one level to compare.',
  },
  unitTrendTitle: { zh: '历期得分与排名', en: 'Score and rank over periods' },
  unitTrendScore: { zh: '综合得分', en: 'Index score' },
  unitTrendRank: { zh: '排名（{level}内）', en: 'Rank (among {level})' },
  unitTrendRankChart: { zh: '排名（1 为最好）', en: 'Rank (1 is best)' },
  unitTrendOne: {
    zh: '本次评估只有一个评估期，尚无趋势。',
    en: 'This evaluation has one period only: there is no trend yet.',
  },
} as const satisfies Readonly<Record<string, BilingualText>>;
