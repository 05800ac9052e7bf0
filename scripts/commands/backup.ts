/**
 * `backup --out FILE [--key KEYFILE]`, `restore FILE [--replace] [--key KEYFILE] [--allow-unsigned]`
 * and `backup-key --out KEYFILE`: the whole store (units, observations, batches, evaluations, users
 * without password hashes, the audit log) to one portable archive signed with the administrator's
 * key, and back into either adapter. The key file may also be named by ZHILI_BACKUP_KEY_FILE. See
 * server/backup/ for the format and the checks.
 *
 * @example npm run zhili -- backup-key --out /etc/zhili/backup.key
 * @example npm run zhili -- backup --out zhili-2025-06-01.backup.gz --key /etc/zhili/backup.key
 * @example MONGODB_URI=mongodb://… npm run zhili -- restore zhili-2025-06-01.backup.gz --key /etc/zhili/backup.key
 */
import type { Command } from 'commander';
import path from 'node:path';
import { createBackupKey, readBackupKey, type BackupKey } from '../../server/backup/backup-key.js';
import { checkOutputPath } from '../../server/backup/output-path.js';
import { cliActor } from '../../server/services/actor.js';
import { backUp, restore } from '../../server/services/back-up.js';
import { cliErrorOf } from './app-error-text.js';
import { processIo, say, type CliIo } from './cli-io.js';
import { inStore } from './in-store.js';

const UNSIGNED_NOTE =
  'warning: the archive is unsigned (no --key): a restore will need --allow-unsigned and cannot tell it from an edited copy; make a key with `backup-key --out FILE` / 警告：备份未签名';

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

const KEY_FILE_VARIABLE = 'ZHILI_BACKUP_KEY_FILE';

/** The key named by --key, else by ZHILI_BACKUP_KEY_FILE; undefined when neither is given. */
async function keyOption(file: string | undefined): Promise<BackupKey | undefined> {
  const named = file ?? process.env[KEY_FILE_VARIABLE];
  return named === undefined || named === '' ? undefined : readBackupKey(userPath(named));
}

/** "restoring: 12000 of 98000 documents" on stderr at each tenth of the way. */
function progressLines(io: CliIo): (written: number, total: number) => void {
  let shown = 0;
  return (written, total) => {
    const tenth = Math.floor((written / Math.max(total, 1)) * 10);
    if (tenth <= shown || written >= total) return;
    shown = tenth;
    say(io.stderr, `restoring: ${written} of ${total} documents`);
  };
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
    .option('--key <file>', `the backup key that signs the archive (default: $${KEY_FILE_VARIABLE})`)
    .action(async (options: { out: string; key?: string }) => {
      const out = await beforeOpening(() => checkOutputPath(userPath(options.out)));
      const key = await beforeOpening(() => keyOption(options.key));
      await inStore(async (store) => {
        const started = performance.now();
        const written = await backUp({ store }, cliActor(), out, key === undefined ? {} : { key });
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        say(
          io.stdout,
          `wrote ${written.file}: ${written.documents} documents (${held(written.header.collections)}), ${megabytes(written.bytes)} in ${seconds} s (sha256 ${written.sha256}; ${written.keyId === null ? 'unsigned' : `signed with key ${written.keyId}`})`,
        );
        say(io.stdout, PASSWORDS_NOTE);
        if (written.keyId === null) say(io.stderr, UNSIGNED_NOTE);
      });
    });

  program
    .command('backup-key')
    .description('make a new random key for signing backups (keep it apart from the archives)')
    .requiredOption('--out <file>', 'the key file to create (never overwritten), readable by its owner only')
    .action(async (options: { out: string }) => {
      const key = await beforeOpening(() => createBackupKey(userPath(options.out)));
      say(
        io.stdout,
        `wrote backup key ${key.id} to ${userPath(options.out)}: keep it safe and apart from the backups; sign with \`backup --key FILE\` / 备份密钥已生成，请与备份分开妥善保管`,
      );
    });

  program
    .command('restore')
    .description('restore an archive into the configured store (which must be empty, or use --replace)')
    .argument('<file>', 'an archive written by `zhili backup`')
    .option('--replace', 'empty the store first (everything in it is deleted)')
    .option(
      '--key <file>',
      `the backup key that checks the archive's signature (default: $${KEY_FILE_VARIABLE})`,
    )
    .option('--allow-unsigned', 'restore an archive that is unsigned or whose signature cannot be checked')
    .action(async (file: string, options: { replace?: boolean; key?: string; allowUnsigned?: boolean }) => {
      const archive = userPath(file);
      const key = await beforeOpening(() => keyOption(options.key));
      await inStore(
        async (store) => {
          const started = performance.now();
          const restored = await restore({ store }, cliActor(), archive, {
            replace: options.replace === true,
            allowUnsigned: options.allowUnsigned === true,
            onProgress: progressLines(io),
            ...(key === undefined ? {} : { key }),
          });
          if (restored.warning !== undefined) say(io.stderr, `warning: ${restored.warning}`);
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          const { header } = restored;
          say(
            io.stdout,
            `restored ${restored.documents} documents into the ${store.kind} store in ${seconds} s (archive of a ${header.storeKind} store, Zhili ${header.zhiliVersion}, ${header.createdAt}; signature ${restored.signature})`,
          );
          if (restored.users > 0) say(io.stdout, `${restored.users} user(s) restored; ${PASSWORDS_NOTE}`);
        },
        { duringRestore: true },
      );
    });
}
