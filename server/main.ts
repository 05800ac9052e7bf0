/**
 * The only module with process side effects: read config, open the store, listen, shut down.
 */
import type { Server } from 'node:http';
import path from 'node:path';
import { buildApp } from './app.js';
import { loadConfig, ConfigError, type Config } from './config.js';
import { createLogger } from './logger.js';
import { openStore } from './store/open-store.js';
import { loadViews } from './http/views.js';
import { indicatorsDir, viewsDir } from './paths.js';
import { checkedFolderFiles } from './services/seed-catalogue.js';
import { ReportSnapshots } from './services/report-snapshots.js';
import { REPORT_CONTEXTS_KEPT } from './services/report-cache.js';
import { RenderPool } from './workers/render-pool.js';
import { openDefinitions } from './services/open-definitions.js';
import { FIRST_START_ACTOR, loadDemoCity } from './services/load-demo-city.js';
import { purgeExpiredCredentials } from './access/purge-credentials.js';
import { openBootstrap } from './access/bootstrap.js';
import { setupBanner } from './access/setup-banner.js';
import { newLocalCliCredential, writeLocalCliFile } from './access/local-cli-credential.js';
import { removeRecordedLeftovers } from './backup/backup-folders.js';
import { assertNoUnfinishedRestore } from './backup/restore-marker.js';
import { clearScopesOfNonViewers } from './access/viewer-only-scopes.js';
import { tidyJobsAtStart } from './jobs/interrupted-jobs.js';
import type { Logger } from 'pino';
import type { Store } from './store/store.js';
import type { Registry } from './indicators/registry-types.js';

export interface Running {
  readonly server: Server;
  readonly url: string;
  stop(): Promise<void>;
}

export async function start(config: Config): Promise<Running> {
  const logger = createLogger(config.logLevel);
  const views = loadViews(viewsDir);
  // A folder with problems fails the start with every problem listed, before the store opens.
  await checkedFolderFiles(indicatorsDir);
  const store = await openStore(config);
  // A restore that did not finish left an incomplete store: say so and how to finish, never serve it.
  await assertNoUnfinishedRestore(store).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  // The definitions live in the store, version by version; the folder seeds them (seed-catalogue.ts).
  const catalogue = await openDefinitions(store, indicatorsDir, logger).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  logEvaluationRecovery(store, logger);
  await failInterruptedJobs(store, logger);
  if (config.demo === 'auto') await loadDemoIntoEmptyStore(store, catalogue.current(), logger);
  const stopPurging = await purgeExpiredCredentials(store, logger);
  await clearStaleUnitScopes(store, logger);
  await removeBackupLeftovers(store, logger);
  const localCli = store.kind === 'embedded' ? newLocalCliCredential() : undefined;
  const reportSnapshots = new ReportSnapshots(
    path.join(config.dataDir, 'report-snapshots'),
    (error, file) => {
      logger.warn(
        { err: error, file },
        'a kept report snapshot could not be used; the results are read instead',
      );
    },
  );
  const renderPool = new RenderPool({
    threads: config.renderThreads,
    viewsDir,
    snapshotsDir: reportSnapshots.dir,
    capacity: REPORT_CONTEXTS_KEPT,
    onThreadLost: (error) => {
      logger.warn({ err: error }, 'a render thread stopped; the main thread makes its pages');
    },
  });
  const app = buildApp({
    ...(localCli === undefined ? {} : { localCli }),
    store,
    logger,
    views,
    catalogue,
    maxUploadBytes: config.maxUploadBytes,
    trustProxy: config.trustProxy,
    maxJobs: config.maxJobs,
    reportSnapshots,
    renderPool,
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, (error?: Error) => {
      if (error) reject(error);
      else resolve(s);
    });
  });
  // Node closes an idle keep-alive connection after 5 s; when that timer fires late (a busy event
  // loop) a client's next request on the connection meets a reset. Idle connections live longer than
  // clients and proxies keep them (undici 4 s, nginx 60 s), so the client is the one to close them.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  const removeLocalCli =
    localCli === undefined
      ? () => Promise.resolve()
      : await writeLocalCliFile(config.dataDir, localUrl(config.host, port), localCli);
  await announceSetup(store, url, logger);
  logger.info({ url, store: store.kind }, 'Zhili is listening');
  return {
    server,
    url,
    async stop() {
      await removeLocalCli();
      stopPurging();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
      await renderPool.close();
      await reportSnapshots.idle();
      await store.close();
    },
  };
}

