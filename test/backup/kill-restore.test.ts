/**
 * Issue 19, finding 15: a restore killed with SIGKILL leaves a partial store. The store is marked
 * "restore in progress" from the restore's first change to its last write, so afterwards the
 * server refuses to start (saying, in Chinese and English, how to finish or go back), /healthz
 * answers 503, and the CLI refuses every command but the restore that finishes the job.
 */
import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../server/app.js';
import { createBackupKey } from '../../server/backup/backup-key.js';
import { unfinishedRestore, type RestoreMarker } from '../../server/backup/restore-marker.js';
import { writeBackup, type WrittenBackup } from '../../server/backup/write-backup.js';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.js';
import type { Store } from '../../server/store/store.js';
import { appDeps } from '../support/app-deps.js';
import { serve } from '../support/http.js';
import { startZhiliExpectingFailure } from '../support/start-process.js';
import { fillBigStore } from './big-store.js';
import { runCli } from './cli-process.js';

const UNITS = 50_000;

async function documentCount(store: Store): Promise<number> {
  let total = 0;
  for (const name of store.raw.collections()) {
    if (name !== 'settings') total += await store.raw.count(name);
  }
  return total;
}

async function inStore<T>(dataDir: string, read: (store: Store) => Promise<T>): Promise<T> {
  const store = await EmbeddedStore.open(dataDir);
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}

describe('a restore killed part way', function () {
  this.timeout(300_000);
  let dir = '';
  let target = '';
  let keyFile = '';
  let archive: WrittenBackup;
  let progress = '';
  let exitCode: number | null = 0;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'zhili-kill-restore-'));
    const source = path.join(dir, 'source');
    target = path.join(dir, 'target');
    keyFile = path.join(dir, 'backup.key');
    await fillBigStore(source, UNITS);
    const key = await createBackupKey(keyFile);
    archive = await inStore(source, (store) =>
      writeBackup(store, path.join(dir, 'big.backup.gz'), { actor: 'cli:test', key }),
    );
    const restore = runCli(['restore', archive.file, '--key', keyFile], { DATA_DIR: target });
    progress = await restore.line((line) => line.startsWith('restoring: '));
    restore.child.kill('SIGKILL');
    exitCode = await restore.exited;
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('was killed after writing part of the archive and before the end', async () => {
    expect(exitCode, 'killed by a signal, not finished').to.equal(null);
    const [, written = '', total = ''] = /^restoring: (\d+) of (\d+) documents/.exec(progress) ?? [];
    expect(Number(total)).to.equal(archive.documents);
    const held = await inStore(target, documentCount);
    expect(held).to.be.at.least(Number(written)).and.lessThan(archive.documents);
  });

  it('leaves the store marked with the unfinished restore: which archive, when, by whom', async () => {
    const marker = await inStore(target, unfinishedRestore);
    expect(marker).to.include({ file: archive.file } satisfies Partial<RestoreMarker>);
    expect(marker?.actor).to.match(/^cli/);
  });

  it('makes the server refuse to start, saying in Chinese and English how to finish or go back', async () => {
    const started = await startZhiliExpectingFailure({ DATA_DIR: target, ZHILI_DEMO: 'auto' });
    expect(started.code).to.equal(1);
    expect(started.output).to.include('存储不完整');
    expect(started.output).to.include(`The store is incomplete: the restore of ${archive.file}`);
    expect(started.output).to.include(`npm run zhili -- restore ${archive.file} --replace`);
    expect(started.output).to.include('restoring the previous backup with --replace');
  });

  it('answers /healthz with 503 "restoring" while the store is marked', async () => {
    await inStore(target, async (store) => {
      const served = await serve(buildApp(await appDeps(store)));
      try {
        const answer = await fetch(`${served.url}/healthz`);
        const body = (await answer.json()) as { status: string; error: string };
        expect(answer.status).to.equal(503);
        expect(body.status).to.equal('restoring');
        expect(body.error).to.include(`restore ${archive.file} --replace`);
      } finally {
        await served.close();
      }
    });
  });

  it('makes the CLI refuse other commands (a backup, a user list) with the same message', async () => {
    const list = runCli(['users', 'list'], { DATA_DIR: target });
    expect(await list.exited).to.equal(1);
    expect(list.output()).to.include(`The store is incomplete: the restore of ${archive.file}`);
    const backup = runCli(['backup', '--out', path.join(dir, 'partial.backup.gz')], { DATA_DIR: target });
    expect(await backup.exited).to.equal(1);
    expect(backup.output()).to.include('存储不完整');
  });

  it('is finished by running the restore again with --replace: every document, no marker, commands work', async () => {
    const again = runCli(['restore', archive.file, '--replace', '--key', keyFile], { DATA_DIR: target });
    expect(await again.exited, again.output()).to.equal(0);
    expect(await inStore(target, unfinishedRestore)).to.equal(undefined);
    // The archive's documents and the restore's own audit event.
    expect(await inStore(target, documentCount)).to.equal(archive.documents + 1);
    const list = runCli(['users', 'list'], { DATA_DIR: target });
    expect(await list.exited, list.output()).to.equal(0);
  });
});
