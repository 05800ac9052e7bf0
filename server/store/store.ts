/**
 * The one storage interface (DESIGN.md, "Storage"). Two adapters implement it: embedded/ (nedb
 * files under DATA_DIR, the default) and mongo/ (a MongoDB-wire server at MONGODB_URI). Both are
 * built on the same repositories in documents/, over a small document-database port, and pass one
 * contract suite (test/contract/). Nothing outside server/store imports mongoose or nedb.
 *
 * Data enters as `unknown` and is checked by compiled ajv validators here, at the boundary; bad
 * input raises a ValidationError naming every bad path.
 */
import type { AuditEvent, AuditQuery, NewAuditEvent } from './models/audit-event.js';
import type { Evaluation, EvaluationStatus } from './models/evaluation.js';
import type { BatchStatus, ImportBatch, ImportKind } from './models/import-batch.js';
import type { DataSource } from '../domain/data-source.js';
import type { Observation } from './models/observation.js';
import type { Period } from './models/period.js';
import type { Response } from './models/response.js';
import type { StoredUnit, UnitLevel } from './models/unit.js';
import type { CredentialKind, Session } from './models/session.js';
import type { JobError, JobProgress, StoredJob } from './models/job.js';
import type { User } from './models/user.js';
import type { DefinitionDraft } from './models/definition-draft.js';
import type { SelfEvaluation } from './models/self-evaluation.js';
import type { ValidationReport } from './models/validation-report.js';
import type { CatalogueVersion, CatalogueVersionSummary } from './models/catalogue-version.js';

export type StoreKind = 'embedded' | 'mongo';

export interface StoreHealth {
  readonly kind: StoreKind;
  readonly status: 'ok' | 'down';
  /** Round-trip time of the ping, in milliseconds. */
  readonly latencyMs: number;
  /** Why the store is down; absent when it is ok. */
  readonly error?: string;
}

import type { JsonValue } from '../domain/json-value.js';

export type { JsonValue };

/** Paging for lists: at most `limit` items (default 100, at most 1,000) after skipping `offset`. */
export interface Page {
  readonly limit?: number;
  readonly offset?: number;
}

export interface UnitQuery extends Page {
  readonly level?: UnitLevel;
  /** Children of this unit; null for the roots. */
  readonly parent?: string | null;
  readonly codes?: readonly string[];
}

/** Units as the committed unit imports define them; the latest committed batch wins per code. */
export interface UnitStore {
  /** Current units, sorted by code. Without a limit, every unit that matches. */
  list(query?: UnitQuery): Promise<StoredUnit[]>;
  get(code: string): Promise<StoredUnit | undefined>;
  /** The codes of all current units, sorted (cheaper than list() when only codes are needed). */
  codes(): Promise<string[]>;
  /** Every committed version of a unit, newest first. */
  history(code: string): Promise<StoredUnit[]>;
}

export interface PeriodStore {
  /** Creates or replaces a period. */
  put(period: unknown): Promise<Period>;
  get(id: string): Promise<Period | undefined>;
  /** The period, created from its id (labels and dates worked out) if it does not exist yet. */
  ensure(id: string): Promise<Period>;
  /** All periods, earliest first. */
  list(): Promise<Period[]>;
}

export interface ImportQuery extends Page {
  readonly kind?: ImportKind;
  readonly status?: BatchStatus;
}

/**
 * Import batches and their rows. The protocol, which `importRecords` (import-records.ts) runs:
 * begin → append* → commit (one single-document write makes the whole batch visible) or fail
 * (the batch is marked failed and its rows deleted). A process that dies in between leaves a
 * pending batch, which recoverInterruptedImports() fails when the store next opens.
 */
