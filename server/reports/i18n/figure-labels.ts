/**
 * The labels that put an indicator's figures into words on the unit report, Chinese first: yes/no
 * values and their roll-ups (a share of residents, a count of communities), what a change to the
 * peer median asks for (减少 7.3 项, 需要建立), whom a gap is behind, a light that looks at odds with
 * its trend, and the legend of lights and trend arrows. Part of the one dictionary (dictionary.ts
 * spreads them in), kept apart only because they belong together.
 */
import type { BilingualText } from './pick.js';

export const FIGURE_LABELS = {
  yesNo_yes: { zh: '是', en: 'yes' },
  yesNo_no: { zh: '否', en: 'no' },
  yesNo_half: { zh: '是否各半', en: 'half yes, half no' },
  yesNoResidentShare: {
    zh: '的居民所在社区（村）已有',
    en: 'of residents live in a community or village that has it',
  },
  yesNoCommunityShare: { zh: '的社区（村）已有', en: 'of its communities or villages have it' },
  yesNoMeanShare: {
    zh: '（各下级单位比例的平均）',
    en: '(the mean of its sub-units’ shares)',
  },
  yesNoCommunityCount: { zh: '个社区（村）已有', en: 'communities or villages have it' },
  colWhatItTakes: { zh: '需要怎样做', en: 'What it takes' },
  changeNone: { zh: '已达到', en: 'already there' },
  changeRaise: { zh: '提高 {amount}', en: 'raise by {amount}' },
  changeReduce: { zh: '减少 {amount}', en: 'reduce by {amount}' },
  changeRaiseTo: { zh: '提高到 {value}', en: 'raise to {value}' },
  changeReduceTo: { zh: '降低到 {value}', en: 'lower to {value}' },
  changeSetUp: { zh: '需要建立或落实（改为“是”）', en: 'put it in place (make it a yes)' },
  changeGiveUp: { zh: '需要取消（改为“否”）', en: 'stop it (make it a no)' },
  changeMoreCommunities: {
    zh: '再有 {count} 个社区（村）建立',
    en: '{count} more communities or villages put it in place',
  },
  weakestBehind: {
    zh: '最弱的维度是“{dimension}”：{score} 分，比同类组（{group}）中位数 {median} 分低 {gap} 分。',
    en: 'The weakest dimension is “{dimension}”: {score}, {gap} points behind the median of its peer group ({group}), {median}.',
  },
  weakestAhead: {
    zh: '最弱的维度是“{dimension}”：{score} 分，比同类组（{group}）中位数 {median} 分高 {gap} 分。',
    en: 'The weakest dimension is “{dimension}”: {score}, {gap} points ahead of the median of its peer group ({group}), {median}.',
  },
  weakestLevel: {
    zh: '最弱的维度是“{dimension}”：{score} 分，与同类组（{group}）中位数 {median} 分持平。',
    en: 'The weakest dimension is “{dimension}”: {score}, level with the median of its peer group ({group}), {median}.',
  },
  hintFarButOnPace: {
    zh: '差距仍大，但按目前速度可按期达标',
    en: 'Still far from the target, but on pace to reach it in time',
  },
  hintAchievedButWorse: {
    zh: '已达标，但比上期有所退步',
    en: 'At the target, but worse than the period before',
  },
  legendLightsTitle: { zh: '红绿灯', en: 'Traffic lights' },
  legendTrendsTitle: { zh: '趋势箭头', en: 'Trend arrows' },
  legendLightsRule: {
    zh: '红绿灯比较本期数值与指标定义中的三个分界值（越低越好的指标反过来比较）：达到绿灯分界值为“达标”，达到黄灯分界值为“仍有差距”，达到橙灯分界值为“差距较大”，否则为“差距很大”。颜色为绿、黄、橙、朱红（色盲友好配色），每种灯另有符号和文字，黑白打印也能分辨。',
    en: 'A light compares this period’s value with the three thresholds in the indicator’s definition (reversed for lower-is-better indicators): at the green threshold “achieved”, at the yellow one “challenges remain”, at the orange one “significant challenges”, below it “major challenges”. The colours are green, yellow, orange and vermillion (safe for colour-blind readers), and each light also has its own symbol and word, so it reads in black and white too.',
  },
  legendTrendsRule: {
    zh: '趋势箭头看与上一期相比的进展：按这个速度能否按期达到目标。灯看离目标还有多远，箭头看进展快慢，所以“差距很大”和“按期达标”可以同时出现。',
    en: 'A trend arrow looks at the progress since the period before: at this pace, will the target be reached in time? The light says how far the target still is, the arrow how fast it is coming, so “major challenges” and “on track” can both hold.',
  },
  legendThresholdsLink: {
    zh: '各指标的分界值见指标目录',
    en: 'Each indicator’s thresholds are in the catalogue',
  },
} as const satisfies Readonly<Record<string, BilingualText>>;
