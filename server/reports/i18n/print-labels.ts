/**
 * The labels of a report's printed title block (unit, evaluation, version, status and the date the
 * page was printed), Chinese first. Part of the one dictionary (dictionary.ts spreads them in), kept
 * apart only because they belong together.
 */
import type { BilingualText } from './pick.js';

export const PRINT_LABELS = {
  printSubject: { zh: '报告对象', en: 'Report on' },
  printUnit: { zh: '{name}（{code}）', en: '{name} ({code})' },
  printEvaluation: { zh: '评估', en: 'Evaluation' },
  printVersion: { zh: '版本', en: 'Version' },
  printPublishedOn: { zh: '{status}（{date}）', en: '{status} ({date})' },
  printDate: { zh: '打印日期', en: 'Printed on' },
  printTitleLabel: { zh: '报告信息', en: 'About this report' },
  sortHint: { zh: '点击列名排序。', en: 'Click a column heading to sort.' },
} as const satisfies Readonly<Record<string, BilingualText>>;
