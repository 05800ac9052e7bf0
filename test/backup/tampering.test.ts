import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { restoreBackup } from '../../server/backup/restore-backup.js';
import { ConflictError, ValidationError } from '../../server/errors.js';
import type { Store } from '../../server/store/store.js';
import { tempEmbeddedStore } from '../support/temp-store.js';
import { filledSource } from './filled-store.js';
import { rejection } from '../support/rejection.js';

async function documentCount(store: Store): Promise<number> {
  let total = 0;
  for (const name of store.raw.collections()) total += await store.raw.count(name);
  return total;
}

/** Writes a changed copy of the shared archive and returns its path. */
async function tampered(name: string, change: (archive: Buffer) => Buffer): Promise<string> {
  const source = await filledSource();
  const file = path.join(source.dir, name);
  await writeFile(file, change(await readFile(source.archive.file)));
  return file;
}

/** Changes the archive's text (one line per JSON document) and gzips it again. */
function editedLines(edit: (lines: string[]) => string[]): (archive: Buffer) => Buffer {
  return (archive) => {
    const lines = gunzipSync(archive).toString('utf8').split('\n').slice(0, -1);
    return gzipSync(`${edit(lines).join('\n')}\n`);
  };
}

/** Restores `file` into a fresh embedded store; returns the error and how many documents the store then held. */
async function refusedRestore(file: string): Promise<{ error: Error; documents: number }> {
  const target = await tempEmbeddedStore();
  try {
    const { key } = await filledSource();
    const error = await rejection(restoreBackup(target.store, file, { actor: 'cli:t', replace: false, key }));
    return { error, documents: await documentCount(target.store) };
  } finally {
    await target.dispose();
  }
}

describe('restore refuses a damaged archive and leaves the store untouched', function () {
  this.timeout(120_000);

  it('refuses an archive with one byte flipped inside its compressed data', async () => {
    const file = await tampered('flipped.backup.gz', (archive) => {
      const copy = Buffer.from(archive);
      const at = Math.floor(copy.length / 2);
      copy[at] = (copy[at] ?? 0) ^ 0xff;
      return copy;
    });
    const { error, documents } = await refusedRestore(file);
    expect(error).to.be.instanceOf(ValidationError);
    expect(error.message).to.match(/flipped\.backup\.gz .*(damaged|altered|not JSON)/);
    expect(documents).to.equal(0);
  });

  it('refuses an archive cut short', async () => {
    const file = await tampered('cut.backup.gz', (archive) => archive.subarray(0, archive.length - 1000));
    const { error, documents } = await refusedRestore(file);
    expect(error.message).to.include('cut.backup.gz is not a readable Zhili backup: it ends too early');
    expect(documents).to.equal(0);
  });

  it('refuses an archive whose last line (the trailer) was dropped', async () => {
    const file = await tampered(
      'no-trailer.backup.gz',
      editedLines((lines) => lines.slice(0, -1)),
    );
    const { error, documents } = await refusedRestore(file);
    expect(error.message).to.include('its trailer is missing');
    expect(documents).to.equal(0);
  });

  it('refuses an archive with one document changed, by its checksum', async () => {
    const file = await tampered(
      'edited.backup.gz',
      editedLines((lines) => lines.map((line) => line.replace('"role":"viewer"', '"role":"admin"'))),
    );
    const { error, documents } = await refusedRestore(file);
    expect(error.message).to.include('its checksum does not match');
    expect(documents).to.equal(0);
  });

  it('refuses an archive with a document line removed, by its trailer', async () => {
    const file = await tampered(
      'short.backup.gz',
      editedLines((lines) => lines.filter((line) => !line.includes('"login":"qian"'))),
    );
    const { error, documents } = await refusedRestore(file);
    expect(error.message).to.match(/the trailer counts (\d+) lines, the archive has (\d+)/);
    expect(documents).to.equal(0);
  });

  it('refuses an archive whose header promises more documents than it holds, naming the collection', async () => {
    const file = await tampered(
      'resealed.backup.gz',
      editedLines((lines) => {
        const kept = lines.slice(0, -1).filter((line) => !line.includes('"login":"qian"'));
        const sha256 = createHash('sha256')
          .update(kept.map((line) => `${line}\n`).join(''))
          .digest('hex');
        return [
          ...kept,
          JSON.stringify({ end: 'zhili-backup/2', lines: kept.length, sha256, hmac: null, keyId: null }),
        ];
      }),
    );
    const { error, documents } = await refusedRestore(file);
    expect(error.message).to.include('the header promises 4 users documents, the archive holds 3');
    expect(documents).to.equal(0);
  });

  it('refuses a document whose keys could act as a MongoDB operator', async () => {
    const file = await tampered(
      'operator.backup.gz',
      editedLines((lines) => [lines[0] ?? '', '{"c":"periods","d":{"_id":"2025","$where":"1"}}']),
    );
    const { error, documents } = await refusedRestore(file);
    expect(error.message).to.include('keys may not start with "$"');
    expect(documents).to.equal(0);
  });

  it('refuses a file that is not gzip', async () => {
    const file = await tampered('plain.backup.gz', () => Buffer.from('{"format":"zhili-backup/2"}\n'));
    const { error } = await refusedRestore(file);
    expect(error.message).to.include('its gzip data is damaged');
  });

  it('refuses an archive of another format and says which one it reads', async () => {
    const file = await tampered(
      'v9.backup.gz',
      editedLines((lines) => [
        (lines[0] ?? '').replace('zhili-backup/2', 'zhili-backup/9'),
        ...lines.slice(1),
      ]),
    );
    const { error } = await refusedRestore(file);
    expect(error.message).to.include('its format is zhili-backup/9; this Zhili reads zhili-backup/2');
  });
});

