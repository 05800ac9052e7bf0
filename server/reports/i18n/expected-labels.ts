/**
 * The labels of the score expected from a unit's structural attributes (issue 16: performance
 * beyond expectation) on the ranking table, the unit page and the methodology page, Chinese first.
 * Part of the one dictionary (dictionary.ts spreads them in).
 */
import type { BilingualText } from './pick.js';

export const EXPECTED_LABELS = {
  colExpectedDifference: { zh: '与预期之差', en: 'Beyond expectation' },
  colExpectedScore: { zh: '预期得分', en: 'Expected score' },
  expectedAbove: { zh: '高于预期 {difference}', en: 'above expected {difference}' },
  expectedBelow: { zh: '低于预期 {difference}', en: 'below expected {difference}' },
  expectedOn: { zh: '符合预期 {difference}', en: 'as expected {difference}' },
  expectedScoreTitle: { zh: '按结构条件预期得分 {expected}', en: 'Expected from structure: {expected}' },
  expectedUnitTitle: { zh: '与结构条件相比', en: 'Against its structural conditions' },
  expectedUnitHigher: {
    zh: '按其结构条件预期得分 {expected}，实际高 {difference} 分。',
    en: 'Expected from its structural conditions: {expected}; it scored {difference} points higher.',
  },
  expectedUnitLower: {
    zh: '按其结构条件预期得分 {expected}，实际低 {difference} 分。',
    en: 'Expected from its structural conditions: {expected}; it scored {difference} points lower.',
  },
  expectedUnitSame: {
    zh: '按其结构条件预期得分 {expected}，实际与预期相同。',
    en: 'Expected from its structural conditions: {expected}; it scored as expected.',
  },
  expectedUnitFit: {
    zh: '预期得分来自本期 {n} 个社区/村的指数得分对 {attributes} 的线性回归（R² = {r2}）；标准化差值 {z}。',
    en: 'The expected score comes from a linear regression of the index score of this period’s {n} communities and villages on {attributes} (R² = {r2}); standardised difference {z}.',
  },
  expectedUnitMissingAttribute: {
    zh: '未计算预期得分：单位名册中缺少该单位的“{attribute}”。',
    en: 'No expected score: the unit register lacks “{attribute}” for this unit.',
  },
  expectedUnitNotPositive: {
    zh: '未计算预期得分：“{attribute}”不大于 0，无法取对数。',
    en: 'No expected score: “{attribute}” is not above 0, so it has no logarithm.',
  },
  expectedUnitNoScore: {
    zh: '本期无指数得分，故无预期得分比较。',
    en: 'No index score this period, so no comparison with an expected score.',
  },
  expectedUnitNoFit: {
    zh: '本期有完整属性和得分的单位过少，未做回归。',
    en: 'Too few units with a score and every attribute this period for a regression.',
  },
  expectedMethodTitle: { zh: '按结构条件的预期得分', en: 'Score expected from structural conditions' },
  expectedMethodIntro: {
    zh: '每个评估期，用普通最小二乘法将社区/村的指数得分对其结构属性做线性回归：得分 = 截距 + Σ 系数 × 属性。各属性先标准化（减均值、除标准差）再求解正规方程（Cholesky 分解），与其他属性共线或不变的属性不计入（系数记为“—”）。单位的预期得分是回归的拟合值，差值 = 实际得分 − 预期得分：为正表示好于其结构条件所预期，为负表示低于预期；因此条件更难的社区不会仅因得分低而被看作落后。标准化差值 = 差值 ÷ 残差标准误。缺少某一属性（或需取对数的属性不大于 0）的单位不参与回归，也没有预期得分。只对社区/村计算，街道、区不做回归。',
    en: 'In each period, an ordinary least squares regression of the communities’ and villages’ index score on their structural attributes: score = intercept + Σ coefficient × attribute. The attributes are standardised (mean removed, divided by the standard deviation) before the normal equations are solved (Cholesky factorisation); an attribute that is constant or collinear with the others is left out (its coefficient shown as “—”). A unit’s expected score is its fitted value and the difference = actual − expected: above zero means better than its structural conditions predict, below zero worse, so a community facing harder conditions is not read as failing merely for a low score. Standardised difference = difference ÷ residual standard error. A unit missing an attribute (or with a log-scaled attribute not above 0) is left out of the regression and has no expected score. Computed for communities and villages only; streets and districts are not regressed.',
  },
  expectedMethodAttributes: { zh: '属性：{attributes}。', en: 'Attributes: {attributes}.' },
  expectedMethodExcluded: {
    zh: '因属性缺失或不可取对数而未参与回归的单位：{count} 个。',
    en: 'Units left out for a missing attribute or one that cannot be logged: {count}.',
  },
  expectedMethodOff: {
    zh: '本次评估未计算预期得分（methods.expected 为 none，或结果早于此项计算）。',
    en: 'This evaluation computed no expected scores (methods.expected is none, or the results predate them).',
  },
  expectedFitsCaption: { zh: '各期回归拟合', en: 'Regression fit per period' },
  expectedCoefficientsCaption: { zh: '各期回归系数', en: 'Regression coefficients per period' },
  colExpectedTerm: { zh: '项', en: 'Term' },
  colExpectedEstimate: { zh: '系数（每单位）', en: 'Coefficient (per unit)' },
  colExpectedPerSd: { zh: '每标准差', en: 'Per standard deviation' },
  colExpectedN: { zh: '单位数 n', en: 'Units n' },
  colExpectedR2: { zh: 'R²', en: 'R²' },
  colExpectedAdjustedR2: { zh: '调整 R²', en: 'Adjusted R²' },
  colExpectedRse: { zh: '残差标准误', en: 'Residual standard error' },
  expectedIntercept: { zh: '截距', en: 'Intercept' },
  expectedLogOf: { zh: 'ln({attribute})', en: 'ln({attribute})' },
  expectedAttr_resident_population: { zh: '常住人口', en: 'resident population' },
  expectedAttr_urban_rural: { zh: '城镇（城镇 = 1，乡村 = 0）', en: 'urban (urban = 1, rural = 0)' },
  expectedAttr_area_km2: { zh: '面积（平方公里）', en: 'area (km²)' },
  expectedAttr_old_compound_share: { zh: '老旧小区占比', en: 'old-compound share' },
  expectedAttr_households: { zh: '户数', en: 'households' },
} as const satisfies Readonly<Record<string, BilingualText>>;
