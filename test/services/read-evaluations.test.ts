/**
 * Reading evaluations: a draft exists only for roles with drafts.read; to a viewer it is the same
 * NotFoundError as an unknown id, in the record, the list and the version line.
 */
import { expect } from 'chai';
import type { Evaluation } from '../../server/store/models/evaluation.js';
import { NotFoundError } from '../../server/errors.js';
import type { Actor } from '../../server/services/actor.js';
import {
  evaluationLine,
  evaluationsList,
  visibleEvaluation,
} from '../../server/services/read-evaluations.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

describe('read evaluations (use case)', () => {
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  let draft: Evaluation;
  const viewer: Actor = { name: 'li', role: 'viewer', userId: null };
  const researcher: Actor = { name: 'qian', role: 'researcher', userId: null };

  before(async () => {
    temp = await tempEmbeddedStore();
    draft = await temp.store.evaluations.create(
      {
        framework: { id: 'default', version: '1', hash: 'h', hashes: {}, definition: {} },
        methods: {},
        periods: ['2025'],
        dataFingerprint: 'fp',
        createdBy: 'test',
      },
      { results: 'stored with the draft' },
    );
  });
  after(async () => {
    await temp.dispose();
  });

  it('shows a draft to a researcher, in the record, the list and the line', async () => {
    expect((await visibleEvaluation(temp, researcher, draft.id)).id).to.equal(draft.id);
    expect((await evaluationsList(temp, researcher, { limit: 10 })).map((e) => e.id)).to.deep.equal([
      draft.id,
    ]);
    expect((await evaluationLine(temp, researcher, draft.id)).items.map((e) => e.id)).to.deep.equal([
      draft.id,
    ]);
  });

  it('hides a draft from a viewer as if it did not exist', async () => {
    const record = await visibleEvaluation(temp, viewer, draft.id).catch((e: unknown) => e);
    const line = await evaluationLine(temp, viewer, draft.id).catch((e: unknown) => e);
    expect(record).to.be.instanceOf(NotFoundError);
    expect(line).to.be.instanceOf(NotFoundError);
    expect(await evaluationsList(temp, viewer, { limit: 10 })).to.deep.equal([]);
    expect(await evaluationsList(temp, viewer, { limit: 10, status: 'draft' })).to.deep.equal([]);
  });
});
