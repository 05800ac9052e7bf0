/**
 * Labels of the list of self-reported batches waiting for review (/import/review, issue 15).
 * Part of the one dictionary (dictionary.ts spreads them in).
 */
export const REVIEW_QUEUE_LABELS = {
  navReview: { zh: '待审核数据', en: 'Batches to review' },
  reviewQueueTitle: { zh: '待审核的自报数据', en: 'Self-reported batches to review' },
  reviewQueueIntro: {
    zh: '以下是你可审核、尚未确认或退回的社区自报数据批次，最新的在前。打开批次可查看数据并确认或退回。',
    en: 'The self-reported batches you may review that are neither confirmed nor returned yet, newest first. Open a batch to read its figures and confirm or return it.',
  },
  reviewQueueEmpty: {
    zh: '目前没有等待你审核的数据批次。',
    en: 'No batch is waiting for your review.',
  },
  colReviewFile: { zh: '文件', en: 'File' },
  colReviewRows: { zh: '行数', en: 'Rows' },
  colReviewImported: { zh: '导入时间', en: 'Imported' },
  colReviewPeriod: { zh: '期间', en: 'Period' },
  colReviewImporter: { zh: '导入人', en: 'Imported by' },
  colReviewUnits: { zh: '单位', en: 'Units' },
  reviewUnitsMore: { zh: '{names} 等 {count} 个单位', en: '{names} and others, {count} units' },
  reviewQueueLink: { zh: '待审核的自报数据', en: 'Self-reported batches to review' },
  reviewQueueMore: { zh: '下一页', en: 'Next page' },
} as const;
