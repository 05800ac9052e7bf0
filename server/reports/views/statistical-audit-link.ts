/**
 * The link from an evaluation's page to its statistical audit, for readers who may see the data
 * behind it (data.read: evaluators, researchers, admins) and every unit (the audit covers all of
 * them). Null otherwise, so the template only asks whether there is a link.
 *
 * @example statisticalAuditLink('ev_a', 'zh', true) // { href: '/evaluations/ev_a/audit', label: '统计审计' }
 */
import { label } from '../i18n/labels.js';
import type { Lang } from '../i18n/lang.js';

export interface StatisticalAuditLink {
  readonly href: string;
  readonly label: string;
}

export function statisticalAuditLink(
  evaluationId: string,
  lang: Lang,
  mayRead: boolean,
): StatisticalAuditLink | null {
  if (!mayRead) return null;
  return {
    href: `/evaluations/${encodeURIComponent(evaluationId)}/audit`,
    label: label(lang, 'statisticalAuditLink'),
  };
}
