/**
 * Import batches over the document port: begin, append, commit, fail, recover. The commit is one
 * conditional single-document write (pending → committed with the next sequence number), which
 * is what makes a batch all or nothing without transactions (FerretDB v1 has none).
 */
import os from 'node:os';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import {
  asBatchFailure,
  asBatchFinish,
  asBatchStart,
  type BatchCounts,
  type ImportBatch,
  type ImportKind,
} from '../models/import-batch.js';
import { newId } from '../models/ids.js';
import { nowIso } from '../models/common.js';
import { asObservationRows } from '../models/observation.js';
import { asResponseRows } from '../models/response.js';
import { asUnits } from '../models/unit.js';
import type { ValidationReport } from '../models/validation-report.js';
import type { ImportQuery, ImportStore, PeriodStore } from '../store.js';
import { asBatchDoc, batchOf, dedupeKey, type BatchDoc } from './batch-doc.js';
import type { RecoveryPolicy } from './batch-recovery.js';
import type { BlobChunks, BlobRef } from './blob-chunks.js';
import { CommitClaims } from './commit-claims.js';
import type { DocumentCollection, DocumentDatabase } from './document-database.js';
import { asChunkDoc, CHUNK_ROWS, encodeChunk } from './observation-chunks.js';
import { pageOf } from './page.js';
import { asResponseChunkDoc, encodeResponseChunk, RESPONSE_CHUNK_ROWS } from './response-chunks.js';
import { asUnitChunkDoc, encodeUnitChunk, UNIT_CHUNK_SIZE } from './unit-chunks.js';

const INTERRUPTED = 'interrupted: the importing process stopped before the batch was committed';

function issuesByReason(report: ValidationReport | undefined): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const issue of report?.issues ?? []) counts[issue.reason] = (counts[issue.reason] ?? 0) + 1;
  return counts;
}

/** Rows of one period, in chunks of at most `size` (CHUNK_ROWS by default). */
function chunksByPeriod<R extends { readonly period: string }>(
  rows: readonly R[],
  size = CHUNK_ROWS,
): [string, R[]][] {
  const byPeriod = new Map<string, R[]>();
  for (const row of rows) {
    const list = byPeriod.get(row.period) ?? [];
    list.push(row);
    byPeriod.set(row.period, list);
  }
  const chunks: [string, R[]][] = [];
  for (const [period, list] of byPeriod) {
    for (let i = 0; i < list.length; i += size) chunks.push([period, list.slice(i, i + size)]);
  }
  return chunks;
}

export class ImportRepository implements ImportStore {
  private readonly batches: DocumentCollection;
  private readonly units: DocumentCollection;
  private readonly chunks: DocumentCollection;
  private readonly responseChunks: DocumentCollection;
  private readonly claims: CommitClaims;

  constructor(
    private readonly db: DocumentDatabase,
    private readonly blobs: BlobChunks,
    private readonly periods: PeriodStore,
  ) {
    this.batches = db.collection('importBatches');
    this.units = db.collection('unitChunks');
    this.chunks = db.collection('observationChunks');
    this.responseChunks = db.collection('responseChunks');
    this.claims = new CommitClaims(db.collection('importClaims'), this.batches);
  }

  async begin(start: unknown): Promise<ImportBatch> {
    const s = asBatchStart(start);
    if (s.kind === 'units' && s.periods.length > 0) {
      throw new ValidationError('a units batch has no periods', [
        { where: 'import batch/periods', message: 'must be empty' },
      ]);
    }
    const stray = s.periods.find((p) => s.period !== null && p !== s.period);
    if (stray !== undefined) {
      throw new ValidationError(`the batch is declared for period ${s.period ?? ''} but holds ${stray}`, [
        { where: 'import batch/periods', message: `${stray} differs from ${s.period ?? ''}` },
      ]);
    }
    const now = nowIso();
    const doc: BatchDoc = {
      _id: newId('imp'),
      ...s,
      status: 'pending',
      createdAt: now,
      sequence: null,
      committedAt: null,
      failedAt: null,
      failure: null,
      counts: { rows: 0, stored: 0, errors: 0, warnings: 0 },
      issuesByReason: {},
      hasReport: false,
      dedupeKey: dedupeKey(s.kind, s.sha256, s.period),
      owner: { host: os.hostname(), pid: process.pid },
      heartbeatAt: now,
      appended: 0,
      purged: false,
      reportRef: null,
    };
    await this.batches.insertOne(doc);
    return batchOf(doc);
  }

