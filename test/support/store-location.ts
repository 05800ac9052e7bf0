/**
 * Where a contract suite's store lives, as plain data, so that the same store can be reopened
 * by the test and by a child process (the kill test).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.js';
import { MongoStore } from '../../server/store/mongo/mongo-store.js';
import type { Store } from '../../server/store/store.js';
import { mongoUriOrSkip } from './mongo-target.js';

export type StoreLocation = { kind: 'embedded'; dataDir: string } | { kind: 'mongo'; uri: string };

/** Makes a new, empty location for one suite (or skips the suite, for mongo without a server). */
export type FreshLocation = (context: Mocha.Context) => Promise<StoreLocation>;

export async function openLocation(location: StoreLocation): Promise<Store> {
  return location.kind === 'embedded' ? EmbeddedStore.open(location.dataDir) : MongoStore.open(location.uri);
}

const dirs: string[] = [];

export const freshEmbedded: FreshLocation = async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'zhili-contract-'));
  dirs.push(dataDir);
  return { kind: 'embedded', dataDir };
};

export const freshMongo: FreshLocation = (context) =>
  Promise.resolve({ kind: 'mongo', uri: mongoUriOrSkip(context) });

/** Removes the embedded suites' temporary directories (call from a root `after`). */
export async function removeEmbeddedDirs(): Promise<void> {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}
