/**
 * Mocha global fixture: provides a MongoDB-wire server to the mongo adapter's tests.
 * - MONGODB_URI set: use that server.
 * - otherwise, with `go` available: build (once, cached) and start FerretDB; stop it afterwards.
 * - otherwise: the mongo tests skip with one line saying why; under CI=true that fails the run.
 */
import { buildFerretDb, startFerretDb, type FerretDb } from '../../scripts/ferretdb.js';
import { setMongoTarget } from '../support/mongo-target.js';

let ferret: FerretDb | undefined;

async function hasGo(): Promise<boolean> {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => {
    execFile('go', ['version'], (error) => {
      resolve(error === null);
    });
  });
}

export async function mochaGlobalSetup(): Promise<void> {
  const given = process.env.MONGODB_URI;
  if (given !== undefined && given !== '') {
    setMongoTarget({ baseUri: given, source: 'MONGODB_URI' });
    return;
  }
  if (!(await hasGo())) {
    const reason = 'neither MONGODB_URI nor `go` (to build FerretDB) is available';
    if (process.env.CI === 'true') throw new Error(`mongo adapter tests cannot run under CI: ${reason}`);
    setMongoTarget({ skipReason: reason });
    return;
  }
  ferret = await startFerretDb(await buildFerretDb());
  setMongoTarget({ baseUri: ferret.baseUri, source: 'FerretDB' });
}

export async function mochaGlobalTeardown(): Promise<void> {
  await ferret?.stop();
}
