/**
 * Evaluations over the document port. The framework definition and method choices are kept as
 * JSON text (so any JSON the registry produces fits every engine, nested arrays included); the
 * results go to packed chunks.
 *
 * A draft appears whole or not at all: its results are written first, under a fresh key, and then
 * one insert of the evaluation document (results pointer included) makes it visible. A process
 * that dies in between leaves results that no document points at; recover() removes them when the
 * store next opens, so there is never a draft without results.
 *
 * Versions: each evaluation has at most one successor, and only a published one may have it. The
 * insert carries the unique key "<lineage>@<version>", so of two rival new versions of the same
 * evaluation only one is stored, on every engine, without transactions.
 */
import { ConflictError, IntegrityError, NotFoundError, ValidationError } from '../../errors.js';
import { nowIso } from '../models/common.js';
import {
  alreadySuperseded,
  asEvaluationDraft,
  draftNotSupersedable,
  type Evaluation,
  type EvaluationDraft,
  type FrameworkSnapshot,
  type VersionReason,
} from '../models/evaluation.js';
import { newId } from '../models/ids.js';
import type { EvaluationQuery, EvaluationRecovery, EvaluationStore, JsonValue } from '../store.js';
import { assertStorableJson } from '../validation/safe-json.js';
import type { BlobChunks, BlobRef } from './blob-chunks.js';
import { DuplicateKeyError, type DocumentCollection, type NewDoc } from './document-database.js';
import { pageOf } from './page.js';

type VersionFields = 'version' | 'supersedes' | 'lineage' | 'reason' | 'uncertainty';

interface EvaluationDoc extends Omit<Evaluation, 'id' | 'framework' | 'methods' | VersionFields> {
  readonly _id: string;
  readonly framework: Omit<FrameworkSnapshot, 'definition'> & { readonly definitionJson: string };
  readonly methodsJson: string;
  readonly resultsRef: BlobRef | null;
  /** "<lineage>@<version>", unique; absent on documents stored before it existed. */
  readonly lineVersion?: string;
  // Absent on documents stored before versions existed: they read as version 1 of their own line.
  readonly version?: number;
  readonly supersedes?: string | null;
  readonly lineage?: string;
  readonly reason?: VersionReason | null;
  readonly uncertaintyJson?: string | null;
}

function lineageOf(doc: EvaluationDoc): string {
  return doc.lineage ?? doc._id;
}

/**
 * The framework snapshot with its definition parsed on first use: most reads (lists, the lineage
 * of a report page, access checks) never look at it, and parsing it was the largest cost of
 * serving a report page. The property is enumerable, so JSON and deep comparisons still see it.
 */
function frameworkOf(stored: EvaluationDoc['framework']): FrameworkSnapshot {
  const { definitionJson, ...framework } = stored;
  let definition: JsonValue | undefined;
  return Object.defineProperty({ ...framework }, 'definition', {
    enumerable: true,
    get: () => (definition ??= JSON.parse(definitionJson) as JsonValue),
  }) as FrameworkSnapshot;
}

function evaluationOf(stored: NewDoc): Evaluation {
  const doc = stored as unknown as EvaluationDoc;
  return {
    id: doc._id,
    label: doc.label,
    framework: frameworkOf(doc.framework),
    methods: JSON.parse(doc.methodsJson) as JsonValue,
    periods: doc.periods,
    dataFingerprint: doc.dataFingerprint,
    status: doc.status,
    createdAt: doc.createdAt,
    createdBy: doc.createdBy,
    publishedAt: doc.publishedAt,
    publishedBy: doc.publishedBy,
    results: doc.results,
    version: doc.version ?? 1,
    supersedes: doc.supersedes ?? null,
    lineage: lineageOf(doc),
    reason: doc.reason ?? null,
    uncertainty: doc.uncertaintyJson ? (JSON.parse(doc.uncertaintyJson) as JsonValue) : null,
  };
}

/** Where a new evaluation sits in its line. */
interface Placement {
  readonly version: number;
  readonly supersedes: string | null;
  readonly lineage: string;
}

function byVersion(a: Evaluation, b: Evaluation): number {
  return a.version - b.version || a.createdAt.localeCompare(b.createdAt);
}

export class EvaluationRepository implements EvaluationStore {
  constructor(
    private readonly evaluations: DocumentCollection,
    private readonly blobs: BlobChunks,
  ) {}

