/**
 * Issue 19, finding 14: a backup killed with SIGKILL leaves its hidden temporary files (the whole
 * store, gzipped) beside the target. The next backup into that folder removes them, whatever
 * archive it writes, and leaves the files of a backup that is still running alone; the server
 * removes them when it starts, from every folder backups were written to.
 */
import { expect } from 'chai';
import { watch } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeBackup } from '../../server/backup/write-backup.js';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.js';
import { fillBigStore } from './big-store.js';
import { runCli } from './cli-process.js';
import { startZhili } from '../support/start-process.js';

const UNITS = 50_000;

/** Starts a backup into `folder` and SIGKILLs it as soon as its temporary body file appears. */
async function killedBackup(dataDir: string, folder: string): Promise<number | null> {
  const created = new Promise<void>((resolve) => {
    const watcher = watch(folder, (_event, name) => {
      if (name?.endsWith('.body') === true) {
        watcher.close();
        resolve();
      }
    });
  });
  const cli = runCli(['backup', '--out', path.join(folder, 'first.backup.gz')], { DATA_DIR: dataDir });
  await Promise.race([created, cli.exited]);
  cli.child.kill('SIGKILL');
  return cli.exited;
}

describe('a backup killed part way', function () {
  this.timeout(180_000);
  let dir = '';
  let dataDir = '';
  let folder = '';
  let leftovers: string[] = [];
  let exitCode: number | null = 0;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'zhili-kill-backup-'));
    dataDir = path.join(dir, 'data');
    folder = path.join(dir, 'backups');
    await mkdir(folder);
    await fillBigStore(dataDir, UNITS);
    exitCode = await killedBackup(dataDir, folder);
    leftovers = await readdir(folder);
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('was killed while writing, leaving its hidden temporary file and no archive', () => {
    expect(exitCode, 'killed by a signal, not finished').to.equal(null);
    expect(leftovers).to.have.length.greaterThan(0);
    expect(
      leftovers.every((name) => /^\.first\.backup\.gz\.\d+-[0-9a-f]{8}\.(body|part)$/.test(name)),
    ).to.equal(true);
  });

  it('leaves nothing of it once the next backup into that folder (another archive name) is done', async () => {
    const next = runCli(['backup', '--out', path.join(folder, 'next.backup.gz')], { DATA_DIR: dataDir });
    expect(await next.exited, next.output()).to.equal(0);
    expect(await readdir(folder)).to.deep.equal(['next.backup.gz']);
  });

  it('leaves alone the temporary files of a backup that is still running', async () => {
    const running = `.other.backup.gz.${process.pid}-0123abcd.body`;
    await writeFile(path.join(folder, running), 'still being written');
    const store = await EmbeddedStore.open(dataDir);
    try {
      await writeBackup(store, path.join(folder, 'third.backup.gz'), { actor: 'cli:test' });
    } finally {
      await store.close();
    }
    expect(await readdir(folder)).to.include.members([running, 'third.backup.gz']);
  });

  it('removes unnamed-process leftovers of older versions once unchanged for an hour, and keeps fresh ones', async () => {
    const stale = '.old.backup.gz.89abcdef.part';
    const fresh = '.old.backup.gz.0badf00d.body';
    await writeFile(path.join(folder, stale), 'left by a killed backup');
    await writeFile(path.join(folder, fresh), 'maybe still being written');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(path.join(folder, stale), twoHoursAgo, twoHoursAgo);
    const store = await EmbeddedStore.open(dataDir);
    try {
      await writeBackup(store, path.join(folder, 'fourth.backup.gz'), { actor: 'cli:test' });
    } finally {
      await store.close();
    }
    const names = await readdir(folder);
    expect(names).to.include(fresh).and.include('fourth.backup.gz');
    expect(names).not.to.include(stale);
  });
});

describe('a backup killed part way, then the server started', function () {
  this.timeout(180_000);
  let dir = '';
  let dataDir = '';
  let folder = '';

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'zhili-kill-backup-start-'));
    dataDir = path.join(dir, 'data');
    folder = path.join(dir, 'backups');
    await mkdir(folder);
    await fillBigStore(dataDir, UNITS);
    await killedBackup(dataDir, folder);
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('leaves the killed backup’s temporary files until the server starts, which removes them', async () => {
    expect(await readdir(folder)).to.have.length.greaterThan(0);
    const zhili = await startZhili({ DATA_DIR: dataDir, ZHILI_DEMO: 'off' });
    try {
      expect(await readdir(folder)).to.deep.equal([]);
    } finally {
      await zhili.stop();
    }
  });
});
