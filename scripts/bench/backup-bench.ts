/**
 * Benchmark of backup and restore on both adapters, for two stores:
 * - the demo city (1,088 units, three periods of observations, a published evaluation with
 *   Monte Carlo results);
 * - a large store: 100,000 units and 100,000 observation rows × 40 variables in one period
 *   (test/support/synthetic-observations.ts).
 * Each is filled in an embedded store, backed up, restored into a fresh embedded store and into a
 * fresh FerretDB database, and backed up again from FerretDB. The restored stores are checked
 * against the source (unit codes, current observations). The peak heap shows that neither way
 * holds the archive in memory (heap growth during the step; exact with --expose-gc). FerretDB is built (once) and started by scripts/ferretdb.ts; pass
 * --embedded-only to skip it, --demo-only to skip the large store.
 *
 * Run: node --expose-gc --import tsx scripts/bench/backup-bench.ts [--units 100000] [--embedded-only] [--demo-only]
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createBackupKey } from '../../server/backup/backup-key.js';
import { restoreBackup } from '../../server/backup/restore-backup.js';
import { writeBackup } from '../../server/backup/write-backup.js';
import { loadDemo } from '../../server/demo/load-demo.js';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import { indicatorsDir } from '../../server/paths.js';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.js';
import { importRecords } from '../../server/store/import-records.js';
import { MongoStore } from '../../server/store/mongo/mongo-store.js';
import type { Store } from '../../server/store/store.js';
import { syntheticRows, syntheticSha } from '../../test/support/synthetic-observations.js';
import { buildFerretDb, startFerretDb, type FerretDb } from '../ferretdb.js';

const argument = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};
const largeUnits = Number(argument('--units') ?? 100_000);
const embeddedOnly = process.argv.includes('--embedded-only');
const demoOnly = process.argv.includes('--demo-only');
const ACTOR = 'bench';
const PERIOD = '2025';

let peakHeap = 0;
const sampler = setInterval(() => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}, 20);

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Collects garbage first when node runs with --expose-gc, so the heap figure is the step's own growth. */
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** Time of a step and how far the heap grew above where it started. */
async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number; heap: number }> {
  collect();
  const baseline = process.memoryUsage().heapUsed;
  peakHeap = baseline;
  const started = performance.now();
  const value = await run();
  const ms = performance.now() - started;
  return { value, ms, heap: Math.max(peakHeap, process.memoryUsage().heapUsed) - baseline };
}

async function fillLarge(store: Store): Promise<void> {
  const units = Array.from({ length: largeUnits }, (_, i) => ({
    code: `U${String(i).padStart(6, '0')}`,
    name: { zh: `社区${i}`, en: `Community ${i}` },
    level: 'community',
    parent: null,
    attributes: { resident_population: 3000 + (i % 5000) },
  }));
  const unitsSha = createHash('sha256').update(`bench-units:${largeUnits}`).digest('hex');
  await importRecords(
    store,
    { kind: 'units', actor: ACTOR, fileName: 'units.csv', sha256: unitsSha, period: null, periods: [] },
    units,
    { tally: { rows: units.length, errors: 0, warnings: 0 } },
  );
  await store.periods.ensure(PERIOD);
  const rows = syntheticRows(largeUnits, PERIOD, 40);
  await importRecords(
    store,
    {
      kind: 'observations',
      actor: ACTOR,
      fileName: 'data.csv',
      sha256: syntheticSha(largeUnits, PERIOD),
      period: PERIOD,
      periods: [PERIOD],
    },
    rows,
    { tally: { rows: rows.length, errors: 0, warnings: 0 } },
  );
}

/** What must survive: every unit code and every current observation of every period. */
async function fingerprint(store: Store): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify(await store.units.codes()));
  for (const period of await store.observations.periods()) {
    hash.update(JSON.stringify(await store.observations.current({ period })));
  }
  return hash.digest('hex');
}

interface Row {
  readonly store: string;
  readonly step: string;
  readonly time: string;
  readonly size: string;
  /** Heap growth during the step. */
  readonly heap: string;
}

async function measure(
  name: string,
  fill: (store: Store) => Promise<void>,
  ferret: FerretDb | undefined,
): Promise<Row[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'zhili-backup-bench-'));
  const rows: Row[] = [];
  const stores: Store[] = [];
  const open = async (make: () => Promise<Store>): Promise<Store> => {
    const store = await make();
    stores.push(store);
    return store;
  };
  const embedded = (sub: string) => open(() => EmbeddedStore.open(path.join(dir, sub)));
  try {
    const key = await createBackupKey(path.join(dir, 'bench.key'));
    const source = await embedded('source');
    const filled = await timed(() => fill(source));
    console.log(`${name}: filled in ${seconds(filled.ms)}`);
    const expected = await fingerprint(source);
    const archive = path.join(dir, 'embedded.backup.gz');
    const backup = await timed(() => writeBackup(source, archive, { actor: ACTOR, key }));
    const size = megabytes(backup.value.bytes);
    rows.push({
      store: name,
      step: 'backup embedded',
      time: seconds(backup.ms),
      size,
      heap: megabytes(backup.heap),
    });

    const target = await embedded('target');
    const restore = await timed(() => restoreBackup(target, archive, { actor: ACTOR, replace: false, key }));
    if ((await fingerprint(target)) !== expected) throw new Error(`${name}: embedded restore differs`);
    rows.push({
      store: name,
      step: 'restore → embedded',
      time: seconds(restore.ms),
      size,
      heap: megabytes(restore.heap),
    });

    if (ferret !== undefined) {
      const database = `zhili_backup_bench_${Date.now().toString(36)}`;
      const mongo = await open(() => MongoStore.open(`${ferret.baseUri}/${database}`));
      const toMongo = await timed(() => restoreBackup(mongo, archive, { actor: ACTOR, replace: false, key }));
      if ((await fingerprint(mongo)) !== expected) throw new Error(`${name}: mongo restore differs`);
      rows.push({
        store: name,
        step: 'restore → mongo',
        time: seconds(toMongo.ms),
        size,
        heap: megabytes(toMongo.heap),
      });
      const fromMongo = await timed(() =>
        writeBackup(mongo, path.join(dir, 'mongo.backup.gz'), { actor: ACTOR, key }),
      );
      rows.push({
        store: name,
        step: 'backup mongo',
        time: seconds(fromMongo.ms),
        size: megabytes(fromMongo.value.bytes),
        heap: megabytes(fromMongo.heap),
      });
    }
    return rows;
  } finally {
    for (const store of stores) await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const ferret = embeddedOnly ? undefined : await startFerretDb(await buildFerretDb());
  try {
    const registry = await loadRegistry(indicatorsDir);
    const rows = await measure(
      'demo city',
      (store) => loadDemo(store, registry).then(() => undefined),
      ferret,
    );
    if (!demoOnly) rows.push(...(await measure(`${largeUnits} units × 40 variables`, fillLarge, ferret)));
    console.log(
      `\nload average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}, ${os.cpus().length} cores`,
    );
    console.table(rows);
  } finally {
    clearInterval(sampler);
    await ferret?.stop();
  }
}

await main();
