/**
 * The labels of the satisfaction check (the page /evaluations/:id/satisfaction and its exports),
 * Chinese first. Kept beside the page rather than in the shared dictionary because only it uses them.
 */
import type { BilingualText } from './pick.js';

export const SATISFACTION_LABELS = {
  satTitle: { zh: '居民满意度检验', en: 'Residents’ satisfaction as a check' },
  satIntro: {
    zh: '居民调查与综合指数并列报告，用来检验得分是否与居民感受一致。下表给出各维度和综合指数在同一层级、同一期次各单位间与调查估计的相关：Pearson r 看线性关系，Spearman ρ 看排序是否一致，n 是两者都有的单位数。',
    en: 'The residents’ survey is reported beside the index to check whether the scores agree with what residents feel. The table gives, across the units of one level and period, the correlation of each dimension and of the index with the survey estimate: Pearson’s r for a straight-line relation, Spearman’s ρ for agreement of the orders, and n the units that have both.',
  },
  satHowToRead: {
    zh: '如何读分歧名单：按各单位的得分拟合一条“满意度对得分”的直线，得出按得分预期的满意度；实际调查估计低于预期最多的单位列为“比得分预期更不满意”，高于预期最多的列为“比得分预期更满意”。标准化残差 = (调查估计 − 预期) ÷ 残差标准误。只有当该单位调查估计的整个 95% 区间都落在预期值一侧时，才标记为“超出调查区间”；否则这一差距可能只是抽样误差。',
    en: 'How to read the disagreement lists: a straight line of satisfaction on the score, fitted across the units, gives the satisfaction each unit’s score predicts. The units whose survey estimate lies furthest below the prediction are listed as “less satisfied than the score predicts”, those furthest above as “more satisfied than the score predicts”. Standardised residual = (survey estimate − predicted) ÷ the residual standard error. A disagreement is marked “beyond the survey interval” only when the unit’s whole 95 % interval lies on one side of the predicted value; otherwise the gap may be sampling error alone.',
  },
  satMissing: {
    zh: '此评估没有居民调查检验：保存时尚无此功能，或其指标框架不报告居民调查指标。',
    en: 'This evaluation has no check against a residents’ survey: it was stored before the check existed, or its framework reports no survey indicator.',
  },
  satNoLevel: {
    zh: '此调查指标在任何层级都没有足够的单位可作检验。',
    en: 'This survey indicator has no level with enough units for a check.',
  },
  satChoose: { zh: '选择', en: 'Choose' },
  satMeasure: { zh: '调查指标', en: 'Survey indicator' },
  satLevel: { zh: '层级', en: 'Level' },
  satPeriod: { zh: '期次', en: 'Period' },
  satShow: { zh: '显示', en: 'Show' },
  satSummaryTitle: { zh: '得分与满意度的相关', en: 'Scores and satisfaction: correlations' },
  satLeftOut: {
    zh: '本层级共 {total} 个单位，本期有调查估计的 {surveyed} 个；因样本过小未给估计而不计入的 {small} 个；未被调查的 {notSurveyed} 个。',
    en: 'The level has {total} units; in this period {surveyed} have a survey estimate, {small} are left out because their sample was too small and {notSurveyed} were not surveyed.',
  },
  satOtherMissing: {
    zh: '其他原因缺失而不计入的：{reasons}。',
    en: 'Left out as missing for other reasons: {reasons}.',
  },

  satMinUnits: {
    zh: '两者都有的单位少于 {min} 个时不计算相关和直线（记作“—”）。',
    en: 'With fewer than {min} units having both, no correlation or line is computed (shown as “—”).',
  },
  colNode: { zh: '维度 / 指数', en: 'Dimension / index' },
  colPearson: { zh: 'Pearson r', en: 'Pearson r' },
  colSpearman: { zh: 'Spearman ρ', en: 'Spearman ρ' },
  colN: { zh: 'n（两者都有）', en: 'n (both)' },
  colScoreMissing: { zh: '有调查但无得分', en: 'Surveyed, no score' },
  colBeyondBelow: { zh: '低于预期且超出区间', en: 'Below, beyond interval' },
  colBeyondAbove: { zh: '高于预期且超出区间', en: 'Above, beyond interval' },
  colSlope: { zh: '斜率（每分）', en: 'Slope (per point)' },
  colResidualSe: { zh: '残差标准误', en: 'Residual SE' },
  satNodeTitle: { zh: '{node}：得分与满意度', en: '{node}: score and satisfaction' },
  satNodeChoice: { zh: '查看其他维度：', en: 'Other dimensions:' },
  satLessTitle: { zh: '比得分预期更不满意', en: 'Less satisfied than the score predicts' },
  satMoreTitle: { zh: '比得分预期更满意', en: 'More satisfied than the score predicts' },
  satListNone: { zh: '没有这样的单位。', en: 'No such unit.' },
  satListNote: {
    zh: '按标准化残差排序，每个名单最多 {count} 个单位。',
    en: 'Ordered by standardised residual, at most {count} units per list.',
  },
  satAllTitle: { zh: '全部有调查估计的单位', en: 'Every unit with a survey estimate' },
  satChartTitle: { zh: '{node}得分与{measure}', en: '{node} score and {measure}' },
  satChartNote: {
    zh: '每个点是一个单位，竖线是其调查估计的 95% 区间，橙色虚线是按得分预期的满意度；朱红色点：区间整体低于预期，蓝色点：区间整体高于预期。',
    en: 'Each point is a unit and its vertical line the survey’s 95 % interval; the dashed orange line is the satisfaction the score predicts. Vermillion points: whole interval below the prediction; blue points: whole interval above.',
  },

  colUnit: { zh: '单位', en: 'Unit' },
  colCode: { zh: '代码', en: 'Code' },
  colScore: { zh: '得分', en: 'Score' },
  colEstimate: { zh: '调查估计', en: 'Survey estimate' },
  colLow: { zh: '95% 区间下限', en: '95 % interval, low' },
  colHigh: { zh: '95% 区间上限', en: '95 % interval, high' },
  colInterval: { zh: '95% 区间', en: '95 % interval' },
  colRespondents: { zh: '受访人数', en: 'Respondents' },
  colPredicted: { zh: '按得分预期', en: 'Predicted from score' },
  colResidual: { zh: '差距', en: 'Difference' },
  colStandardised: { zh: '标准化残差', en: 'Standardised residual' },
  colBeyond: { zh: '超出调查区间', en: 'Beyond the survey interval' },
  colMeasure: { zh: '调查指标', en: 'Survey indicator' },
  colLevel: { zh: '层级', en: 'Level' },
  colPeriod: { zh: '期次', en: 'Period' },
  colList: { zh: '名单', en: 'List' },
  colSampleTooSmall: { zh: '样本过小', en: 'Sample too small' },
  colOtherMissing: { zh: '其他缺失', en: 'Other missing' },
  colNotSurveyed: { zh: '未被调查', en: 'Not surveyed' },
  beyondBelow: { zh: '低于预期', en: 'below' },
  beyondAbove: { zh: '高于预期', en: 'above' },
  beyondNo: { zh: '否', en: 'no' },
  listLess: { zh: '更不满意', en: 'less satisfied' },
  listMore: { zh: '更满意', en: 'more satisfied' },
  residualShareUnit: { zh: '（百分点）', en: ' (percentage points)' },
  satLink: { zh: '居民满意度检验', en: 'Residents’ satisfaction check' },
} as const satisfies Readonly<Record<string, BilingualText>>;

export type SatisfactionLabel = keyof typeof SATISFACTION_LABELS;
