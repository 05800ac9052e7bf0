/**
 * One commit per file. Before a batch commits, it claims its file's de-duplication key (kind,
 * period, SHA-256) in importClaims, with the key as the claim's _id: of two claims at once the
 * store keeps exactly one, on nedb and on FerretDB alike, with no transaction and no partial
 * index. A claim whose batch failed or vanished (a crash between claim and commit) is stale and
 * is taken over; a claim whose batch is still pending is waited for, briefly, because that batch
 * is about to commit or fail. A committed batch from before claims existed is adopted as the
 * holder, so the first import after an upgrade cannot commit a second copy either.
 *
 * @example const holder = await claims.claim(doc.dedupeKey, doc._id) // undefined: ours; else the committed batch
 */
import { ConflictError } from '../../errors.js';
import { DuplicateKeyError, type DocumentCollection, type NewDoc } from './document-database.js';

interface ClaimDoc extends NewDoc {
  /** The batch that holds the claim. */
  readonly batch: string;
}

/** How long a claim held by a pending batch is waited for before the commit gives up. */
const WAIT_FOR_PENDING_MS = 10_000;
const POLL_MS = 25;

export class CommitClaims {
  constructor(
    private readonly claims: DocumentCollection,
    private readonly batches: DocumentCollection,
  ) {}

  /** Claims `key` for `batchId`: undefined once the claim is ours, else the id of the committed batch that holds it. */
  async claim(key: string, batchId: string): Promise<string | undefined> {
    const deadline = Date.now() + WAIT_FOR_PENDING_MS;
    for (;;) {
      const taken = await this.tryInsert(key, batchId);
      if (taken === undefined || taken.holder === batchId) return this.adoptEarlier(key, batchId);
      const { holder } = taken;
      if (holder === undefined) continue;
      const status = (await this.batches.findOne({ _id: holder }))?.status;
      if (status === 'committed') return holder;
      if (status === 'pending') {
        if (Date.now() > deadline) {
          throw new ConflictError(
            `the same file is being committed by import batch ${holder}; try again when it has finished`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      } else {
        await this.claims.deleteMany({ _id: key, batch: holder });
      }
    }
  }

  /** Gives up `batchId`'s claim on `key` (nothing happens when another batch holds it). */
  async release(key: string, batchId: string): Promise<void> {
    await this.claims.deleteMany({ _id: key, batch: batchId });
  }

  /** Undefined once the claim is inserted; else who holds it (undefined when it was released meanwhile). */
  private async tryInsert(
    key: string,
    batchId: string,
  ): Promise<{ readonly holder: string | undefined } | undefined> {
    try {
      const claim: ClaimDoc = { _id: key, batch: batchId };
      await this.claims.insertOne(claim);
      return undefined;
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error;
      const claim = await this.claims.findOne({ _id: key });
      return { holder: typeof claim?.batch === 'string' ? claim.batch : undefined };
    }
  }

  /** Hands the claim to a batch committed before claims existed, and names it; undefined when there is none. */
  private async adoptEarlier(key: string, batchId: string): Promise<string | undefined> {
    const [earlier] = await this.batches.find(
      { dedupeKey: key, status: 'committed' },
      { sort: { sequence: 1 }, limit: 1, fields: ['_id'] },
    );
    if (earlier === undefined) return undefined;
    await this.claims.updateOne({ _id: key, batch: batchId }, { batch: earlier._id });
    return earlier._id;
  }
}
