/**
 * The engine log's messages as the methodology page shows them in Chinese (the log itself is stored
 * in English with the results, and the English page and the export show it as stored). Keyed by the
 * kind of entry log-message.ts recognises; `log_other` stands for a message it does not know.
 */
import type { BilingualText } from './pick.js';

export const LOG_LABELS = {
  log_input: { zh: '输入数据', en: 'input' },
  log_choices: { zh: '方法选择（已补全默认值）', en: 'method choices (defaults filled in)' },
  log_method: { zh: '方法：{method}', en: 'method: {method}' },
  log_screened: {
    zh: '{count} 个单位·期的数据可得率低于阈值：{action}',
    en: '{count} unit-period(s) below the availability threshold: {action}',
  },
  log_imputed: {
    zh: '插补 {filled} 个值，{unfilled} 个仍缺失',
    en: '{filled} value(s) imputed, {unfilled} left missing',
  },
  log_bounds: { zh: '标准化的上下界', en: 'bounds' },
  log_weightsUsed: { zh: '所用权重', en: 'weights used' },
  log_ranks: { zh: '各评估期内按得分排名（并列取较前名次）', en: 'ranks within each period' },
  log_diagnostics: { zh: '诊断', en: 'diagnostics' },
  log_winsorised: { zh: '已缩尾', en: 'winsorised' },
  log_log_transformed: { zh: '已取对数', en: 'log-transformed' },
  log_ahp: { zh: 'AHP 权重，一致性比率 {cr}', en: 'AHP weights, consistency ratio {cr}' },
  log_methodWeights: { zh: '{method}权重', en: '{method} weights' },
  log_unusableWeights: {
    zh: '{method}未得出可用的权重，沿用框架权重',
    en: '{method} gives no usable weights; framework weights kept',
  },
  log_plainMean: {
    zh: '{count} 个上级单位有人口未知的下级：取下级得分的简单平均',
    en: '{count} parent(s) with a child of unknown population: plain mean of the children',
  },
  log_noData: {
    zh: '维度“{node}”完全没有数据：所有单位在该维度上都没有得分',
    en: 'no data at all for dimension “{node}”: its score is missing for every unit',
  },
  log_other: { zh: '详见导出的日志', en: 'see the exported log' },
} as const satisfies Readonly<Record<string, BilingualText>>;