/** Where the command line on this machine reaches the server: loopback when it listens everywhere. */
function localUrl(host: string, port: number): string {
  if (host === '0.0.0.0' || host === '') return `http://127.0.0.1:${port}`;
  if (host === '::' || host === '[::]') return `http://[::1]:${port}`;
  return `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
}

/** The temporary files of killed backups hold the whole store: gone at every start, not only at the next backup. */
async function removeBackupLeftovers(store: Store, logger: Logger): Promise<void> {
  const removed = await removeRecordedLeftovers(store);
  if (removed.length > 0) logger.warn({ files: removed }, 'removed the temporary files of killed backups');
}

/** Unit scopes are for viewers only: one left on another role is cleared, audited and logged. */
async function clearStaleUnitScopes(store: Store, logger: Logger): Promise<void> {
  const logins = await clearScopesOfNonViewers(store);
  if (logins.length > 0)
    logger.warn({ logins }, 'unit scopes cleared: they apply to viewers only (see the audit log)');
}

/**
 * Jobs a restart interrupted end failed ("interrupted"), never stuck running: on the embedded store
 * every unfinished one (its directory has one process), on MongoDB those whose process is gone or
 * silent for a minute (another live server's jobs go on). Jobs finished over 30 days ago are purged.
 */
async function failInterruptedJobs(store: Store, logger: Logger): Promise<void> {
  const { interrupted, purged } = await tidyJobsAtStart(store.jobs, store.kind === 'embedded');
  if (interrupted.length > 0)
    logger.warn({ jobs: interrupted }, 'jobs interrupted by a restart ended failed');
  if (purged > 0) logger.info({ purged }, 'removed jobs finished over 30 days ago');
}

/** Says what opening the store removed after evaluation runs that were interrupted (a crash, a kill). */
function logEvaluationRecovery(store: Store, logger: Logger): void {
  const { removedDrafts, orphanedResults } = store.evaluationsRecoveredAtOpen;
  if (removedDrafts.length > 0)
    logger.warn(
      { drafts: removedDrafts },
      'removed drafts without results left by an interrupted evaluation',
    );
  if (orphanedResults.length > 0)
    logger.warn(
      { results: orphanedResults },
      'removed results an interrupted evaluation stored without its draft',
    );
}

/** A fresh installation shows full reports at once: the demo city, evaluated and published. */
async function loadDemoIntoEmptyStore(store: Store, registry: Registry, logger: Logger): Promise<void> {
  if ((await store.units.list({ limit: 1 })).length > 0) return;
  const started = performance.now();
  const evaluation = await loadDemoCity({ store, registry }, FIRST_START_ACTOR);
  logger.info({ evaluation: evaluation.id, ms: Math.round(performance.now() - started) }, 'demo city loaded');
}

/**
 * While the store has no users, prints the one-time setup link (bootstrap.ts), never a default
 * password. The secret goes to the console only (a framed block on a terminal, plain lines when
 * piped: setup-banner.ts); the JSON log says where to look, without it.
 */
async function announceSetup(store: Store, url: string, logger: Logger): Promise<void> {
  const secret = await openBootstrap(store);
  if (secret === undefined) return;
  logger.warn('no users yet: open the setup link printed on the console, or add an admin with the CLI');
  console.log(setupBanner(`${url}/setup?token=${secret}`, process.stdout.isTTY));
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const running = await start(config);
  console.log(`治理 Zhili: ${running.url} (store: ${config.storeKind})`);
  const shutdown = (): void => {
    void running.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
