/**
 * Self-evaluations over the document port, in their own collection. There is no "list all": a
 * reader gets its own (by owner id) or one by id and owner together, so a wrong owner reads the
 * same "not there" as an id that never existed.
 */
import { nowIso } from '../models/common.js';
import { newId } from '../models/ids.js';
import { asNewSelfEvaluation, type SelfEvaluation } from '../models/self-evaluation.js';
import type { SelfEvaluationStore } from '../store.js';
import { assertStorableJson } from '../validation/safe-json.js';
import type { DocumentCollection, StoredDoc } from './document-database.js';

type SelfEvaluationDoc = Omit<SelfEvaluation, 'id'> & { readonly _id: string };

function selfEvaluationOf(stored: StoredDoc): SelfEvaluation {
  const { _id, ...rest } = stored as unknown as SelfEvaluationDoc;
  return { id: _id, ...rest };
}

export class SelfEvaluationRepository implements SelfEvaluationStore {
  constructor(private readonly docs: DocumentCollection) {}

  async create(input: unknown): Promise<SelfEvaluation> {
    const valid = asNewSelfEvaluation(input);
    assertStorableJson(valid, 'self-evaluation');
    const doc: SelfEvaluationDoc = {
      _id: newId('self'),
      ownerId: valid.ownerId,
      ownerLogin: valid.ownerLogin,
      unit: valid.unit,
      framework: valid.framework,
      periods: valid.periods,
      methods: valid.methods,
      notes: valid.notes,
      standing: valid.standing,
      createdAt: nowIso(),
    };
    await this.docs.insertOne(doc);
    return selfEvaluationOf(doc);
  }

  async getOwned(id: string, ownerId: string): Promise<SelfEvaluation | undefined> {
    const doc = await this.docs.findOne({ _id: id, ownerId });
    return doc === undefined ? undefined : selfEvaluationOf(doc);
  }

  async listOwned(ownerId: string): Promise<SelfEvaluation[]> {
    return (await this.docs.find({ ownerId }, { sort: { createdAt: -1, _id: -1 } })).map(selfEvaluationOf);
  }
}