export interface ImportStore {
  /** Records a new pending batch ({kind, actor, fileName, sha256, period, periods}). */
  begin(start: unknown): Promise<ImportBatch>;
  /** Adds units to a pending units batch. */
  appendUnits(batchId: string, units: unknown): Promise<void>;
  /** Adds observation rows ({unit, period, values}) to a pending observations batch. */
  appendObservations(batchId: string, rows: unknown): Promise<void>;
  /** Adds survey respondents ({unit, period, answers, weight}) to a pending responses batch. */
  appendResponses(batchId: string, rows: unknown): Promise<void>;
  /**
   * Makes a pending batch visible ({counts, report?}); one write, with the next sequence number.
   * When another batch committed the same file first, fails this one instead and returns it failed.
   */
  commit(batchId: string, finish: unknown): Promise<ImportBatch>;
  /** Marks a pending batch failed ({reason, counts?, report?}) and deletes its rows. */
  fail(batchId: string, failure: unknown): Promise<ImportBatch>;
  get(id: string): Promise<ImportBatch | undefined>;
  /** The committed batch that imported the same file (kind, hash and declared period), if any. */
  findCommitted(
    kind: ImportKind,
    sha256: string,
    period: string | null,
    source?: DataSource,
  ): Promise<ImportBatch | undefined>;
  /**
   * Confirms or returns a committed self-reported observations batch ({decision, by, reason?}),
   * once: a second review is a ConflictError (the batch is locked; a correction is a new batch).
   */
  review(batchId: string, request: unknown): Promise<ImportBatch>;
  /** The unit codes an observations batch holds rows for, sorted (whom a review concerns). */
  unitsOf(batchId: string): Promise<string[]>;
  /** Batches, newest first. */
  list(query?: ImportQuery): Promise<ImportBatch[]>;
  report(id: string): Promise<ValidationReport | undefined>;
  /** Rows (units or observations) stored under a batch, whatever its status. */
  storedRowCount(id: string): Promise<number>;
}

export interface ObservationQuery {
  readonly period: string;
  /** Only these units; every unit with data when absent. */
  readonly units?: readonly string[];
  /**
   * Only batches of these sources count, in this order of preference: per unit and variable the
   * value comes from the first source that has one (within a source, the latest batch's row).
   * Absent: the evaluations' default order (third party, street, self), so a street's check of a few
   * variables never hides the rest of a community's own report.
   */
  readonly sources?: readonly DataSource[];
}

/** Observations of committed, not returned batches; per unit and period the latest committed batch wins. */
export interface ObservationStore {
  /** The current observations for a period, sorted by unit code. */
  current(query: ObservationQuery): Promise<Observation[]>;
  /** Every committed observation of one unit in one period, newest first. */
  history(unit: string, period: string): Promise<Observation[]>;
  /** Periods that have committed observations, sorted. */
  periods(): Promise<string[]>;
}

export interface ResponseQuery {
  readonly period: string;
  /** Only these units; every unit with respondents when absent. */
  readonly units?: readonly string[];
}

/** Survey respondents of committed batches; per unit and period the latest committed batch wins whole. */
export interface ResponseStore {
  /** The current respondents of a period, sorted by unit code. */
  current(query: ResponseQuery): Promise<Response[]>;
  /** Periods that have committed respondents, sorted. */
  periods(): Promise<string[]>;
}

export interface EvaluationQuery extends Page {
  readonly status?: EvaluationStatus;
  readonly frameworkId?: string;
}

/** What opening the store cleaned up after runs that were interrupted (see recoverInterruptedEvaluations). */
export interface EvaluationRecovery {
  /** Drafts without results (left by older versions of Zhili), removed. */
  readonly removedDrafts: readonly string[];
  /** Keys of results that no evaluation points at, removed. */
  readonly orphanedResults: readonly string[];
}

export interface EvaluationStore {
  /**
   * Creates a draft evaluation (framework snapshot, methods, periods, data fingerprint, author)
   * with its results: the results are written first, then one document write makes the draft
   * visible, so no reader ever sees a draft without results. A version (`supersedes`) that a
   * rival got in before is refused with a ConflictError.
   */
  create(draft: unknown, results: unknown): Promise<Evaluation>;
  get(id: string): Promise<Evaluation | undefined>;
  /** Evaluations, newest first. */
  list(query?: EvaluationQuery): Promise<Evaluation[]>;
  readResults(id: string): Promise<JsonValue | undefined>;
  /**
   * The stored results' JSON text as it is (checked like readResults): what `results.sha256` is
   * the hash of, served without parsing and writing it again; it may pass V8's longest string.
   */
  readResultsText(id: string): Promise<Buffer | undefined>;
  /** Draft with results → published, by `actor`. */
  publish(id: string, actor: string): Promise<Evaluation>;
  /** Deletes a draft and its results and returns what it was; published evaluations cannot be deleted (ConflictError). */
  deleteDraft(id: string): Promise<Evaluation>;
  /** Every version of the evaluation's line (drafts included), oldest first; NotFoundError for an unknown id. */
  versions(id: string): Promise<Evaluation[]>;
}

