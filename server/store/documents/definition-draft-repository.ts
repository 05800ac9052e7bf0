/**
 * Definition drafts over the document port. The changed files travel as one JSON text field
 * (`changesJson`): definition texts hold any characters, and a string is stored alike by nedb and
 * FerretDB. Saving matches the owner in the same single-document write, so nobody else's save can
 * land on a draft.
 */
import { ForbiddenError, NotFoundError } from '../../errors.js';
import { nowIso } from '../models/common.js';
import {
  asDefinitionDraftChange,
  asNewDefinitionDraft,
  type DefinitionDraft,
  type DraftChange,
} from '../models/definition-draft.js';
import { newId } from '../models/ids.js';
import type { DefinitionDraftStore } from '../store.js';
import type { DocumentCollection, StoredDoc } from './document-database.js';

type DraftDoc = Omit<DefinitionDraft, 'id' | 'changes'> & {
  readonly _id: string;
  readonly changesJson: string;
};

function draftOf(stored: StoredDoc): DefinitionDraft {
  const doc = stored as unknown as DraftDoc;
  return {
    id: doc._id,
    owner: doc.owner,
    title: doc.title,
    basedOn: doc.basedOn,
    // Trusted: written below from a checked list.
    changes: JSON.parse(doc.changesJson) as DraftChange[],
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export class DefinitionDraftRepository implements DefinitionDraftStore {
  constructor(private readonly drafts: DocumentCollection) {}

  async create(input: unknown): Promise<DefinitionDraft> {
    const draft = asNewDefinitionDraft(input);
    const now = nowIso();
    const doc: DraftDoc = {
      _id: newId('dd'),
      owner: draft.owner,
      title: draft.title,
      basedOn: draft.basedOn,
      changesJson: JSON.stringify(draft.changes),
      createdAt: now,
      updatedAt: now,
    };
    await this.drafts.insertOne(doc);
    return draftOf(doc);
  }

  async get(id: string): Promise<DefinitionDraft | undefined> {
    const doc = await this.drafts.findOne({ _id: id });
    return doc === undefined ? undefined : draftOf(doc);
  }

  async listByOwner(owner: string): Promise<DefinitionDraft[]> {
    return (await this.drafts.find({ owner }, { sort: { updatedAt: -1 } })).map(draftOf);
  }

  async save(id: string, owner: string, change: unknown): Promise<DefinitionDraft> {
    const checked = asDefinitionDraftChange(change);
    const set: Record<string, unknown> = { updatedAt: nowIso() };
    if (checked.title !== undefined) set.title = checked.title;
    if (checked.basedOn !== undefined) set.basedOn = checked.basedOn;
    if (checked.changes !== undefined) set.changesJson = JSON.stringify(checked.changes);
    if (!(await this.drafts.updateOne({ _id: id, owner }, set))) {
      const existing = await this.drafts.findOne({ _id: id });
      if (existing === undefined) throw new NotFoundError(`no definition draft ${id}`);
      throw new ForbiddenError(`只有草稿的作者可以修改它; only its owner may change the draft ${id}`);
    }
    const saved = await this.get(id);
    if (saved === undefined) throw new NotFoundError(`no definition draft ${id}`);
    return saved;
  }

  async delete(id: string): Promise<DefinitionDraft> {
    const existing = await this.get(id);
    if (existing === undefined) throw new NotFoundError(`no definition draft ${id}`);
    await this.drafts.deleteMany({ _id: id });
    return existing;
  }
}
