/**
 * The labels of /evaluations/compare (two or three evaluations of the same units side by side) and of
 * the compare picker on the evaluations list, Chinese first. Part of the one dictionary
 * (dictionary.ts spreads them in), kept apart only because they belong together.
 */
import type { BilingualText } from './pick.js';

export const EVALUATIONS_COMPARE_LABELS = {
  evcTitle: { zh: '评估比较', en: 'Compare evaluations' },
  evcIntro: {
    zh: '同一批单位在两三次评估中的得分与排名：方法变体、不同版本或不同指标框架。排名相关系数越接近 1，排名对方法的选择越稳健。',
    en: 'The scores and ranks of the same units in two or three evaluations: method variants, versions or two frameworks. The closer the rank correlations are to 1, the more robust the ranking is to the choice of method.',
  },
  evcEvaluationsTitle: { zh: '参与比较的评估', en: 'The evaluations compared' },
  evcLetter: { zh: '评估 {letter}', en: 'Evaluation {letter}' },
  evcScoped: {
    zh: '只包括您有权查看的单位；相关系数也只按这些单位计算。',
    en: 'Only the units you may see are included, and the correlations are computed over them alone.',
  },
  evcChoose: { zh: '层级与期次', en: 'Level and period' },
  evcApply: { zh: '更新比较', en: 'Update the comparison' },
  evcAgreementTitle: { zh: '排名一致性', en: 'Agreement of the rankings' },
  evcAgreementIntro: {
    zh: '斯皮尔曼 ρ 和肯德尔 τ-b 按两次评估中都有排名的单位计算（并列名次取平均秩）。1 表示排名完全相同，0 表示无关，−1 表示完全相反。',
    en: 'Spearman’s ρ and Kendall’s τ-b are computed over the units ranked in both evaluations (tied ranks share their mean). 1 means the same ranking, 0 no relation, −1 the reverse order.',
  },
  evcPair: { zh: '评估对', en: 'Pair' },
  evcUnitsBoth: { zh: '两者均有排名的单位', en: 'Units ranked in both' },
  evcSpearman: { zh: '斯皮尔曼 ρ', en: 'Spearman’s ρ' },
  evcKendall: { zh: '肯德尔 τ-b', en: 'Kendall’s τ-b' },
  evcReading: { zh: '解读', en: 'Reading' },
  evcReadingVeryHigh: {
    zh: '两个排名几乎一致：排名对这一差别很稳健。',
    en: 'The two rankings agree very closely: the ranking is robust to this difference.',
  },
  evcReadingHigh: {
    zh: '两个排名大体一致，但有部分单位位次变化明显。',
    en: 'The two rankings broadly agree, though some units move noticeably.',
  },
  evcReadingMedium: {
    zh: '两个排名只部分一致：这一差别对许多单位的位次有实质影响。',
    en: 'The two rankings agree only in part: this difference changes many units’ places substantially.',
  },
  evcReadingLow: {
    zh: '两个排名差别很大：结论取决于方法的选择。',
    en: 'The two rankings differ widely: the conclusions depend on the choice of method.',
  },
  evcReadingNone: {
    zh: '共同排名的单位不足两个，无法计算。',
    en: 'Fewer than two units are ranked in both: no figure.',
  },
  evcMoversTitle: { zh: '位次变化最大的单位（{from} → {to}）', en: 'Biggest movers ({from} → {to})' },
  evcMoversUp: { zh: '上升最多', en: 'Moved up most' },
  evcMoversDown: { zh: '下降最多', en: 'Moved down most' },
  evcNoMovers: { zh: '没有单位。', en: 'None.' },
  evcShift: { zh: '位次变化（{from} → {to}）', en: 'Rank shift ({from} → {to})' },
  evcShiftShort: { zh: '位次变化', en: 'Shift' },
  evcScoreOf: { zh: '{letter} 得分', en: 'Score {letter}' },
  evcRankOf: { zh: '{letter} 排名', en: 'Rank {letter}' },
  evcIntervalOf: { zh: '{letter} 排名区间 5–95%', en: 'Rank interval {letter} 5–95 %' },
  evcIntervalText: { zh: '{low}–{high}', en: '{low}–{high}' },
  evcIntervalNone: {
    zh: '评估 {letter} 未进行不确定性分析（蒙特卡洛模拟），因此没有排名区间。',
    en: 'Evaluation {letter} was run without uncertainty analysis (Monte Carlo), so it has no rank intervals.',
  },
  evcIntervalLevel: {
    zh: '评估 {letter} 的不确定性分析给出的是社区（村）的排名区间，不含本层级。',
    en: 'Evaluation {letter}’s uncertainty analysis gives rank intervals for communities and villages, not for this level.',
  },
  evcIntervalRuns: {
    zh: '评估 {letter} 的排名区间来自 {runs} 次蒙特卡洛模拟（5%–95% 分位）。',
    en: 'Evaluation {letter}’s rank intervals come from {runs} Monte Carlo runs (5th–95th percentile).',
  },
  evcTableTitle: { zh: '逐单位比较（{level}，{period}）', en: 'Unit by unit ({level}, {period})' },
  evcUnitOrder: { zh: '单位', en: 'Unit' },
  evcScatterTitle: { zh: '排名对照：{from} 与 {to}', en: 'Ranks: {from} against {to}' },
  evcScatterSample: {
    zh: '图中显示 {total} 个单位中按 {from} 排名均匀抽取的 {shown} 个；完整数据见下表。',
    en: 'The chart shows {shown} of the {total} units, taken evenly along {from}’s ranking; the full data are in the table below.',
  },
  evcScatterAll: {
    zh: '图中显示全部 {total} 个单位；数据见下表。',
    en: 'The chart shows all {total} units; its data are in the table below.',
  },
  evcMethods: { zh: '方法：{methods}', en: 'Methods: {methods}' },
  evcPickTitle: { zh: '比较评估', en: 'Compare evaluations' },
  evcPickIntro: {
    zh: '勾选 2 或 3 个有结果的评估，比较同一批单位的排名。',
    en: 'Tick two or three evaluations with results to compare the rankings of the same units.',
  },
  evcPickLabel: { zh: '选择 {title} 进行比较', en: 'Pick {title} for comparison' },
  evcPickSubmit: { zh: '比较所选评估', en: 'Compare the evaluations picked' },
  colPick: { zh: '比较', en: 'Compare' },
} as const satisfies Readonly<Record<string, BilingualText>>;
