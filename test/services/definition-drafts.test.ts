/**
 * The definition-draft use cases: who may see and change a draft, where its files start, and the
 * audit events they leave.
 */
import { expect } from 'chai';
import { ForbiddenError } from '../../server/errors.js';
import type { Actor } from '../../server/services/actor.js';
import { checkDefinitionDraft } from '../../server/services/check-definition-draft.js';
import {
  addDraftFile,
  createDefinitionDraft,
  deleteDefinitionDraft,
  listDefinitionDrafts,
  readDefinitionDraft,
  saveDefinitionDraft,
} from '../../server/services/definition-drafts.js';
import { createServices, type Services } from '../../server/services/services.js';
import { tempEmbeddedStore } from '../support/temp-store.js';
import { tinyCatalogue } from './tiny-catalogue.js';

const qian: Actor = { name: 'qian', role: 'researcher', userId: null };
const sun: Actor = { name: 'sun', role: 'researcher', userId: null };
const admin: Actor = { name: 'root', role: 'admin', userId: null };
const evaluator: Actor = { name: 'zhao', role: 'evaluator', userId: null };

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a refusal'),
    (error: unknown) => error,
  );
}

describe('definition drafts (use cases)', () => {
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  let services: Services;

  before(async () => {
    temp = await tempEmbeddedStore();
    services = createServices(temp.store, await tinyCatalogue(temp.store));
  });
  after(async () => {
    await temp.dispose();
  });

  it('starts a revision from the current JSON with the version raised one minor step', async () => {
    const draft = await createDefinitionDraft(services, qian, {
      title: '改权重',
      start: { kind: 'revise', target: 'framework', id: 'tiny' },
    });
    expect(draft.changes.map((change) => change.file)).to.deep.equal(['frameworks/tiny.json']);
    expect(JSON.parse(draft.changes[0]?.text ?? '{}')).to.include({ id: 'tiny', version: '1.1.0' });
  });

  it('adds a new dimension and an indicator in it to the same draft, which then checks clean', async () => {
    const draft = await createDefinitionDraft(services, qian, {
      title: '新维度',
      start: { kind: 'dimension', id: 'e' },
    });
    const added = await addDraftFile(services, qian, draft.id, {
      kind: 'indicator',
      dimension: 'e',
      id: 'z',
    });
    expect(added.changes.map((change) => change.file)).to.deep.equal(['e/dimension.json', 'e/z.json']);
    const { check, stale } = await checkDefinitionDraft(services, qian, draft.id);
    expect(check.problems).to.deep.equal([]);
    expect(stale).to.equal(false);
  });

  it('refuses a viewer and an evaluator', async () => {
    expect(await failure(listDefinitionDrafts(services, { ...evaluator }))).to.be.instanceOf(ForbiddenError);
    expect(
      await failure(
        createDefinitionDraft(services, { name: 'v', role: 'viewer', userId: null }, { title: 'x' }),
      ),
    ).to.be.instanceOf(ForbiddenError);
  });

  it('shows a draft to its owner and an admin only, and lets only the owner save it', async () => {
    const draft = await createDefinitionDraft(services, qian, { title: '我的' });
    expect((await readDefinitionDraft(services, admin, draft.id)).title).to.equal('我的');
    expect(await failure(readDefinitionDraft(services, sun, draft.id))).to.be.instanceOf(ForbiddenError);
    expect(await failure(saveDefinitionDraft(services, sun, draft.id, { title: '他的' }))).to.be.instanceOf(
      ForbiddenError,
    );
    expect((await listDefinitionDrafts(services, sun)).map((d) => d.id)).to.not.include(draft.id);
  });

  it('audits creating, saving and deleting, naming the files', async () => {
    const draft = await createDefinitionDraft(services, qian, {
      title: '审计',
      start: { kind: 'dimension', id: 'audited' },
    });
    await saveDefinitionDraft(services, qian, draft.id, {
      changes: [...draft.changes, { file: 'd/x.json', text: null }],
    });
    await deleteDefinitionDraft(services, admin, draft.id);
    const events = (await temp.store.audit.list()).filter((event) => event.target === draft.id);
    expect(
      events.map((event) => [event.action, event.actor, (event.detail as { files: string[] }).files]),
    ).to.have.deep.members([
      ['definitions.draft.create', 'qian', ['audited/dimension.json']],
      ['definitions.draft.save', 'qian', ['audited/dimension.json', '-d/x.json']],
      ['definitions.draft.delete', 'root', ['audited/dimension.json', '-d/x.json']],
    ]);
  });
});
