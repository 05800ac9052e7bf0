/**
 * The page that follows an evaluation job (/evaluations/jobs/:id): where it is (queued, or step n of
 * m and its name), a progress bar, a cancel button while it runs, and — when it failed or was
 * cancelled — why, with each problem the engine named and a way back to the form. The page reloads
 * itself every two seconds without JavaScript; job-progress.js reads the same model as JSON
 * (?format=json) and moves the bar without reloading. A finished job's page is never shown: the
 * route sends the reader on to the new draft.
 */
import type { Job } from '../../jobs/job-runner.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';
import { numberFormat } from '../format/number-format.js';
import { pageChrome, type Chrome } from './chrome.js';
import { withFields } from './with-fields.js';

export interface JobProgress {
  readonly status: Job['status'];
  readonly running: boolean;
  readonly failed: boolean;
  readonly message: string;
  readonly done: number;
  readonly total: number;
  readonly problems: readonly string[];
}

export interface EvaluationJobPage extends Chrome, JobProgress {
  readonly jobId: string;
  readonly cancelAction: string;
  readonly pollHref: string;
  /** With JavaScript the bar moves without reloading (job-progress.js). */
  readonly refreshWithoutScript: true;
}

export function jobProgress(job: Job, lang: Lang): JobProgress {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const running = job.status === 'queued' || job.status === 'running';
  const step = labelOf(lang, 'jobStep', job.progress.step);
  const message =
    job.status === 'queued'
      ? t.jobQueued
      : job.status === 'running'
        ? fill(t.jobRunning, {
            done: format.count(job.progress.done + 1),
            total: format.count(job.progress.total),
            step,
          })
        : fill(job.status === 'cancelled' ? t.jobCancelled : t.jobFailed, {
            message: job.error?.message ?? job.status,
          });
  return {
    status: job.status,
    running,
    failed: !running && job.status !== 'succeeded',
    message,
    done: job.progress.done,
    total: job.progress.total,
    problems: (job.error?.details ?? []).map((d) =>
      d.where === undefined ? d.message : `${d.where}: ${d.message}`,
    ),
  };
}

export function evaluationJobPage(job: Job, lang: Lang): EvaluationJobPage {
  const t = labelsFor(lang);
  const path = `/evaluations/jobs/${encodeURIComponent(job.id)}`;
  const progress = jobProgress(job, lang);
  const chrome = pageChrome(lang, {
    path,
    query: {},
    title: t.jobTitle,
    section: 'evaluations',
    ...(progress.running ? { refreshSeconds: 2 } : {}),
  });
  return withFields(withFields(chrome, progress), {
    jobId: job.id,
    cancelAction: `${path}/cancel`,
    pollHref: `${path}?format=json&lang=${lang}`,
    refreshWithoutScript: true as const,
  });
}
