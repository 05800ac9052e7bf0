/**
 * The labels of the evaluator's controls on an evaluation's page (the delete button of a draft, the
 * link to the statistical audit), Chinese first. Part of the one dictionary (dictionary.ts spreads
 * them in), kept apart only because they belong together.
 */
import type { BilingualText } from './pick.js';

export const DRAFT_DELETE_LABELS = {
  deleteDraftButton: { zh: '删除此草稿', en: 'Delete this draft' },
  statisticalAuditLink: { zh: '统计审计', en: 'Statistical audit' },
  deleteDraftNote: {
    zh: '草稿及其结果将被删除（记入审计日志）；已发布的评估不能删除。',
    en: 'The draft and its results are deleted (recorded in the audit log); a published evaluation cannot be deleted.',
  },
} as const satisfies Readonly<Record<string, BilingualText>>;
