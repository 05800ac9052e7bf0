/**
 * Catalogue versions over the document port: one document per version, append-only. The files
 * travel packed (gzip + base64: the repository's 400 KB of definitions take about a fifth of that)
 * and the changes and reason as JSON text, since the port keeps no arrays of sub-documents. The
 * version number is unique (the _id and a unique index), so of two writers of the same number the
 * second gets a ConflictError.
 */
import { ConflictError, NotFoundError } from '../../errors.js';
import {
  catalogueSha256,
  type CatalogueChange,
  type CatalogueFile,
  type CatalogueReason,
  type CatalogueVersion,
  type CatalogueVersionSummary,
} from '../../domain/catalogue.js';
import { nowIso } from '../models/common.js';
import { asNewCatalogueVersion } from '../models/catalogue-version.js';
import type { CatalogueStore } from '../store.js';
import { DuplicateKeyError, type DocumentCollection, type StoredDoc } from './document-database.js';
import { packJson, unpackJson } from './packed-json.js';

interface CatalogueDoc {
  readonly _id: string;
  readonly version: number;
  readonly sha256: string;
  readonly fileCount: number;
  readonly reasonJson: string;
  readonly actor: string;
  readonly createdAt: string;
  readonly basedOn: number | null;
  readonly origin: CatalogueVersionSummary['origin'];
  readonly changesJson: string;
  /** packJson of the files. */
  readonly files: string;
}

const SUMMARY_FIELDS = [
  'version',
  'sha256',
  'fileCount',
  'reasonJson',
  'actor',
  'createdAt',
  'basedOn',
  'origin',
  'changesJson',
] as const;

/** _ids sort as the versions do (backups dump in _id order). */
function idOf(version: number): string {
  return `v${String(version).padStart(9, '0')}`;
}

function summaryOf(stored: StoredDoc): CatalogueVersionSummary {
  const doc = stored as unknown as CatalogueDoc;
  return {
    version: doc.version,
    sha256: doc.sha256,
    fileCount: doc.fileCount,
    reason: JSON.parse(doc.reasonJson) as CatalogueReason,
    actor: doc.actor,
    createdAt: doc.createdAt,
    basedOn: doc.basedOn,
    origin: doc.origin,
    changes: JSON.parse(doc.changesJson) as CatalogueChange[],
  };
}

async function versionOf(stored: StoredDoc): Promise<CatalogueVersion> {
  const files = (await unpackJson((stored as unknown as CatalogueDoc).files)) as unknown as CatalogueFile[];
  return { ...summaryOf(stored), files };
}

function taken(version: number, latest: number): ConflictError {
  return new ConflictError({
    zh: `目录版本 ${version} 已被他人先行发布；当前版本为 ${latest}，请基于它重新发布`,
    en: `catalogue version ${version} was taken by another publication; the current version is ${latest}: publish again based on it`,
  });
}

export class CatalogueRepository implements CatalogueStore {
  constructor(private readonly versions: DocumentCollection) {}

  async latest(): Promise<CatalogueVersion | undefined> {
    const [doc] = await this.versions.find({}, { sort: { version: -1 }, limit: 1 });
    return doc === undefined ? undefined : versionOf(doc);
  }

  async latestNumber(): Promise<number> {
    const [doc] = await this.versions.find({}, { sort: { version: -1 }, limit: 1, fields: ['version'] });
    return doc === undefined ? 0 : (doc as unknown as CatalogueDoc).version;
  }

  async get(version: number): Promise<CatalogueVersion | undefined> {
    if (!Number.isSafeInteger(version) || version < 1) return undefined;
    const doc = await this.versions.findOne({ _id: idOf(version) });
    return doc === undefined ? undefined : versionOf(doc);
  }

  async list(): Promise<CatalogueVersionSummary[]> {
    const docs = await this.versions.find({}, { sort: { version: -1 }, fields: SUMMARY_FIELDS });
    return docs.map(summaryOf);
  }

  async append(input: unknown): Promise<CatalogueVersion> {
    const next = asNewCatalogueVersion(input);
    const current = await this.latestNumber();
    if (next.version !== current + 1) {
      throw next.version <= current
        ? taken(next.version, current)
        : new ConflictError(
            `catalogue version ${next.version} would leave a gap: the current version is ${current}, so the next is ${current + 1}`,
          );
    }
    const files = next.files.map(({ file, text }) => ({ file, text }));
    const doc: CatalogueDoc = {
      _id: idOf(next.version),
      version: next.version,
      sha256: catalogueSha256(files),
      fileCount: files.length,
      reasonJson: JSON.stringify(next.reason),
      actor: next.actor,
      createdAt: nowIso(),
      basedOn: next.basedOn,
      origin: next.origin,
      changesJson: JSON.stringify(next.changes),
      files: (await packJson(files)).data,
    };
    try {
      await this.versions.insertOne(doc);
    } catch (error) {
      if (error instanceof DuplicateKeyError) throw taken(next.version, next.version);
      throw error;
    }
    const stored = await this.get(next.version);
    if (stored === undefined)
      throw new NotFoundError(`catalogue version ${next.version} vanished after it was stored`);
    return stored;
  }
}
