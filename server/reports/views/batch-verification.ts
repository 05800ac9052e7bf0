/**
 * "Who evaluates" on the import pages (issue 15): a batch's source and review status as a small
 * marker with words (not colour alone), the source choice and correction fields of the upload
 * form, and the review block of a batch page — who confirmed or returned it and why, the
 * confirm/return forms for a reviewer, and the way to a correcting batch.
 *
 * @example batchMarker(batch, 'en') // { status: 'confirmed', label: 'self-reported (confirmed)' }
 */
import { DATA_SOURCES, valueStatus, type ValueStatus } from '../../domain/data-source.js';
import type { ImportBatch } from '../../domain/import-batch.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';
import { when } from './evaluations-list.js';
import type { Option } from './level-options.js';

export interface StatusMarker {
  readonly status: ValueStatus;
  readonly label: string;
}

export function statusMarker(status: ValueStatus, lang: Lang): StatusMarker {
  return { status, label: labelOf(lang, 'valueStatus', status) };
}

/** The marker of an observations batch; null for a unit register. */
export function batchMarker(batch: ImportBatch, lang: Lang): StatusMarker | null {
  if (batch.kind !== 'observations') return null;
  return statusMarker(valueStatus(batch.source, batch.review), lang);
}

export function sourceOptions(lang: Lang): Option[] {
  return DATA_SOURCES.map((source, i) => ({
    value: source,
    label: labelOf(lang, 'source', source),
    selected: i === 0,
  }));
}

export interface BatchVerification {
  readonly marker: StatusMarker;
  readonly line: string;
  /** Who confirmed or returned it, when, and why. */
  readonly reviewed: string | null;
  readonly reason: string | null;
  readonly corrects: { readonly text: string; readonly href: string } | null;
  /** The confirm and return forms: a committed, self-reported, unreviewed batch, for a reviewer. */
  readonly actions: { readonly confirm: string; readonly return: string } | null;
  /** The upload form, set up to correct this batch (once it was reviewed). */
  readonly correct: string | null;
}

export function batchVerification(
  batch: ImportBatch,
  lang: Lang,
  mayConfirm: boolean,
): BatchVerification | null {
  const marker = batchMarker(batch, lang);
  if (marker === null || batch.status !== 'committed') return null;
  const t = labelsFor(lang);
  const path = `/import/batches/${encodeURIComponent(batch.id)}`;
  const { review } = batch;
  return {
    marker,
    line: fill(t.batchSourceLine, { source: labelOf(lang, 'source', batch.source), status: marker.label }),
    reviewed:
      review === null
        ? null
        : fill(t.batchReviewedBy, {
            by: review.by,
            at: when(review.at, lang),
            decision: labelOf(lang, 'decision', review.decision),
          }),
    reason:
      review?.reason === null || review === null
        ? null
        : fill(t.batchReviewReason, { reason: review.reason }),
    corrects:
      batch.corrects === null
        ? null
        : {
            text: fill(t.batchCorrects, { batch: batch.corrects, reason: batch.correctionReason ?? '' }),
            href: `/import/batches/${encodeURIComponent(batch.corrects)}`,
          },
    actions:
      mayConfirm && batch.source === 'self' && review === null
        ? { confirm: `${path}/confirm`, return: `${path}/return` }
        : null,
    correct: review === null ? null : `/import?corrects=${encodeURIComponent(batch.id)}`,
  };
}
