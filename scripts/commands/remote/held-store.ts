/**
 * Whether the embedded store is held by a running Zhili server that left the command line its
 * local credential (server/access/local-cli-credential.ts). When it is, a command works through
 * that server's API and says so in one line on stderr; otherwise it opens the store itself, and a
 * store held by some other process fails as before, naming that process.
 *
 * @example const server = await serverHoldingStore(cliActor()); if (server !== undefined) …
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { LOCAL_CLI_FILE } from '../../../server/access/local-cli-credential.js';
import { processExists } from '../../../server/store/documents/batch-recovery.js';
import { LOCK_FILE } from '../../../server/store/embedded/data-dir-lock.js';
import { compileValidator } from '../../../server/validation/compile.js';
import { configOrExit } from '../config-or-exit.js';
import { ServerApi } from './server-api.js';

const asLock = compileValidator<{ pid: number; host: string }>('store lock', {
  type: 'object',
  required: ['pid', 'host'],
  properties: { pid: { type: 'integer' }, host: { type: 'string' } },
});

const asCredentialFile = compileValidator<{ pid: number; url: string; secret: string }>(
  'local CLI credential',
  {
    type: 'object',
    required: ['pid', 'url', 'secret'],
    properties: {
      pid: { type: 'integer' },
      url: { type: 'string', pattern: '^https?://' },
      secret: { type: 'string', minLength: 20, maxLength: 200 },
    },
  },
);

/** A JSON file narrowed by `narrow`, or undefined when it is absent or not what is expected. */
async function readJson<T>(file: string, narrow: (value: unknown) => T): Promise<T | undefined> {
  try {
    return narrow(JSON.parse(await readFile(file, 'utf8')));
  } catch {
    return undefined;
  }
}

/**
 * The API of the server that holds the embedded store, or undefined when the command should open
 * the store itself: another store is configured, nobody holds it, or its holder left no
 * credential (an older server, or a process that is not a server).
 */
export async function serverHoldingStore(
  actor: string,
  notes: Writable = process.stderr,
): Promise<ServerApi | undefined> {
  const config = configOrExit();
  if (config.storeKind !== 'embedded') return undefined;
  const lock = await readJson(path.join(config.dataDir, LOCK_FILE), (v) => asLock(v));
  if (lock?.host !== os.hostname() || lock.pid === process.pid) return undefined;
  if (!processExists(lock.pid)) return undefined;
  const credential = await readJson(path.join(config.dataDir, LOCAL_CLI_FILE), (v) => asCredentialFile(v));
  if (credential?.pid !== lock.pid) return undefined;
  notes.write(
    `the store is held by the running server (pid ${lock.pid}); working through its API at ${credential.url}\n`,
  );
  return new ServerApi(credential.url, credential.secret, actor);
}
