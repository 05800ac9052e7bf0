import { expect } from 'chai';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { secretHash } from '../../server/access/secrets.js';
import { writeBackup } from '../../server/backup/write-backup.js';
import { ValidationError } from '../../server/errors.js';
import type { User } from '../../server/store/models/user.js';
import type { RawDocument, Store } from '../../server/store/store.js';
import { filledSource } from './filled-store.js';
import { BACKUP_FOLDERS } from '../../server/backup/backup-folders.js';
import { rejection } from '../support/rejection.js';

async function archiveLines(file: string): Promise<string[]> {
  return gunzipSync(await readFile(file))
    .toString('utf8')
    .split('\n')
    .slice(0, -1);
}

/** The store, except that reading `collection` fails after its first document. */
function failingWhileReading(store: Store, collection: string): Store {
  const raw = store.raw;
  const dump = async function* (name: string): AsyncGenerator<RawDocument> {
    for await (const doc of raw.dump(name)) {
      yield doc;
      if (name === collection) throw new Error('the disk went away');
    }
  };
  return Object.assign(Object.create(store) as Store, {
    raw: { ...raw, collections: () => raw.collections(), dump },
  });
}

describe('backup archive', function () {
  this.timeout(120_000);

  it('is gzip of JSON lines: a header with per-collection counts, the documents, a trailer counting them', async () => {
    const { archive } = await filledSource();
    const lines = await archiveLines(archive.file);
    const header = JSON.parse(lines[0] ?? '') as { format: string; collections: Record<string, number> };
    expect(header.format).to.equal('zhili-backup/2');
    // Import batches: five as before, the demo's residents' survey (one per period) and its streets' checks (one).
    expect(header.collections).to.include({ users: 4, periods: 3, evaluations: 1, importBatches: 9 });
    const trailer = JSON.parse(lines.at(-1) ?? '') as { end: string; lines: number };
    expect(trailer).to.include({ end: 'zhili-backup/2', lines: lines.length - 1 });
    const total = Object.values(header.collections).reduce((sum, n) => sum + n, 0);
    expect(lines.length).to.equal(total + 2);
  });

  it('holds no session or token and no secret: no password hash, no credential hash', async () => {
    const { archive, admin, store } = await filledSource();
    const text = (await archiveLines(archive.file)).join('\n');
    expect(text).not.to.include('"c":"sessions"');
    expect(text).not.to.include(secretHash(admin.token));
    expect(text).not.to.include('scrypt$');
    const users = (await archiveLines(archive.file))
      .map((line) => JSON.parse(line) as { c?: string; d?: User })
      .filter((line) => line.c === 'users');
    expect(users.map((line) => line.d?.passwordHash)).to.deep.equal([null, null, null, null]);
    expect((await store.users.list()).filter((user) => user.passwordHash !== null)).to.have.length(3);
  });

  it('remembers the folder it was written to in the store, and leaves that local setting out of the archive', async () => {
    const { archive, store } = await filledSource();
    expect(await store.getSetting(BACKUP_FOLDERS)).to.deep.equal([path.dirname(archive.file)]);
    const text = (await archiveLines(archive.file)).join('\n');
    expect(text).not.to.include(BACKUP_FOLDERS);
    expect(text).not.to.include(path.dirname(archive.file));
  });

  it('is readable by its owner only', async () => {
    const { archive } = await filledSource();
    expect((await stat(archive.file)).mode & 0o077).to.equal(0);
  });

  it('is audited in the source store as backup.create, with its size, checksum and the id of its signing key', async () => {
    const { archive, store, key } = await filledSource();
    const [event] = await store.audit.list({ action: 'backup.create' });
    expect(event?.actor).to.equal('cli:test');
    expect(event?.detail).to.deep.equal({
      file: 'source.backup.gz',
      documents: archive.documents,
      bytes: archive.bytes,
      sha256: archive.sha256,
      keyId: key.id,
    });
  });

  it('refuses an --out that is a folder, naming it', async () => {
    const { store, dir } = await filledSource();
    const folder = path.join(dir, 'a-folder');
    await mkdir(folder);
    const error = await rejection(writeBackup(store, folder, { actor: 'cli:t' }));
    expect(error).to.be.instanceOf(ValidationError);
    expect(error.message).to.include(`--out ${folder} is a folder`);
  });

  it('refuses an --out whose folder does not exist, naming the folder', async () => {
    const { store, dir } = await filledSource();
    const missing = path.join(dir, 'no-such-folder');
    const error = await rejection(writeBackup(store, path.join(missing, 'x.gz'), { actor: 'cli:t' }));
    expect(error.message).to.include(`the folder ${missing} does not exist`);
  });

  it('leaves no file behind, not even a temporary one, when reading the store fails part way', async () => {
    const { store, dir } = await filledSource();
    const folder = path.join(dir, 'failing');
    await mkdir(folder);
    const broken = failingWhileReading(store, 'observationChunks');
    const error = await rejection(writeBackup(broken, path.join(folder, 'x.backup.gz'), { actor: 'cli:t' }));
    expect(error.message).to.equal('the disk went away');
    expect(await readdir(folder)).to.deep.equal([]);
  });
});
