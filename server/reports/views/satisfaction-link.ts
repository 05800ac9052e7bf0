/**
 * The link from an evaluation's page and its methodology appendix to its satisfaction check, when
 * the results hold one and the reader may see every unit (the check is about every unit of a level).
 * Null otherwise, so the template only asks whether there is a link.
 *
 * @example satisfactionLink(context, 'zh', true) // { href: '/evaluations/ev_a/satisfaction', label: '居民满意度检验' }
 */
import type { ReportContext } from '../context/report-context.js';
import type { Lang } from '../i18n/lang.js';
import { pick } from '../i18n/pick.js';
import { SATISFACTION_LABELS } from '../i18n/satisfaction-labels.js';

export interface SatisfactionLink {
  readonly href: string;
  readonly label: string;
}

export function satisfactionLink(
  context: ReportContext,
  lang: Lang,
  everyUnit: boolean,
): SatisfactionLink | null {
  if (context.satisfaction === null || !everyUnit) return null;
  return {
    href: `/evaluations/${encodeURIComponent(context.evaluation.id)}/satisfaction`,
    label: pick(SATISFACTION_LABELS.satLink, lang),
  };
}
