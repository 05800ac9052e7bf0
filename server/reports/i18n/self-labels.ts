/**
 * The labels of the self-evaluation pages (自主评价, issue 15), Chinese first. Part of the one
 * dictionary (dictionary.ts spreads them in), kept apart only because they belong together.
 */
import type { BilingualText } from './pick.js';

export const SELF_LABELS = {
  selfTitle: { zh: '社区自评', en: 'Self-evaluation' },
  selfIntro: {
    zh: '用评估框架对照本社区自己的历史和目标自我评估。结果只有您本人可见：不排名、不发布，其他查看者、评估人员和管理员都看不到。',
    en: 'Score your own community with the framework against its own history and targets. Only you can see the result: it is not ranked or published, and no other viewer, evaluator or admin can read it.',
  },
  selfPrivacyNote: {
    zh: '仅您本人可见。审计日志只记录“何人何时运行了自评”（框架和期间），不记录任何数值。',
    en: 'Visible to you alone. The audit log records only that a self-evaluation was run, by whom and when (framework and periods), never a figure.',
  },
  selfNormalisationNote: {
    zh: '归一化采用框架规定的上下限（目标距离法）：每个指标按其下限（0 分）与目标（100 分）计分，与其他社区的数据无关，也不读取其他社区的数据。',
    en: "Normalisation uses the framework's goalposts: each indicator scores between its floor (0) and its target (100), independent of, and without reading, any other community's data.",
  },
  selfNote_normalisation_goalposts: {
    zh: '归一化：上下限（目标距离法），不用其他社区的数据。',
    en: "Normalisation: goalposts, using no other community's data.",
  },
  selfNote_treatment_none: {
    zh: '异常值处理：不处理（上下限已截断超出部分）。',
    en: 'Outlier treatment: none (the goalposts censor values beyond them).',
  },
  selfNote_weighting_framework: {
    zh: '权重：按框架设定（数据驱动的权重要用全部社区的数据）。',
    en: "Weights: the framework's (data-driven weights would need every community's data).",
  },
  selfNote_aggregation_arithmetic: {
    zh: '合成：加权算术平均（框架的合成方法要用全部社区的数据）。',
    en: "Aggregation: weighted arithmetic mean (the framework's method needs every community's data).",
  },
  selfRunTitle: { zh: '运行新的自评', en: 'Run a new self-evaluation' },
  selfFramework: { zh: '评估框架', en: 'Framework' },
  selfPeriods: { zh: '期间（可多选，用于比较变化）', en: 'Periods (choose several to see change)' },
  selfRunSubmit: { zh: '运行自评', en: 'Run the self-evaluation' },
  selfNoPeriods: {
    zh: '本社区还没有任何期间的数据，暂时无法自评。',
    en: 'Your community has no data for any period yet, so there is nothing to assess.',
  },
  selfMineTitle: { zh: '我的自评', en: 'My self-evaluations' },
  selfNone: { zh: '还没有自评。', en: 'No self-evaluations yet.' },
  selfColRun: { zh: '运行时间', en: 'Run at' },
  selfColFramework: { zh: '框架', en: 'Framework' },
  selfColPeriods: { zh: '期间', en: 'Periods' },
  selfColScore: { zh: '最新综合得分', en: 'Latest index score' },
  selfHeading: { zh: '{unit}自评（{periods}）', en: 'Self-evaluation of {unit} ({periods})' },
  selfStandingTitle: { zh: '总体情况', en: 'Where it stands' },
  selfColNode: { zh: '维度', en: 'Dimension' },
  selfColPeriod: { zh: '期间', en: 'Period' },
  selfColScoreShort: { zh: '得分', en: 'Score' },
  selfColChange: { zh: '较上期', en: 'Change' },
  selfColTrend: { zh: '趋势', en: 'Trend' },
  selfWeakest: {
    zh: '{period}：最薄弱的维度（短板）是{dimension}',
    en: 'Weakest dimension in {period}: {dimension}',
  },
  selfIndicatorsTitle: { zh: '各指标', en: 'Indicators' },
  selfColIndicator: { zh: '指标', en: 'Indicator' },
  selfColValue: { zh: '数值', en: 'Value' },
  selfColNormalised: { zh: '得分（0–100）', en: 'Score (0–100)' },
  selfColLight: { zh: '达标情况', en: 'Status' },
  selfColGoalposts: { zh: '下限 → 目标', en: 'Floor → target' },
  selfColToTarget: { zh: '距目标', en: 'To target' },
  selfColToGreen: { zh: '距达标线', en: 'To green' },
  selfReached: { zh: '已达到', en: 'reached' },
  selfImprovementsTitle: { zh: '提升哪些指标最有效', en: 'Which improvements lift the score most' },
  selfImprovementsIntro: {
    zh: '{period}：把单个指标提高到目标（100 分）时，综合得分可以达到多少。',
    en: 'In {period}: the index score if one indicator reached its target (score 100).',
  },
  selfImprovementsNone: {
    zh: '所有指标都已达到目标，或没有可计算的综合得分。',
    en: 'Every indicator has reached its target, or there is no index score to work from.',
  },
  selfColFrom: { zh: '现得分', en: 'Score now' },
  selfColGain: { zh: '综合得分提高', en: 'Index gain' },
  selfColNewScore: { zh: '提高后综合得分', en: 'Index after' },
  selfMethodsTitle: { zh: '方法', en: 'Method' },
  selfAssessTitle: { zh: '社区自评权限', en: 'Self-evaluation' },
  selfAssessHint: {
    zh: '只能授予单位范围恰为一个社区的查看者：他们可以对本社区自评，结果只有本人可见（管理员也看不到数值）。',
    en: 'Only for a viewer whose unit scope is exactly one community: they may evaluate their own community, privately (admins cannot see the figures either).',
  },
  selfAssessLabel: {
    zh: '允许本社区自评（self.assess）',
    en: 'May self-assess their community (self.assess)',
  },
  formField_selfAssess: { zh: '自评权限', en: 'Self-evaluation' },
  selfLink: { zh: '社区自评', en: 'Self-evaluation' },
  selfBack: { zh: '返回我的自评', en: 'Back to my self-evaluations' },
} as const satisfies Record<string, BilingualText>;
