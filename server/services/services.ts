/**
 * What the use cases work with, built once per process (buildApp) or per command (the CLI): the
 * store, the definitions catalogue and its current registry, the jobs with their owners and the
 * report cache. The doors hand it to the use-case functions of this folder and reach none of its
 * parts themselves.
 *
 * `registry` is read through the catalogue on every access, so after a publication
 * (publishDefinitions reloads the catalogue) every door sees the new definitions; never keep it
 * in a variable beyond one request.
 *
 * @example const services = createServices(store, catalogue, new JobRunner()); await publishEvaluation(services, actor, id)
 */
import type { Registry } from '../indicators/registry-types.js';
import { JobRunner } from '../jobs/job-runner.js';
import type { Store } from '../store/store.js';
import type { DefinitionCatalogue } from './definition-catalogue.js';
import { JobBoard } from './job-board.js';
import { ReportCache } from './report-cache.js';
import type { ReportSnapshots } from './report-snapshots.js';

export interface Services {
  readonly store: Store;
  /** The current registry: the catalogue's latest version as of its last reload. */
  readonly registry: Registry;
  readonly catalogue: DefinitionCatalogue;
  readonly jobs: JobBoard;
  readonly reports: ReportCache;
}

export function createServices(
  store: Store,
  catalogue: DefinitionCatalogue,
  jobs: JobRunner = new JobRunner(),
  snapshots?: ReportSnapshots,
): Services {
  return {
    store,
    get registry(): Registry {
      return catalogue.current();
    },
    catalogue,
    jobs: new JobBoard(jobs),
    reports: new ReportCache(store, undefined, snapshots),
  };
}
