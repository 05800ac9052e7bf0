/**
 * Labels of "who evaluates" (issue 15): the sources of a batch, the status of a value, the
 * confirm/return buttons and corrections of the import pages, the source order of the methodology
 * and the self-vs-verified gaps of the report pages.
 */
export const VERIFICATION_LABELS = {
  source_self: { zh: '社区自报', en: 'self-reported' },
  source_street: { zh: '街道核查', en: 'checked by the street' },
  source_third_party: { zh: '第三方调查或督查', en: 'third-party survey or inspection' },
  valueStatus_self: { zh: '自报（未审核）', en: 'self-reported (not reviewed)' },
  valueStatus_confirmed: { zh: '自报（已确认）', en: 'self-reported (confirmed)' },
  valueStatus_returned: { zh: '自报（已退回）', en: 'self-reported (returned)' },
  valueStatus_street: { zh: '街道核查', en: 'checked by the street' },
  valueStatus_third_party: { zh: '第三方', en: 'third party' },
  importSource: { zh: '数据来源', en: 'Source' },
  importCorrects: {
    zh: '更正的批次（可选，须为已确认或已退回的批次）',
    en: 'Batch corrected (optional; a confirmed or returned batch)',
  },
  importCorrectionReason: { zh: '更正理由', en: 'Reason for the correction' },
  colValueStatus: { zh: '审核状态', en: 'Review status' },
  batchSourceLine: { zh: '数据来源：{source}；状态：{status}', en: 'Source: {source}; status: {status}' },
  batchReviewedBy: { zh: '{by} 于 {at} {decision}', en: '{decision} by {by} on {at}' },
  batchReviewReason: { zh: '理由：{reason}', en: 'Reason: {reason}' },
  batchCorrects: {
    zh: '本批次更正批次 {batch}，理由：{reason}',
    en: 'This batch corrects batch {batch}: {reason}',
  },
  batchReviewTitle: { zh: '审核自报数据', en: 'Review the self-reported figures' },
  batchReviewIntro: {
    zh: '确认后数据锁定；退回后评估不再使用本批次。两者都只能做一次，之后的更改须以更正批次导入。',
    en: 'Once confirmed the figures are locked; once returned, evaluations stop using the batch. Either happens once; later changes come in as a correcting batch.',
  },
  batchConfirm: { zh: '确认', en: 'Confirm' },
  batchReturn: { zh: '退回', en: 'Return' },
  batchReturnReason: { zh: '退回理由（必填）', en: 'Why it is returned (required)' },
  batchConfirmNote: { zh: '备注（可选）', en: 'Note (optional)' },
  batchCorrect: { zh: '导入更正批次', en: 'Import a correcting batch' },
  decision_confirmed: { zh: '已确认', en: 'Confirmed' },
  decision_returned: { zh: '已退回', en: 'Returned' },
  methodologySources: {
    zh: '计入的数据来源（按优先次序）',
    en: 'Data sources counted (in order of preference)',
  },
  methodologySourcesText: {
    zh: '每个社区、时期和变量取排在最前、且有数值的来源；退回的批次不计入。',
    en: 'For each community, period and variable the value comes from the first source listed that has one; returned batches do not count.',
  },
  gapTitle: { zh: '自报与核查的差距', en: 'Self-reported against verified' },
  gapIntro: {
    zh: '街道或第三方核查过的社区：相对差距为正表示自报数据使社区显得更好。中位相对差距大的社区，核查最值得投入。',
    en: 'Communities a street or a third party checked: a positive relative gap means the own figures made the community look better. Where the median relative gap is large, checking is worth its cost.',
  },
  gapColUnit: { zh: '社区', en: 'Community' },
  gapColCompared: { zh: '比较的指标数', en: 'Indicators compared' },
  gapColOverstated: { zh: '高报的指标数', en: 'Overstated' },
  gapColUnderstated: { zh: '低报的指标数', en: 'Understated' },
  gapColMedian: { zh: '中位相对差距', en: 'Median relative gap' },
  gapColIndicator: { zh: '指标', en: 'Indicator' },
  gapColPeriod: { zh: '时期', en: 'Period' },
  gapColSelf: { zh: '自报值', en: 'Self-reported' },
  gapColVerified: { zh: '核查值', en: 'Verified' },
  gapColRelative: { zh: '相对差距', en: 'Relative gap' },
  gapUnitSummary: {
    zh: '比较 {compared} 项，高报 {overstated} 项，低报 {understated} 项；中位相对差距 {median}。',
    en: '{compared} compared, {overstated} overstated, {understated} understated; median relative gap {median}.',
  },
  gapShown: {
    zh: '显示差距最大的 {shown} 个社区（共 {total} 个）。',
    en: 'The {shown} communities with the largest gap (of {total}).',
  },
} as const;