export interface UserStore {
  /** Creates a user ({login, displayName, role, unitScope?, passwordHash?, disabled?}). */
  create(user: unknown): Promise<User>;
  get(id: string): Promise<User | undefined>;
  /** Case-insensitive. */
  findByLogin(login: string): Promise<User | undefined>;
  /** All users, sorted by login. */
  list(): Promise<User[]>;
  update(id: string, patch: unknown): Promise<User>;
}

export interface AuditStore {
  /** Appends an event ({actor, action, target?, detail?, at?}); `at` defaults to now. Only the typed actions pass. */
  append(event: NewAuditEvent): Promise<AuditEvent>;
  /** Events, newest first. */
  list(query?: AuditQuery): Promise<AuditEvent[]>;
}

export interface SessionQuery {
  readonly userId?: string;
  readonly kind?: CredentialKind;
}

/** Browser sessions and API tokens, found by the SHA-256 of their secret. */
export interface SessionStore {
  /** Records a session or token ({kind, userId, tokenHash, csrfToken?, label?, expiresAt}). */
  create(session: unknown): Promise<Session>;
  /** The unrevoked, unexpired credential with this secret hash. */
  findActive(tokenHash: string, now?: string): Promise<Session | undefined>;
  /** Records use (and, for sliding sessions, a new expiry). */
  touch(id: string, change: { readonly lastUsedAt: string; readonly expiresAt?: string }): Promise<void>;
  /** Revokes one active credential; NotFoundError when it is not active. */
  revoke(id: string): Promise<Session>;
  /** Revokes every active credential of a user (of one kind, if given); returns how many. */
  revokeAll(userId: string, kind?: CredentialKind): Promise<number>;
  /** Active credentials, newest first. */
  list(query?: SessionQuery): Promise<Session[]>;
  /** Deletes expired credentials; returns how many. */
  purgeExpired(now?: string): Promise<number>;
}

export interface JobQuery extends Page {
  /** Only the jobs of this owner (a user id, or a command-line actor's name). */
  readonly owner?: string;
}

/**
 * Jobs (server/domain/job.ts), so that their owners can follow them after a restart. The runner
 * writes a job when it starts, when its status changes and when it ends (save), and its progress
 * and heartbeat while it runs (touch); start-up fails the ones no live process runs (interrupt) and
 * drops finished ones past their keeping age (purgeFinished).
 */
export interface JobStore {
  /** Inserts or replaces the job's record. */
  save(job: unknown): Promise<void>;
  /** Records a heartbeat (and progress) of a queued or running job; a finished job is left as it is. */
  touch(id: string, change: { readonly heartbeatAt: string; readonly progress?: JobProgress }): Promise<void>;
  get(id: string): Promise<StoredJob | undefined>;
  /** Jobs, newest first (by startedAt). */
  list(query?: JobQuery): Promise<StoredJob[]>;
  /** Every queued or running job, oldest first. */
  unfinished(): Promise<StoredJob[]>;
  /** Ends a queued or running job as failed with this error; false when it had already finished. */
  interrupt(id: string, error: JobError, at: string): Promise<boolean>;
  /** Deletes finished jobs that finished before `before` (an ISO time); returns how many. */
  purgeFinished(before: string): Promise<number>;
}

/**
 * Researchers' drafts of catalogue changes (server/domain/definition-draft.ts). Only the owner
 * saves a draft; who may read or delete one is the use case's decision.
 */
export interface DefinitionDraftStore {
  create(input: unknown): Promise<DefinitionDraft>;
  get(id: string): Promise<DefinitionDraft | undefined>;
  /** The owner's drafts, the last changed first. */
  listByOwner(owner: string): Promise<DefinitionDraft[]>;
  /** Changes title, basedOn and/or changes; NotFoundError when absent, ForbiddenError for another owner. */
  save(id: string, owner: string, change: unknown): Promise<DefinitionDraft>;
  /** Deletes the draft and returns it; NotFoundError when absent. */
  delete(id: string): Promise<DefinitionDraft>;
}

