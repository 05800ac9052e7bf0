/**
 * The collections of the store and the indexes each needs. Both adapters create exactly these,
 * so the contract suite exercises the same shapes. Names are also nedb file names (NAME.db).
 */
import type { IndexSpec } from './document-database.js';

export const COLLECTIONS = {
  settings: [],
  counters: [],
  periods: [],
  unitChunks: [{ field: 'batch' }, { field: 'codes' }],
  importBatches: [{ field: 'status' }, { field: 'dedupeKey' }, { field: 'createdAt' }],
  /** One document per committed file, _id = the batch's dedupeKey (see commit-claims.ts). */
  importClaims: [],
  observationChunks: [{ field: 'batch' }, { field: 'period' }, { field: 'units' }],
  /** Survey respondents, packed by batch and period (response-chunks.ts). */
  responseChunks: [{ field: 'batch' }, { field: 'period' }],
  blobChunks: [{ field: 'owner' }],
  // One document per version of a line ("<lineage>@<version>"): two rival new versions of the same
  // evaluation cannot both be stored. Sparse: evaluations stored before it existed lack the field.
  evaluations: [
    { field: 'createdAt' },
    { field: 'status' },
    { field: 'lineage' },
    { field: 'lineVersion', unique: true, sparse: true },
  ],
  users: [{ field: 'loginKey', unique: true }],
  auditEvents: [{ field: 'at' }, { field: 'actor' }],
  sessions: [{ field: 'tokenHash', unique: true }, { field: 'userId' }],
  jobs: [{ field: 'owner' }, { field: 'status' }, { field: 'startedAt' }],
  definitionDrafts: [{ field: 'owner' }],
  /** Private to their owner (server/store/models/self-evaluation.ts). */
  selfEvaluations: [{ field: 'ownerId' }],
  // One document per catalogue version; of two writers of the same number, one wins.
  catalogueVersions: [{ field: 'version', unique: true }],
} as const satisfies Record<string, readonly IndexSpec[]>;

export type CollectionName = keyof typeof COLLECTIONS;