describe('restore into a store that holds data', function () {
  this.timeout(120_000);

  it('is refused without replace, naming what the store holds, and changes nothing', async () => {
    const source = await filledSource();
    const target = await tempEmbeddedStore();
    try {
      await target.store.users.create({ login: 'other', displayName: 'Other', role: 'viewer' });
      const before = await documentCount(target.store);
      const error = await rejection(
        restoreBackup(target.store, source.archive.file, { actor: 'cli:t', replace: false, key: source.key }),
      );
      expect(error).to.be.instanceOf(ConflictError);
      expect(error.message).to.include('the store is not empty (it holds users');
      expect(error.message).to.include('--replace');
      expect(await documentCount(target.store)).to.equal(before);
    } finally {
      await target.dispose();
    }
  });

  it('with replace, empties it first: its own users are gone and the archive’s are there', async () => {
    const source = await filledSource();
    const target = await tempEmbeddedStore();
    try {
      await target.store.users.create({ login: 'other', displayName: 'Other', role: 'viewer' });
      const restored = await restoreBackup(target.store, source.archive.file, {
        actor: 'cli:t',
        replace: true,
        key: source.key,
      });
      const logins = (await target.store.users.list()).map((user) => user.login);
      expect(logins).to.deep.equal(['admin', 'qian', 'wang', 'zhao']);
      expect(restored.users).to.equal(4);
      const [event] = await target.store.audit.list({ action: 'backup.restore' });
      expect(event?.detail).to.deep.include({ replaced: true, documents: source.archive.documents });
    } finally {
      await target.dispose();
    }
  });

  it('accepts a store that holds only settings (a setup secret of a fresh server)', async () => {
    const source = await filledSource();
    const target = await tempEmbeddedStore();
    try {
      await target.store.putSetting('bootstrapTokenHash', 'f'.repeat(64));
      const restored = await restoreBackup(target.store, source.archive.file, {
        actor: 'cli:t',
        replace: false,
        key: source.key,
      });
      expect(restored.documents).to.equal(source.archive.documents);
    } finally {
      await target.dispose();
    }
  });
});
