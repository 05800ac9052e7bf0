/**
 * `backup --out FILE` and `restore FILE [--replace]`: the whole store (units, observations,
 * batches, evaluations, users without password hashes, the audit log) to one portable archive,
 * and back into either adapter. See server/backup/ for the format and the checks.
 *
 * @example npm run zhili -- backup --out zhili-2025-06-01.backup.gz
 * @example MONGODB_URI=mongodb://… npm run zhili -- restore zhili-2025-06-01.backup.gz
 */
import type { Command } from 'commander';
import path from 'node:path';
import { checkOutputPath } from '../../server/backup/output-path.js';
import { cliActor } from '../../server/services/actor.js';
import { backUp, restore } from '../../server/services/back-up.js';
import { cliErrorOf } from './app-error-text.js';
import { processIo, say, type CliIo } from './cli-io.js';
import { inStore } from './in-store.js';

const PASSWORDS_NOTE =
  'users are kept without passwords: after a restore, set each again with `npm run zhili -- users password LOGIN` / 用户不含密码：恢复后请用 users password 重新设置';

/** Paths as the user typed them: `npm run` changes to the package folder, INIT_CWD is where they were. */
function userPath(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "periods 3, users 2": the collections that hold documents, with their counts. */
function held(collections: Readonly<Record<string, number>>): string {
  return Object.entries(collections)
    .filter(([, count]) => count > 0)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
}

/** Checks done before the store is opened, so a typo costs nothing. */
async function beforeOpening<T>(check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    throw cliErrorOf(error);
  }
}

export function registerBackup(program: Command, io: CliIo = processIo()): void {
  program
    .command('backup')
    .description('write the whole store to one archive (gzip, JSON lines); users without passwords')
    .requiredOption('--out <file>', 'the archive to write, e.g. zhili.backup.gz')
    .action(async (options: { out: string }) => {
      const out = await beforeOpening(() => checkOutputPath(userPath(options.out)));
      await inStore(async (store) => {
        const started = performance.now();
        const written = await backUp({ store }, cliActor(), out);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        say(
          io.stdout,
          `wrote ${written.file}: ${written.documents} documents (${held(written.header.collections)}), ${megabytes(written.bytes)} in ${seconds} s (sha256 ${written.sha256})`,
        );
        say(io.stdout, PASSWORDS_NOTE);
      });
    });

  program
    .command('restore')
    .description('restore an archive into the configured store (which must be empty, or use --replace)')
    .argument('<file>', 'an archive written by `zhili backup`')
    .option('--replace', 'empty the store first (everything in it is deleted)')
    .action(async (file: string, options: { replace?: boolean }) => {
      const archive = userPath(file);
      await inStore(async (store) => {
        const started = performance.now();
        const restored = await restore({ store }, cliActor(), archive, { replace: options.replace === true });
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const { header } = restored;
        say(
          io.stdout,
          `restored ${restored.documents} documents into the ${store.kind} store in ${seconds} s (archive of a ${header.storeKind} store, Zhili ${header.zhiliVersion}, ${header.createdAt})`,
        );
        if (restored.users > 0) say(io.stdout, `${restored.users} user(s) restored; ${PASSWORDS_NOTE}`);
      });
    });
}
