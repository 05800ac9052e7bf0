/**
 * What an evaluation's page offers evaluators and admins besides the report: on a draft, the form
 * that publishes it with a reason (evaluations.publish), warning when a published evaluation of the
 * same framework and periods exists, so that two "version 1" evaluations are not published side by
 * side; on the latest published version, the link to make its next version (evaluations.run). Null
 * where the reader may do neither, so the template only asks whether there is a control.
 *
 * @example publishForm(draft, null, 'zh', true).action === '/evaluations/ev_b/publish'
 */
import type { Evaluation } from '../../domain/evaluation.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelsFor } from '../i18n/labels.js';
import { evaluationTitle } from './evaluation-title.js';

export interface PublishForm {
  readonly action: string;
  readonly title: string;
  readonly reasonLabel: string;
  readonly reasonHint: string;
  readonly button: string;
  readonly note: string;
  /** Set when publishing would put a second version 1 beside a published line. */
  readonly warning: string | null;
  readonly versionHref: string | null;
}

export function publishForm(
  evaluation: Pick<Evaluation, 'id' | 'status' | 'version'>,
  publishedLine: Evaluation | null,
  lang: Lang,
  mayPublish: boolean,
): PublishForm | null {
  if (evaluation.status !== 'draft' || !mayPublish) return null;
  const t = labelsFor(lang);
  const parallel = evaluation.version === 1 && publishedLine !== null ? publishedLine : null;
  return {
    action: `/evaluations/${encodeURIComponent(evaluation.id)}/publish`,
    title: t.publishTitle,
    reasonLabel: t.publishReason,
    reasonHint: t.publishReasonHint,
    button: t.publishButton,
    note: t.publishNote,
    warning:
      parallel === null
        ? null
        : fill(t.publishParallelWarning, {
            title: evaluationTitle(parallel, lang),
            version: parallel.version,
          }),
    versionHref: parallel === null ? null : `/evaluations/${encodeURIComponent(parallel.id)}/versions/new`,
  };
}

/** The link to a new version, on the latest published version of a line for those who may run evaluations. */
export function newVersionLink(
  evaluation: Pick<Evaluation, 'id' | 'status'>,
  line: readonly Pick<Evaluation, 'supersedes'>[],
  lang: Lang,
  mayRun: boolean,
): { readonly href: string; readonly label: string } | null {
  const superseded = line.some((e) => e.supersedes === evaluation.id);
  if (evaluation.status !== 'published' || superseded || !mayRun) return null;
  return {
    href: `/evaluations/${encodeURIComponent(evaluation.id)}/versions/new`,
    label: labelsFor(lang).newVersionLink,
  };
}
