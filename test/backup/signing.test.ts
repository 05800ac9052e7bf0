/**
 * Issue 19, finding 6: the trailer's SHA-256 only catches damage, so archives are signed with an
 * HMAC under a key the administrator keeps apart, and every results blob is checked against the
 * SHA-256 its evaluation publishes. Each test edits the shared signed archive the way an attacker
 * (or a careless key holder) could and restores it into a fresh store.
 */
import { expect } from 'chai';
import path from 'node:path';
import { createBackupKey, type BackupKey } from '../../server/backup/backup-key.js';
import { restoreBackup, type RestoreOptions } from '../../server/backup/restore-backup.js';
import { ValidationError } from '../../server/errors.js';
import type { Store } from '../../server/store/store.js';
import { tempEmbeddedStore } from '../support/temp-store.js';
import { formatOneCopy, resealed, scoreEdit } from './archive-edit.js';
import { filledSource } from './filled-store.js';

async function documentCount(store: Store): Promise<number> {
  let total = 0;
  for (const name of store.raw.collections()) total += await store.raw.count(name);
  return total;
}

type Outcome =
  | { readonly error: Error; readonly documents: number }
  | { readonly restored: Awaited<ReturnType<typeof restoreBackup>>; readonly store: Store };

/** Restores `file` into a fresh embedded store; says what happened and what the store then held. */
async function restoreInto(
  file: string,
  options: Omit<RestoreOptions, 'actor' | 'replace'>,
  inspect: (outcome: Outcome) => void | Promise<void>,
): Promise<void> {
  const target = await tempEmbeddedStore();
  try {
    let outcome: Outcome;
    try {
      const restored = await restoreBackup(target.store, file, {
        actor: 'cli:t',
        replace: false,
        ...options,
      });
      outcome = { restored, store: target.store };
    } catch (error) {
      outcome = { error: error as Error, documents: await documentCount(target.store) };
    }
    await inspect(outcome);
  } finally {
    await target.dispose();
  }
}

function refused(outcome: Outcome): Error {
  if (!('error' in outcome)) throw new Error('expected the restore to be refused');
  expect(outcome.error).to.be.instanceOf(ValidationError);
  expect(outcome.documents, 'documents written before the refusal').to.equal(0);
  return outcome.error;
}

let otherKey: BackupKey | undefined;
async function anotherKey(): Promise<BackupKey> {
  otherKey ??= await createBackupKey(path.join((await filledSource()).dir, 'other.key'));
  return otherKey;
}

describe('backup signatures and results checksums', function () {
  this.timeout(120_000);

  it('refuses a resealed archive (a score changed, checksums recomputed, old signature kept), even with --allow-unsigned', async () => {
    const source = await filledSource();
    const forged = scoreEdit(true);
    const file = await resealed(source.archive.file, path.join(source.dir, 'resealed.gz'), forged.edit, {
      keepHmac: true,
    });
    expect(forged.replaced()).to.match(/^\d+\.\d\d$/);
    await restoreInto(file, { key: source.key, allowUnsigned: true }, (outcome) => {
      expect(refused(outcome).message).to.include(
        'its signature does not match: it was changed after the backup was made',
      );
    });
  });

  it('refuses a resealed archive whose signature was dropped, naming --allow-unsigned', async () => {
    const source = await filledSource();
    const file = await resealed(
      source.archive.file,
      path.join(source.dir, 'unsigned-forgery.gz'),
      scoreEdit(true).edit,
    );
    await restoreInto(file, { key: source.key }, (outcome) => {
      const message = refused(outcome).message;
      expect(message).to.include('it is not signed');
      expect(message).to.include('add --allow-unsigned');
    });
  });

  it('refuses an archive signed with another key than the one given', async () => {
    const source = await filledSource();
    await restoreInto(source.archive.file, { key: await anotherKey() }, (outcome) => {
      const message = refused(outcome).message;
      expect(message).to.include(`it was signed with another key (${source.key.id})`);
      expect(message).to.include('--allow-unsigned');
    });
  });

  it('refuses a signed archive when no key is given to check it', async () => {
    const source = await filledSource();
    await restoreInto(source.archive.file, {}, (outcome) => {
      expect(refused(outcome).message).to.include('no backup key was given to check it: add --key FILE');
    });
  });

  it('restores the signed archive with the right key, and audits the signature as verified', async () => {
    const source = await filledSource();
    await restoreInto(source.archive.file, { key: source.key }, async (outcome) => {
      if (!('restored' in outcome)) throw outcome.error;
      expect(outcome.restored).to.include({ signature: 'verified', warning: undefined });
      const [event] = await outcome.store.audit.list({ action: 'backup.restore' });
      expect(event?.detail).to.deep.include({ signature: 'verified' });
    });
  });

  it('restores an unsigned archive with --allow-unsigned, with a warning that says it is unsigned', async () => {
    const source = await filledSource();
    const file = await resealed(source.archive.file, path.join(source.dir, 'unsigned.gz'), (lines) => lines);
    await restoreInto(file, { allowUnsigned: true }, (outcome) => {
      if (!('restored' in outcome)) throw outcome.error;
      expect(outcome.restored.signature).to.equal('unsigned');
      expect(outcome.restored.warning).to.include('it is not signed');
      expect(outcome.restored.documents).to.equal(source.archive.documents);
    });
  });

  it('reads a format-1 archive (no signature fields) only with --allow-unsigned', async () => {
    const source = await filledSource();
    const file = await formatOneCopy(source.archive.file, path.join(source.dir, 'format-1.gz'));
    await restoreInto(file, { key: source.key }, (outcome) => {
      expect(refused(outcome).message).to.include('add --allow-unsigned');
    });
    await restoreInto(file, { key: source.key, allowUnsigned: true }, (outcome) => {
      if (!('restored' in outcome)) throw outcome.error;
      expect(outcome.restored.signature).to.equal('unsigned');
      expect(outcome.restored.header.format).to.equal('zhili-backup/1');
    });
  });

  it('refuses results edited and then signed by a key holder: the blob no longer matches results.sha256', async () => {
    const source = await filledSource();
    const file = await resealed(
      source.archive.file,
      path.join(source.dir, 'signed-edit.gz'),
      scoreEdit(false).edit,
      {
        signWith: source.key,
      },
    );
    await restoreInto(file, { key: source.key }, (outcome) => {
      expect(refused(outcome).message).to.match(
        /the evaluation ev\S* results do not match their recorded SHA-256 \(recorded [0-9a-f]{64}, found [0-9a-f]{64}\): they were edited/,
      );
    });
  });
});