  async appendUnits(batchId: string, units: unknown): Promise<void> {
    const batch = await this.pending(batchId, 'units');
    const list = asUnits(units);
    // Unique within each append; the intake makes a whole file unique before it appends.
    const seen = new Set<string>();
    const twice = list.find((unit) => seen.size === seen.add(unit.code).size)?.code;
    if (twice !== undefined) {
      throw new ValidationError(`unit ${twice} appears twice in the batch`, [
        { where: 'units', message: 'unit codes must be unique within a batch' },
      ]);
    }
    const docs = [];
    for (let i = 0; i < list.length; i += UNIT_CHUNK_SIZE) {
      docs.push(await encodeUnitChunk(batchId, list.slice(i, i + UNIT_CHUNK_SIZE)));
    }
    await this.units.insertMany(docs);
    await this.touch(batch, list.length);
  }

  async appendObservations(batchId: string, rows: unknown): Promise<void> {
    const batch = await this.pending(batchId, 'observations');
    const list = asObservationRows(rows);
    const seen = new Set<string>();
    list.forEach((row, index) => {
      if (!batch.periods.includes(row.period)) {
        throw new ValidationError(`row ${index} is for period ${row.period}, not declared by the batch`, [
          { where: `observations/${index}/period`, message: `expected one of ${batch.periods.join(', ')}` },
        ]);
      }
      const key = `${row.unit}|${row.period}`;
      if (seen.has(key)) {
        throw new ValidationError(`unit ${row.unit} appears twice for period ${row.period}`, [
          { where: `observations/${index}`, message: 'one row per unit and period' },
        ]);
      }
      seen.add(key);
    });
    const docs = await Promise.all(
      chunksByPeriod(list).map(([period, part]) => encodeChunk(batchId, period, part)),
    );
    await this.chunks.insertMany(docs);
    await this.touch(batch, list.length);
  }

  /** Respondents: many per unit and period, so no uniqueness check; each row's period must be the batch's. */
  async appendResponses(batchId: string, rows: unknown): Promise<void> {
    const batch = await this.pending(batchId, 'responses');
    const list = asResponseRows(rows);
    list.forEach((row, index) => {
      if (!batch.periods.includes(row.period)) {
        throw new ValidationError(
          `respondent ${index} is for period ${row.period}, not declared by the batch`,
          [{ where: `responses/${index}/period`, message: `expected one of ${batch.periods.join(', ')}` }],
        );
      }
    });
    const docs = await Promise.all(
      chunksByPeriod(list, RESPONSE_CHUNK_ROWS).map(([period, part]) =>
        encodeResponseChunk(batchId, period, part),
      ),
    );
    await this.responseChunks.insertMany(docs);
    await this.touch(batch, list.length);
  }

  /**
   * Makes the batch visible, or, when another batch committed the same file first, fails this one
   * as its duplicate and returns it failed (claims make the check and the commit one step).
   */
  async commit(batchId: string, finish: unknown): Promise<ImportBatch> {
    const batch = await this.pending(batchId);
    const f = asBatchFinish(finish);
    const holder = await this.claims.claim(batch.dedupeKey, batchId);
    if (holder !== undefined) {
      return this.fail(batchId, {
        reason: `duplicate of batch ${holder}, committed meanwhile`,
        counts: f.counts,
      });
    }
    let reportRef: BlobRef | null = null;
    try {
      for (const period of batch.periods) await this.periods.ensure(period);
      reportRef = f.report === undefined ? null : await this.blobs.write('rep', f.report);
      const sequence = await this.db.increment('importSequence');
      const change = {
        status: 'committed',
        sequence,
        committedAt: nowIso(),
        counts: { ...f.counts, stored: batch.appended },
        issuesByReason: issuesByReason(f.report),
        hasReport: reportRef !== null,
        reportRef,
      } as const;
      // The one write that makes the whole batch visible.
      if (await this.batches.updateOne({ _id: batchId, status: 'pending' }, change)) {
        return batchOf({ ...batch, ...change });
      }
    } catch (error) {
      // A claim left behind is stale once this batch fails; the next claimant takes it over.
      await this.claims.release(batch.dedupeKey, batchId).catch(() => undefined);
      throw error;
    }
    await this.claims.release(batch.dedupeKey, batchId);
    if (reportRef !== null) await this.blobs.remove(reportRef.key);
    throw new ConflictError(`import batch ${batchId} stopped being pending before it could commit`);
  }

