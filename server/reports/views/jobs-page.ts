/**
 * The view model of /jobs: the reader's latest jobs, newest first, with kind, status, progress,
 * start and end, and the link where each can be followed (an import on its import page, an
 * evaluation on its evaluation job page). The page refreshes itself while a job is unfinished.
 */
import type { Job } from '../../domain/job.js';
import { numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';
import { pageChrome, type Chrome } from './chrome.js';
import { when } from './evaluations-list.js';
import { withFields } from './with-fields.js';

export const JOBS_SHOWN = 50;

export interface JobItem {
  readonly id: string;
  readonly kind: string;
  readonly status: string;
  readonly failed: boolean;
  readonly progress: string;
  readonly error: string | null;
  readonly started: string;
  readonly finished: string;
  readonly href: string | null;
}

export interface JobsPage extends Chrome {
  readonly items: readonly JobItem[];
  readonly empty: boolean;
}

/** Where a job is followed: imports on the import pages, evaluations on their job page. */
export function jobHref(job: Pick<Job, 'id' | 'kind'>): string | null {
  const id = encodeURIComponent(job.id);
  if (job.kind.startsWith('import-')) return `/import/jobs/${id}`;
  if (job.kind === 'evaluation') return `/evaluations/jobs/${id}`;
  return null;
}

function jobItem(job: Job, lang: Lang): JobItem {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  return {
    id: job.id,
    kind: labelOf(lang, 'jobKind', job.kind),
    status: labelOf(lang, 'jobStatus', job.status),
    failed: job.status === 'failed',
    progress: fill(t.jobProgress, {
      step: job.progress.step,
      done: format.count(job.progress.done),
      total: format.count(job.progress.total),
    }),
    error: job.error?.message ?? null,
    started: when(job.startedAt, lang),
    finished: when(job.finishedAt, lang),
    href: jobHref(job),
  };
}

export function jobsPage(jobs: readonly Job[], lang: Lang): JobsPage {
  const t = labelsFor(lang);
  const unfinished = jobs.some((job) => job.finishedAt === null);
  return withFields(
    pageChrome(lang, {
      path: '/jobs',
      query: {},
      title: t.jobsTitle,
      section: 'jobs',
      ...(unfinished ? { refreshSeconds: 2 } : {}),
    }),
    {
      items: jobs.map((job) => jobItem(job, lang)),
      empty: jobs.length === 0,
    },
  );
}