  async create(draft: unknown, results: unknown): Promise<Evaluation> {
    const d = asEvaluationDraft(draft);
    const definition = assertStorableJson(d.framework.definition, 'evaluation/framework/definition');
    const methods = assertStorableJson(d.methods, 'evaluation/methods');
    assertStorableJson(d.framework.hashes, 'evaluation/framework/hashes');
    const uncertainty =
      d.uncertainty === undefined ? null : assertStorableJson(d.uncertainty, 'evaluation/uncertainty');
    const checkedResults = assertStorableJson(results, 'results');
    const id = d.id ?? newId('ev');
    const placement = d.supersedes === undefined ? undefined : await this.placeAfter(d.supersedes, d);
    const version = placement?.version ?? 1;
    const lineage = placement?.lineage ?? id;
    const ref = await this.blobs.write('res', checkedResults);
    const doc: EvaluationDoc = {
      _id: id,
      label: d.label ?? null,
      framework: {
        id: d.framework.id,
        version: d.framework.version,
        hash: d.framework.hash,
        hashes: d.framework.hashes,
        definitionJson: JSON.stringify(definition),
      },
      methodsJson: JSON.stringify(methods),
      periods: d.periods,
      dataFingerprint: d.dataFingerprint,
      status: 'draft',
      createdAt: nowIso(),
      createdBy: d.createdBy,
      publishedAt: null,
      publishedBy: null,
      results: { bytes: ref.bytes, sha256: ref.sha256, storedAt: nowIso() },
      resultsRef: ref,
      lineVersion: `${lineage}@${version}`,
      version,
      supersedes: placement?.supersedes ?? null,
      lineage,
      reason: d.reason ?? null,
      uncertaintyJson: uncertainty === null ? null : JSON.stringify(uncertainty),
    };
    try {
      await this.evaluations.insertOne(doc);
    } catch (error) {
      await this.blobs.remove(ref.key);
      if (error instanceof DuplicateKeyError) throw await this.collision(doc, placement);
      throw error;
    }
    return evaluationOf(doc);
  }

  async versions(id: string): Promise<Evaluation[]> {
    const lineage = lineageOf(await this.doc(id));
    const line = (await this.evaluations.find({ lineage })).map(evaluationOf);
    // A first version stored before versions existed has no lineage field of its own.
    if (!line.some((e) => e.id === lineage)) {
      const first = await this.evaluations.findOne({ _id: lineage });
      if (first !== undefined) line.push(evaluationOf(first));
    }
    return line.sort(byVersion);
  }

  async get(id: string): Promise<Evaluation | undefined> {
    const doc = await this.evaluations.findOne({ _id: id });
    return doc === undefined ? undefined : evaluationOf(doc);
  }

  async list(query: EvaluationQuery = {}): Promise<Evaluation[]> {
    const filter: Record<string, string> = {};
    if (query.status !== undefined) filter.status = query.status;
    if (query.frameworkId !== undefined) filter['framework.id'] = query.frameworkId;
    const docs = await this.evaluations.find(filter, { sort: { createdAt: -1, _id: -1 }, ...pageOf(query) });
    return docs.map(evaluationOf);
  }

  /** The stored results, checked against the SHA-256 the evaluation publishes as `results.sha256`. */
  async readResults(id: string): Promise<JsonValue | undefined> {
    const ref = await this.resultsRef(id);
    return ref === null ? undefined : this.blobs.read(ref);
  }

  async readResultsText(id: string): Promise<Buffer | undefined> {
    const ref = await this.resultsRef(id);
    return ref === null ? undefined : this.blobs.readText(ref);
  }

  async publish(id: string, actor: string): Promise<Evaluation> {
    const doc = await this.draft(id);
    if (doc.resultsRef === null) throw new ConflictError(`evaluation ${id} has no results to publish`);
    if (actor.trim() === '')
      throw new ValidationError('publishing needs an actor', [{ where: 'actor', message: 'empty' }]);
    const change = { status: 'published', publishedAt: nowIso(), publishedBy: actor } as const;
    if (!(await this.evaluations.updateOne({ _id: id, status: 'draft' }, change))) {
      throw new ConflictError(`evaluation ${id} is already published`);
    }
    return evaluationOf({ ...doc, ...change });
  }

  async deleteDraft(id: string): Promise<Evaluation> {
    const doc = await this.draft(id);
    const deleted = await this.evaluations.deleteMany({ _id: id, status: 'draft' });
    if (deleted === 0) throw new ConflictError(`evaluation ${id} was published meanwhile`);
    if (doc.resultsRef !== null) await this.blobs.remove(doc.resultsRef.key);
    return evaluationOf(doc);
  }

