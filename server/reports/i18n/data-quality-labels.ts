/**
 * The labels of the methodology page's data-quality section (warnings kept in the imported batches,
 * completeness per street and district), Chinese first. Part of the one dictionary.
 */
import type { BilingualText } from './pick.js';

export const DATA_QUALITY_LABELS = {
  dataQualityTitle: { zh: '数据质量', en: 'Data quality' },
  dataQualityIntro: {
    zh: '评估所用数据批次在导入时留下的警告（违反指标规则、超出有效范围、与往期相比跳变），以及各街道、区的数据填报完整度。',
    en: 'Warnings kept by the imported batches this evaluation uses (indicator rules, valid ranges, jumps from earlier periods), and how complete each street’s and district’s data were.',
  },
  dataQualityNone: { zh: '所用数据批次没有警告。', en: 'The batches used carry no warnings.' },
  colFile: { zh: '文件', en: 'File' },
  colArea: { zh: '街道／区', en: 'Street / district' },
  colCompleteness: { zh: '完整度', en: 'Completeness' },
} as const satisfies Readonly<Record<string, BilingualText>>;
