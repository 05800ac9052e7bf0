/**
 * The labels of the statistical audit (the page /evaluations/:id/audit and its exports), Chinese
 * first. Kept beside the page rather than in the shared dictionary because only the audit uses them.
 */
import type { BilingualText } from './pick.js';

export const STATISTICAL_AUDIT_LABELS = {
  auditTitle: { zh: '统计审计', en: 'Statistical audit' },
  auditIntro: {
    zh: '以下各项按 COINr 的定义由评估引擎在评估时计算并随评估保存：指标统计、相关性、与上级的相关、Cronbach α、主成分、规模相关和逐项剔除的排名变化。',
    en: "Computed by the engine when the evaluation ran and stored with it, following COINr's definitions: indicator statistics, correlations, correlation with the parent, Cronbach's alpha, principal components, size correlations and the rank change from removing each element.",
  },
  auditPeriod: { zh: '审计期次：{period}', en: 'Period audited: {period}' },
  auditMissing: {
    zh: '此评估保存时尚无统计审计；重新运行评估（新版本）即可生成。',
    en: 'This evaluation was stored before statistical audits existed; run it again (a new version) to produce one.',
  },
  statsTitle: { zh: '指标统计（原始值）', en: 'Indicator statistics (raw values)' },
  heatmapTitle: {
    zh: '相关性热图（归一化指标，Pearson）',
    en: 'Correlation heat map (normalised indicators, Pearson)',
  },
  heatmapNote: {
    zh: '颜色越深相关越强（从 −1 到 1）；每格都印出数值。',
    en: 'Darker means a higher correlation (from −1 to 1); every cell prints its value.',
  },
  correlationsTitle: { zh: '指标两两相关（成对完整）', en: 'Pairwise correlations (pairwise complete)' },
  flagsTitle: { zh: '同一维度内的相关性提示', en: 'Correlation flags within a dimension' },
  flagsRule: {
    zh: '|r| > {high}：可能重复计算；r < {low}：方向相悖。',
    en: '|r| > {high}: possible double counting; r < {low}: pulling the dimension apart.',
  },
  flagHigh: { zh: '重复计算阈值（|r| 大于）', en: 'Double counting above |r| of' },
  flagLow: { zh: '方向相悖阈值（r 小于）', en: 'Pulling apart below r of' },
  flagApply: { zh: '重新标记', en: 'Flag again' },
  flagsNone: { zh: '没有需要提示的指标对。', en: 'No pair is flagged.' },
  withParentTitle: { zh: '与上级的相关', en: 'Correlation with the parent' },
  cronbachTitle: {
    zh: 'Cronbach α（各上级节点对其下级）',
    en: "Cronbach's alpha of each node over its children",
  },
  pcaTitle: { zh: '主成分方差占比（各维度）', en: 'Principal components: variance share (per dimension)' },
  sizeTitle: {
    zh: '与规模变量的相关（|r| ≥ {threshold}）',
    en: 'Correlation with size variables (|r| ≥ {threshold})',
  },
  sizeNone: {
    zh: '没有指标与规模变量强相关。',
    en: 'No indicator correlates strongly with a size variable.',
  },
  removeTitle: {
    zh: '逐项剔除：指数排名的平均绝对变化',
    en: 'Removing each element: mean absolute rank change of the index',
  },
  sensitivityTitle: { zh: '敏感性指数（蒙特卡洛）', en: 'Sensitivity indices (Monte Carlo)' },
  sensitivityNone: {
    zh: '此评估没有敏感性指数：未做蒙特卡洛分析，或其设计不是 Saltelli 设计（sensitivity: true）。',
    en: 'This evaluation has no sensitivity indices: it ran no Monte Carlo, or not with a Saltelli design (sensitivity: true).',
  },
  colIndicator: { zh: '指标', en: 'Indicator' },
  colAvailability: { zh: '数据可得率', en: 'Availability' },
  colZeroShare: { zh: '零值占比', en: 'Share of zeros' },
  colUniqueShare: { zh: '不同值占比', en: 'Share of unique values' },
  colSkewness: { zh: '偏度', en: 'Skewness' },
  colKurtosis: { zh: '峰度', en: 'Kurtosis' },
  colTreatment: { zh: '异常值处理', en: 'Outlier treatment' },
  colTreatmentNeeded: { zh: '需要处理', en: 'Treatment needed' },
  colA: { zh: '指标 A', en: 'Indicator A' },
  colB: { zh: '指标 B', en: 'Indicator B' },
  colPearson: { zh: 'Pearson 相关', en: 'Pearson' },
  colSpearman: { zh: 'Spearman 相关', en: 'Spearman' },
  colNode: { zh: '节点', en: 'Node' },
  colR: { zh: '相关系数 r', en: 'r' },
  colFlag: { zh: '提示', en: 'Flag' },
  colElement: { zh: '要素', en: 'Element' },
  colParent: { zh: '上级', en: 'Parent' },
  colAlpha: { zh: 'α', en: 'alpha' },
  colComponent: { zh: '主成分', en: 'Component' },
  colVarianceShare: { zh: '方差占比', en: 'Variance share' },
  colSize: { zh: '规模变量', en: 'Size variable' },
  colRankChange: { zh: '平均绝对排名变化', en: 'Mean absolute rank change' },
  colMeasure: { zh: '输出量', en: 'Output' },
  colFactor: { zh: '因素', en: 'Factor' },
  colFirst: { zh: '一阶指数', en: 'First-order index' },
  colTotal: { zh: '总效应指数', en: 'Total index' },
  flagDoubleCounting: { zh: '可能重复计算', en: 'possible double counting' },
  flagPullingApart: { zh: '方向相悖', en: 'pulling apart' },
  measureRankShift: { zh: '平均绝对排名变化', en: 'mean absolute rank shift' },
  measureUnitRanks: { zh: '各单位排名', en: 'unit ranks' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
} as const satisfies Readonly<Record<string, BilingualText>>;

export type StatisticalAuditLabel = keyof typeof STATISTICAL_AUDIT_LABELS;
