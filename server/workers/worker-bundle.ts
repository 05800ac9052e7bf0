/**
 * Worker threads that start from one bundle of their module graph instead of a hundred TypeScript
 * modules: a tsx worker registers its loader and takes each module through it (about 0.4 s of CPU per
 * thread, a sixth of a Monte Carlo run on two cores), a bundled one starts in a few hundredths. The
 * bundle is made once per process by esbuild (a dependency, and what tsx runs on) from the same
 * sources, in esbuild's own process while this thread goes on; where esbuild cannot be loaded or
 * fails, the workers start through tsx as before.
 *
 * @example const workers = await startBundledWorkers(new URL('./replication-worker.ts', import.meta.url), 2);
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type * as Esbuild from 'esbuild';
import { spawnTsWorker } from './spawn-ts-worker.js';

/** The bundle per entry once made (undefined: none could be made). */
const made = new Map<string, string | undefined>();
const making = new Map<string, Promise<string | undefined>>();

/**
 * Starts `count` workers on the entry: at once when its bundle is made, else as soon as it is (the
 * first call starts making it; a caller busy meanwhile loses nothing, the bundle is made elsewhere).
 */
export function startBundledWorkers(entry: URL, count: number): Promise<Worker[]> {
  const spawn = (code: string | undefined): Worker[] =>
    Array.from({ length: count }, () =>
      code === undefined ? spawnTsWorker(entry) : new Worker(code, { eval: true }),
    );
  if (count === 0) return Promise.resolve([]);
  if (made.has(entry.href)) return Promise.resolve(spawn(made.get(entry.href)));
  return workerBundle(entry).then(spawn);
}

/**
 * One worker on the entry, started now: from the bundle when it is made, else through tsx (and the
 * bundle is asked for, so that later workers start from it). For callers that cannot wait.
 */
export function startWorkerNow(entry: URL): Worker {
  const code = made.get(entry.href);
  if (code !== undefined) return new Worker(code, { eval: true });
  if (!made.has(entry.href)) void workerBundle(entry);
  return spawnTsWorker(entry);
}

/** The entry's bundle (CommonJS, every module inlined), made once per process. */
export function workerBundle(entry: URL): Promise<string | undefined> {
  let bundle = making.get(entry.href);
  if (bundle === undefined) {
    bundle = makeBundle(entry).then((code) => {
      made.set(entry.href, code);
      return code;
    });
    making.set(entry.href, bundle);
  }
  return bundle;
}

async function makeBundle(entry: URL): Promise<string | undefined> {
  let esbuild: typeof Esbuild;
  try {
    // Loaded here, not imported: without esbuild the workers still start, through tsx.
    esbuild = createRequire(import.meta.url)('esbuild') as typeof Esbuild;
  } catch {
    return undefined;
  }
  // Started now (the request goes to esbuild's process before this returns), awaited later.
  const result = esbuild.build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: `node${process.versions.node}`,
    write: false,
    logLevel: 'silent',
    // The bundle has no address of its own; the entry's stands in (inside a worker the engine
    // starts no helper threads, the only use of a module's address).
    define: { 'import.meta.url': JSON.stringify(entry.href) },
  });
  try {
    return (await result).outputFiles[0]?.text;
  } catch {
    return undefined;
  }
}
