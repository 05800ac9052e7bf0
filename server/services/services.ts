/**
 * What the use cases work with, built once per process (buildApp) or per command (the CLI): the
 * store, the indicator registry, the jobs with their owners and the report cache. The doors hand
 * it to the use-case functions of this folder and reach none of its parts themselves.
 *
 * @example const services = createServices(store, registry, new JobRunner()); await publishEvaluation(services, actor, id)
 */
import type { Registry } from '../indicators/registry-types.js';
import { JobRunner } from '../jobs/job-runner.js';
import type { Store } from '../store/store.js';
import { JobBoard } from './job-board.js';
import { ReportCache } from './report-cache.js';

export interface Services {
  readonly store: Store;
  readonly registry: Registry;
  readonly jobs: JobBoard;
  readonly reports: ReportCache;
}

export function createServices(
  store: Store,
  registry: Registry,
  jobs: JobRunner = new JobRunner(),
): Services {
  return { store, registry, jobs: new JobBoard(jobs), reports: new ReportCache(store) };
}
