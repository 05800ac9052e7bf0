/**
 * An evaluation's title in the reader's language: its label, else its framework and periods.
 *
 * @example evaluationTitle({ label: null, framework: { id: 'default' }, periods: ['2025'] }, 'en') === 'default 2025'
 */
import type { Evaluation } from '../../domain/evaluation.js';
import type { Lang } from '../i18n/lang.js';
import { pick } from '../i18n/pick.js';

export function evaluationTitle(
  evaluation: Pick<Evaluation, 'label' | 'periods'> & { readonly framework: { readonly id: string } },
  lang: Lang,
): string {
  if (evaluation.label !== null) return pick(evaluation.label, lang);
  return `${evaluation.framework.id} ${evaluation.periods.join(', ')}`;
}
