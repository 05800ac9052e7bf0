/**
 * View model of /import/review: the self-reported batches waiting for the reader's review
 * (services/batches-to-review.ts), one row each linking to the batch page, which holds the
 * confirm and return forms. Only formats; the service chose and ordered the batches.
 */
import type { BatchAwaitingReview } from '../../domain/batch-awaiting-review.js';
import { numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelsFor } from '../i18n/labels.js';
import { pick } from '../i18n/pick.js';
import { pageChrome, type Chrome } from './chrome.js';
import { when } from './evaluations-list.js';
import { href } from './href.js';
import { withFields } from './with-fields.js';

export interface ReviewQueueRow {
  readonly href: string;
  readonly file: string;
  readonly period: string;
  readonly importer: string;
  readonly imported: string;
  readonly rows: string;
  readonly units: string;
}

export interface ReviewQueuePage extends Chrome {
  readonly rows: readonly ReviewQueueRow[];
  /** The next page of the list, when there is one. */
  readonly more: string | null;
}

function unitsText(waiting: BatchAwaitingReview, lang: Lang): string {
  const names = waiting.units
    .map((unit) => (unit.name === null ? unit.code : pick(unit.name, lang)))
    .join(lang === 'zh' ? '、' : ', ');
  if (waiting.unitCount <= waiting.units.length) return names;
  return fill(labelsFor(lang).reviewUnitsMore, { names, count: numberFormat(lang).count(waiting.unitCount) });
}

export function reviewQueuePage(
  waiting: readonly BatchAwaitingReview[],
  lang: Lang,
  nextPage: number | null,
): ReviewQueuePage {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  return withFields(
    pageChrome(lang, { path: '/import/review', query: {}, title: t.reviewQueueTitle, section: 'review' }),
    {
      rows: waiting.map((item) => ({
        href: `/import/batches/${encodeURIComponent(item.batch.id)}`,
        file: item.batch.fileName,
        period: item.batch.period ?? item.batch.periods.join(', '),
        importer: item.batch.actor,
        imported: when(item.batch.committedAt ?? item.batch.createdAt, lang),
        rows: format.count(item.batch.counts.rows),
        units: unitsText(item, lang),
      })),
      more:
        nextPage === null
          ? null
          : href('/import/review', { page: nextPage, lang: lang === 'en' ? 'en' : undefined }),
    },
  );
}
