/**
 * Catalogue versions: the indicator, dimension and framework definitions as one immutable, complete
 * snapshot, numbered 1, 2, … Every change to the definitions (the seed folder at start, a
 * publication in the app, a folder imported with the CLI) appends a new version; none is ever
 * changed, so an evaluation made with an older framework version can always find its definitions.
 *
 * @example { version: 2, files: [{ file: 'coverage/dimension.json', text: '{…}' }], origin: 'app', basedOn: 1, … }
 */
import { createHash } from 'node:crypto';
import type { Bilingual } from './bilingual.js';

export const CATALOGUE_ORIGINS = ['seed', 'app', 'folder'] as const;
/** seed: the repository's indicators/ folder at start; app: published in the app; folder: `indicators publish-folder`. */
export type CatalogueOrigin = (typeof CATALOGUE_ORIGINS)[number];

export const DEFINITION_KINDS = ['indicator', 'dimension', 'framework'] as const;
export type DefinitionKind = (typeof DEFINITION_KINDS)[number];

export const CHANGE_KINDS = ['added', 'changed', 'removed'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** A relative path of segments made of letters, digits, "_", "-" and "." (no segment "." or ".."), ending in .json. */
export const DEFINITION_PATH_PATTERN =
  '^(?!.*(^|/)\\.{1,2}(/|$))[\\p{L}\\p{N}_.-]+(/[\\p{L}\\p{N}_.-]+)*\\.json$';

/** One definition file: its "/"-separated path relative to the catalogue's root, and its exact text. */
export interface CatalogueFile {
  readonly file: string;
  readonly text: string;
}

/** What a version changed in one file, with the definition's kind, id and `version` field when its JSON says. */
export interface CatalogueChange {
  readonly file: string;
  readonly change: ChangeKind;
  readonly kind?: DefinitionKind;
  readonly id?: string;
  /** The definition's `version` field before the change (changed, removed). */
  readonly from?: string;
  /** The definition's `version` field after the change (added, changed). */
  readonly to?: string;
}

export type CatalogueReason = string | Bilingual;

/** A version as listed: everything but the files. */
export interface CatalogueVersionSummary {
  readonly version: number;
  /** catalogueSha256 of the files. */
  readonly sha256: string;
  readonly fileCount: number;
  readonly reason: CatalogueReason;
  readonly actor: string;
  readonly createdAt: string;
  /** The version this one was made from (null for the first). */
  readonly basedOn: number | null;
  readonly origin: CatalogueOrigin;
  readonly changes: readonly CatalogueChange[];
}

export interface CatalogueVersion extends CatalogueVersionSummary {
  /** Sorted by path. */
  readonly files: readonly CatalogueFile[];
}

/** What the store's append takes; it adds sha256, fileCount and createdAt. */
export interface NewCatalogueVersion {
  readonly version: number;
  readonly files: readonly CatalogueFile[];
  readonly reason: CatalogueReason;
  readonly actor: string;
  readonly basedOn: number | null;
  readonly origin: CatalogueOrigin;
  readonly changes: readonly CatalogueChange[];
}

/**
 * The fingerprint of a set of files, whatever their order: SHA-256 over each file's path and text
 * (sorted by path), each preceded by its length so no two sets share a fingerprint by concatenation.
 */
export function catalogueSha256(files: readonly CatalogueFile[]): string {
  const hash = createHash('sha256');
  for (const { file, text } of [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const name = Buffer.from(file, 'utf8');
    const body = Buffer.from(text, 'utf8');
    hash.update(`${name.length}:`).update(name).update(`${body.length}:`).update(body);
  }
  return hash.digest('hex');
}