  /**
   * Removes what an interrupted run left: results no evaluation points at (written at least
   * `orphanAfterMs` ago, so a run of another process sharing the server that is between its two
   * writes keeps its results), and drafts without results, which older versions of Zhili stored
   * before their results and could leave behind.
   */
  async recover(orphanAfterMs: number, now = Date.now()): Promise<EvaluationRecovery> {
    const drafts = (
      await this.evaluations.find({ status: 'draft', resultsRef: null }, { fields: ['_id'] })
    ).map((doc) => doc._id);
    for (const id of drafts)
      await this.evaluations.deleteMany({ _id: id, status: 'draft', resultsRef: null });
    const pointed = new Set(
      (await this.evaluations.find({}, { fields: ['resultsRef'] })).flatMap((doc) => {
        const ref = doc.resultsRef as BlobRef | null | undefined;
        return ref === null || ref === undefined ? [] : [ref.key];
      }),
    );
    const orphans = (await this.blobs.stored('res')).filter(
      (blob) => !pointed.has(blob.key) && (blob.at === null || now - Date.parse(blob.at) >= orphanAfterMs),
    );
    for (const orphan of orphans) await this.blobs.remove(orphan.key);
    return { removedDrafts: drafts, orphanedResults: orphans.map((o) => o.key) };
  }

  /** Why an insert met a duplicate key: the id is taken, or a rival version of the same evaluation got in first. */
  private async collision(doc: EvaluationDoc, placement: Placement | undefined): Promise<ConflictError> {
    if ((await this.evaluations.findOne({ _id: doc._id })) !== undefined)
      return new ConflictError(`an evaluation ${doc._id} already exists`);
    if (placement !== undefined && placement.supersedes !== null) {
      const [rival] = await this.successorsOf(placement.supersedes, placement.lineage);
      if (rival !== undefined)
        return alreadySuperseded(placement.supersedes, { id: rival._id, status: rival.status });
    }
    return new ConflictError(`version ${doc.version ?? 1} of ${doc.lineage ?? doc._id} already exists`);
  }

  /** Checks that `previousId` may be superseded by `draft` and says where the new version goes. */
  private async placeAfter(previousId: string, draft: EvaluationDraft): Promise<Placement> {
    const previous = await this.doc(previousId);
    if (previous.status !== 'published') {
      throw draftNotSupersedable(previousId);
    }
    if (draft.framework.id !== previous.framework.id) {
      throw new ValidationError('a new version keeps the framework of the evaluation it replaces', [
        {
          where: 'evaluation/framework/id',
          message: `must be ${previous.framework.id} like ${previousId}, found ${draft.framework.id}`,
        },
      ]);
    }
    const lineage = lineageOf(previous);
    const [successor] = await this.successorsOf(previousId, lineage);
    if (successor !== undefined)
      throw alreadySuperseded(previousId, { id: successor._id, status: successor.status });
    return { version: (previous.version ?? 1) + 1, supersedes: previousId, lineage };
  }

  private async successorsOf(id: string, lineage: string): Promise<EvaluationDoc[]> {
    const line = (await this.evaluations.find({ lineage })) as unknown as EvaluationDoc[];
    return line.filter((e) => e.supersedes === id);
  }

  /** Where the results are, once the SHA-256 the evaluation publishes is that of the stored ones. */
  private async resultsRef(id: string): Promise<BlobRef | null> {
    const { resultsRef: ref, results } = await this.doc(id);
    if (ref !== null && results !== null && results.sha256 !== ref.sha256) {
      throw new IntegrityError(
        `evaluation ${id} records results.sha256 ${results.sha256} but its stored results are ${ref.sha256}: it was changed outside Zhili; restore it from a backup / 评估结果的校验值不一致，请从备份恢复`,
      );
    }
    return ref;
  }

  private async doc(id: string): Promise<EvaluationDoc> {
    const doc = await this.evaluations.findOne({ _id: id });
    if (doc === undefined) throw new NotFoundError(`no evaluation ${id}`);
    return doc as unknown as EvaluationDoc;
  }

  private async draft(id: string): Promise<EvaluationDoc> {
    const doc = await this.doc(id);
    if (doc.status !== 'draft') throw new ConflictError(`evaluation ${id} is published and cannot change`);
    return doc;
  }
}
