/**
 * A researcher's draft of changes to the indicator catalogue: definition files added, revised or
 * removed (text null), all based on one catalogue version. Kept in the store until it is published
 * or deleted, so a researcher can come back to it; only its owner changes it.
 */

/** One file of the catalogue as the draft would have it; `text: null` removes the file. */
export interface DraftChange {
  /** The file's path in the catalogue, "/"-separated (e.g. "coverage/dimension.json"). */
  readonly file: string;
  readonly text: string | null;
}

export interface DefinitionDraft {
  readonly id: string;
  /** The login of the researcher who made it. */
  readonly owner: string;
  readonly title: string;
  /** The catalogue version the changes are made against. */
  readonly basedOn: number;
  readonly changes: readonly DraftChange[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What a new draft needs; the store adds the id and the times. */
export type NewDefinitionDraft = Pick<DefinitionDraft, 'owner' | 'title' | 'basedOn' | 'changes'>;

/** What saving may change. */
export type DefinitionDraftChange = Partial<Pick<DefinitionDraft, 'title' | 'basedOn' | 'changes'>>;

/** A definition file's path: folders and a name of letters, digits, "-" and "_", ending in .json. */
export const DRAFT_FILE_PATTERN =
  '^([A-Za-z0-9][A-Za-z0-9_-]{0,63}/){0,3}[A-Za-z0-9][A-Za-z0-9_.-]{0,63}\\.json$';
/** The most files one draft may change, and the longest text of one file. */
export const DRAFT_MAX_FILES = 60;
export const DRAFT_MAX_TEXT = 200_000;
