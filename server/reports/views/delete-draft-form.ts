/**
 * The delete form on a draft evaluation's page, for readers who may run evaluations (evaluators and
 * admins): where it posts and what it says. Null for a published evaluation or another reader, so
 * the template only asks whether there is a form.
 *
 * @example deleteDraftForm(draft, 'en', true) // { action: '/evaluations/ev_b/delete', label: 'Delete this draft', note: '…' }
 */
import type { Evaluation } from '../../domain/evaluation.js';
import { label } from '../i18n/labels.js';
import type { Lang } from '../i18n/lang.js';

export interface DeleteDraftForm {
  readonly action: string;
  readonly label: string;
  readonly note: string;
}

export function deleteDraftForm(
  evaluation: Pick<Evaluation, 'id' | 'status'>,
  lang: Lang,
  mayDelete: boolean,
): DeleteDraftForm | null {
  if (evaluation.status !== 'draft' || !mayDelete) return null;
  return {
    action: `/evaluations/${encodeURIComponent(evaluation.id)}/delete`,
    label: label(lang, 'deleteDraftButton'),
    note: label(lang, 'deleteDraftNote'),
  };
}