/**
 * Self-evaluations (server/domain/self-evaluation.ts), private to the user who ran them: no method
 * lists them all, so nothing but their owner's own reads can reach one.
 */
export interface SelfEvaluationStore {
  /** Stores a self-evaluation ({ownerId, ownerLogin, unit, framework, periods, methods, notes, standing}). */
  create(selfEvaluation: unknown): Promise<SelfEvaluation>;
  /** The self-evaluation with this id if this user owns it; undefined otherwise (as for an unknown id). */
  getOwned(id: string, ownerId: string): Promise<SelfEvaluation | undefined>;
  /** The user's own self-evaluations, newest first. */
  listOwned(ownerId: string): Promise<SelfEvaluation[]>;
}

/**
 * The definitions catalogue, version by version (server/domain/catalogue.ts): append-only, each
 * version a complete snapshot of the definition files.
 */
export interface CatalogueStore {
  /** The newest version, or undefined for an empty catalogue. */
  latest(): Promise<CatalogueVersion | undefined>;
  /** The newest version's number without its files (0 for an empty catalogue): a cheap staleness check. */
  latestNumber(): Promise<number>;
  get(version: number): Promise<CatalogueVersion | undefined>;
  /** Every version without its files, newest first. */
  list(): Promise<CatalogueVersionSummary[]>;
  /**
   * Appends the next version ({version, files, reason, actor, basedOn, origin, changes}); the store
   * adds sha256, fileCount and createdAt. A version number that is not the latest plus one (another
   * writer got it first) is refused with a ConflictError.
   */
  append(next: unknown): Promise<CatalogueVersion>;
}

/** A document as the store keeps it: a string _id and plain JSON fields (backup and restore only). */
export interface RawDocument {
  readonly _id: string;
  readonly [field: string]: unknown;
}

/**
 * The store's documents as kept, collection by collection, for backup and restore
 * (server/backup/) and nothing else: no validation happens here, so callers check what they load.
 */
export interface RawDocumentStore {
  /** The names of the collections the store keeps. */
  collections(): readonly string[];
  count(collection: string): Promise<number>;
  /** Every document of a collection in _id order, read a page at a time. */
  dump(collection: string): AsyncIterable<RawDocument>;
  /** Inserts documents as dumped (a setting replaces one with the same key). */
  load(collection: string, docs: readonly RawDocument[]): Promise<void>;
  /** Deletes every document of a collection (but the one with _id `keep`, when given); returns how many. */
  clear(collection: string, keep?: string): Promise<number>;
}

export interface Store {
  readonly kind: StoreKind;
  /** Checks the store answers; never throws. */
  ping(): Promise<StoreHealth>;
  /** Small key/value settings (schema version, bootstrap state, …). */
  getSetting(key: string): Promise<JsonValue | undefined>;
  putSetting(key: string, value: JsonValue): Promise<void>;
  readonly units: UnitStore;
  readonly periods: PeriodStore;
  readonly imports: ImportStore;
  readonly observations: ObservationStore;
  readonly responses: ResponseStore;
  readonly evaluations: EvaluationStore;
  readonly users: UserStore;
  readonly audit: AuditStore;
  readonly sessions: SessionStore;
  readonly jobs: JobStore;
  readonly definitionDrafts: DefinitionDraftStore;
  readonly selfEvaluations: SelfEvaluationStore;
  readonly catalogue: CatalogueStore;
  /** Raw documents, for backup and restore only. */
  readonly raw: RawDocumentStore;
  /**
   * Fails the pending batches whose importing process is gone and deletes their rows; returns
   * them. Adapters call it when they open.
   */
  recoverInterruptedImports(): Promise<ImportBatch[]>;
  /**
   * Removes the results an interrupted evaluation run wrote without its evaluation document, and
   * any draft without results; returns what it removed. Adapters call it when they open.
   */
  recoverInterruptedEvaluations(): Promise<EvaluationRecovery>;
  /** What recoverInterruptedEvaluations() removed when this store was opened (for the start-up log). */
  readonly evaluationsRecoveredAtOpen: EvaluationRecovery;
  close(): Promise<void>;
}