  async fail(batchId: string, failure: unknown): Promise<ImportBatch> {
    const batch = await this.existing(batchId);
    if (batch.status === 'committed')
      throw new ConflictError(`import batch ${batchId} is committed; it cannot fail`);
    const f = asBatchFailure(failure);
    if (batch.status === 'pending') {
      const reportRef = f.report === undefined ? null : await this.blobs.write('rep', f.report);
      const counts: BatchCounts = { ...(f.counts ?? batch.counts), stored: 0 };
      const change = {
        status: 'failed',
        failedAt: nowIso(),
        failure: f.reason,
        counts,
        issuesByReason: issuesByReason(f.report),
        hasReport: reportRef !== null,
        reportRef,
      } as const;
      if (!(await this.batches.updateOne({ _id: batchId, status: 'pending' }, change))) {
        if (reportRef !== null) await this.blobs.remove(reportRef.key);
        return this.fail(batchId, failure);
      }
      await this.claims.release(batch.dedupeKey, batchId);
    }
    await this.purge(batchId);
    return batchOf(await this.existing(batchId));
  }

  async get(id: string): Promise<ImportBatch | undefined> {
    const doc = await this.batches.findOne({ _id: id });
    return doc === undefined ? undefined : batchOf(asBatchDoc(doc));
  }

  async findCommitted(
    kind: ImportKind,
    sha256: string,
    period: string | null,
  ): Promise<ImportBatch | undefined> {
    const docs = await this.batches.find(
      { dedupeKey: dedupeKey(kind, sha256, period), status: 'committed' },
      { sort: { sequence: 1 }, limit: 1 },
    );
    const first = docs[0];
    return first === undefined ? undefined : batchOf(asBatchDoc(first));
  }

  async list(query: ImportQuery = {}): Promise<ImportBatch[]> {
    const filter: Record<string, string> = {};
    if (query.kind !== undefined) filter.kind = query.kind;
    if (query.status !== undefined) filter.status = query.status;
    const docs = await this.batches.find(filter, { sort: { createdAt: -1, _id: -1 }, ...pageOf(query) });
    return docs.map((doc) => batchOf(asBatchDoc(doc)));
  }

  async report(id: string): Promise<ValidationReport | undefined> {
    const doc = await this.batches.findOne({ _id: id });
    const ref: BlobRef | null = doc === undefined ? null : asBatchDoc(doc).reportRef;
    if (ref === null) return undefined;
    return (await this.blobs.read(ref)) as unknown as ValidationReport;
  }

  async storedRowCount(id: string): Promise<number> {
    const units = await this.units.find({ batch: id }, { fields: ['codes'] });
    const chunks = await this.chunks.find({ batch: id }, { fields: ['units'] });
    const responses = await this.responseChunks.find({ batch: id }, { fields: ['units'] });
    return (
      units.reduce((sum, doc) => sum + asUnitChunkDoc(doc).codes.length, 0) +
      chunks.reduce((sum, doc) => sum + asChunkDoc(doc).units.length, 0) +
      responses.reduce((sum, doc) => sum + asResponseChunkDoc(doc).units.length, 0)
    );
  }

  /** Fails the pending batches the policy calls interrupted; finishes deleting failed batches' rows. */
  async recover(isInterrupted: RecoveryPolicy): Promise<ImportBatch[]> {
    const now = Date.now();
    const recovered: ImportBatch[] = [];
    for (const doc of (await this.batches.find({ status: 'pending' })).map(asBatchDoc)) {
      if (isInterrupted(doc, now)) recovered.push(await this.fail(doc._id, { reason: INTERRUPTED }));
    }
    for (const doc of await this.batches.find({ status: 'failed', purged: false })) await this.purge(doc._id);
    return recovered;
  }

  private async existing(batchId: string): Promise<BatchDoc> {
    const doc = await this.batches.findOne({ _id: batchId });
    if (doc === undefined) throw new NotFoundError(`no import batch ${batchId}`);
    return asBatchDoc(doc);
  }

  private async pending(batchId: string, kind?: ImportKind): Promise<BatchDoc> {
    const batch = await this.existing(batchId);
    if (batch.status !== 'pending')
      throw new ConflictError(`import batch ${batchId} is ${batch.status}, not pending`);
    if (kind !== undefined && batch.kind !== kind) {
      throw new ValidationError(`import batch ${batchId} imports ${batch.kind}, not ${kind}`);
    }
    return batch;
  }

  /** Records the rows appended and a sign of life; undoes the append if the batch was failed meanwhile. */
  private async touch(batch: BatchDoc, added: number): Promise<void> {
    const change = { heartbeatAt: nowIso(), appended: batch.appended + added };
    if (!(await this.batches.updateOne({ _id: batch._id, status: 'pending' }, change))) {
      await this.purge(batch._id);
      throw new ConflictError(`import batch ${batch._id} stopped being pending during an append`);
    }
  }

  private async purge(batchId: string): Promise<void> {
    await this.units.deleteMany({ batch: batchId });
    await this.chunks.deleteMany({ batch: batchId });
    await this.responseChunks.deleteMany({ batch: batchId });
    await this.batches.updateOne({ _id: batchId, status: 'failed' }, { purged: true });
  }
}
