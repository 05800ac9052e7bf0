/**
 * The Store, assembled from the repositories over one DocumentDatabase. The adapters (embedded/,
 * mongo/) only choose the database and the recovery policy.
 */
import type {
  AuditStore,
  DefinitionDraftStore,
  CatalogueStore,
  EvaluationRecovery,
  EvaluationStore,
  ImportStore,
  JobStore,
  SelfEvaluationStore,
  JsonValue,
  ObservationStore,
  PeriodStore,
  RawDocumentStore,
  ResponseStore,
  SessionStore,
  Store,
  StoreHealth,
  StoreKind,
  UnitStore,
  UserStore,
} from '../store.js';
import type { ImportBatch } from '../models/import-batch.js';
import { AuditRepository } from './audit-repository.js';
import type { RecoveryPolicy } from './batch-recovery.js';
import { CatalogueRepository } from './catalogue-repository.js';
import { BlobChunks } from './blob-chunks.js';
import type { DocumentDatabase } from './document-database.js';
import { DefinitionDraftRepository } from './definition-draft-repository.js';
import { EvaluationRepository } from './evaluation-repository.js';
import { ImportRepository } from './import-repository.js';
import { JobRepository } from './job-repository.js';
import { ObservationRepository } from './observation-repository.js';
import { PeriodRepository } from './period-repository.js';
import { RawDocuments } from './raw-documents.js';
import { ResponseRepository } from './response-repository.js';
import { SessionRepository } from './session-repository.js';
import { SettingsRepository } from './settings-repository.js';
import { UnitRepository } from './unit-repository.js';
import { UserRepository } from './user-repository.js';
import { SelfEvaluationRepository } from './self-evaluation-repository.js';

export class DocumentStore implements Store {
  readonly units: UnitStore;
  readonly periods: PeriodStore;
  readonly imports: ImportStore;
  readonly observations: ObservationStore;
  readonly responses: ResponseStore;
  readonly evaluations: EvaluationStore;
  evaluationsRecoveredAtOpen: EvaluationRecovery = { removedDrafts: [], orphanedResults: [] };
  readonly users: UserStore;
  readonly audit: AuditStore;
  readonly sessions: SessionStore;
  readonly jobs: JobStore;
  readonly definitionDrafts: DefinitionDraftStore;
  readonly selfEvaluations: SelfEvaluationStore;
  readonly catalogue: CatalogueStore;
  readonly raw: RawDocumentStore;
  private readonly settings: SettingsRepository;
  private readonly importRepository: ImportRepository;
  private readonly evaluationRepository: EvaluationRepository;

  /**
   * `orphanAfterMs`: results without an evaluation are removed once they are this old (0 where
   * the store has one process, such as the embedded store's locked directory).
   */
  constructor(
    readonly kind: StoreKind,
    private readonly db: DocumentDatabase,
    private readonly recoveryPolicy: RecoveryPolicy,
    private readonly orphanAfterMs: number,
  ) {
    const blobs = new BlobChunks(db.collection('blobChunks'));
    const periods = new PeriodRepository(db.collection('periods'));
    this.settings = new SettingsRepository(db.collection('settings'));
    this.periods = periods;
    this.importRepository = new ImportRepository(db, blobs, periods);
    this.imports = this.importRepository;
    this.units = new UnitRepository(db.collection('unitChunks'), db.collection('importBatches'));
    this.observations = new ObservationRepository(
      db.collection('observationChunks'),
      db.collection('importBatches'),
    );
    this.responses = new ResponseRepository(db.collection('responseChunks'), db.collection('importBatches'));
    this.evaluationRepository = new EvaluationRepository(db.collection('evaluations'), blobs);
    this.evaluations = this.evaluationRepository;
    this.users = new UserRepository(db.collection('users'));
    this.audit = new AuditRepository(db.collection('auditEvents'));
    this.sessions = new SessionRepository(db.collection('sessions'));
    this.jobs = new JobRepository(db.collection('jobs'));
    this.definitionDrafts = new DefinitionDraftRepository(db.collection('definitionDrafts'));
    this.selfEvaluations = new SelfEvaluationRepository(db.collection('selfEvaluations'));
    this.catalogue = new CatalogueRepository(db.collection('catalogueVersions'));
    this.raw = new RawDocuments(db);
  }

  async ping(): Promise<StoreHealth> {
    const started = performance.now();
    try {
      await this.db.ping();
      return { kind: this.kind, status: 'ok', latencyMs: performance.now() - started };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { kind: this.kind, status: 'down', latencyMs: performance.now() - started, error: message };
    }
  }

  getSetting(key: string): Promise<JsonValue | undefined> {
    return this.settings.get(key);
  }

  putSetting(key: string, value: JsonValue): Promise<void> {
    return this.settings.put(key, value);
  }

  recoverInterruptedImports(): Promise<ImportBatch[]> {
    return this.importRepository.recover(this.recoveryPolicy);
  }

  recoverInterruptedEvaluations(): Promise<EvaluationRecovery> {
    return this.evaluationRepository.recover(this.orphanAfterMs);
  }

  /** Runs both recoveries, as the adapters do when they open. */
  protected async recoverAtOpen(): Promise<void> {
    await this.recoverInterruptedImports();
    this.evaluationsRecoveredAtOpen = await this.recoverInterruptedEvaluations();
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
