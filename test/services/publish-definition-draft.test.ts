/**
 * Publishing a definition draft: the catalogue gains a version the registry serves at once, the
 * draft goes; nothing is published without a reason, with problems, or on a stale base.
 */
import { expect } from 'chai';
import { ConflictError, ValidationError } from '../../server/errors.js';
import type { Actor } from '../../server/services/actor.js';
import { createDefinitionDraft, saveDefinitionDraft } from '../../server/services/definition-drafts.js';
import { publishDefinitionDraft } from '../../server/services/publish-definition-draft.js';
import { createServices, type Services } from '../../server/services/services.js';
import { tempEmbeddedStore } from '../support/temp-store.js';
import { tinyCatalogue, tinyFramework } from './tiny-catalogue.js';

const qian: Actor = { name: 'qian', role: 'researcher', userId: null };

function reweighted(version: string): { file: string; text: string }[] {
  const indicators = [
    { id: 'x', weight: 1 },
    { id: 'y', weight: 4 },
  ];
  return [
    {
      file: 'frameworks/tiny.json',
      text: JSON.stringify(tinyFramework(version, [{ id: 'd', weight: 1 }], indicators)),
    },
  ];
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a refusal'),
    (error: unknown) => error,
  );
}

describe('publishing a definition draft (use case)', () => {
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  let services: Services;

  before(async () => {
    temp = await tempEmbeddedStore();
    services = createServices(temp.store, await tinyCatalogue(temp.store));
  });
  after(async () => {
    await temp.dispose();
  });

  it('refuses an empty reason and a draft with problems, publishing nothing', async () => {
    const draft = await createDefinitionDraft(services, qian, { title: 'x' });
    await saveDefinitionDraft(services, qian, draft.id, { changes: reweighted('1.0.0') });
    expect(await refusal(publishDefinitionDraft(services, qian, draft.id, '  '))).to.be.instanceOf(
      ValidationError,
    );
    expect(await refusal(publishDefinitionDraft(services, qian, draft.id, '改权重'))).to.be.instanceOf(
      ValidationError,
    );
    expect(services.catalogue.version()).to.equal(1);
  });

  it('publishes a clean draft as the next catalogue version, served at once, and deletes the draft', async () => {
    const stale = await createDefinitionDraft(services, qian, { title: 'stale' });
    await saveDefinitionDraft(services, qian, stale.id, { changes: reweighted('1.2.0') });
    const draft = await createDefinitionDraft(services, qian, { title: '改权重' });
    await saveDefinitionDraft(services, qian, draft.id, { changes: reweighted('1.1.0') });
    expect(await publishDefinitionDraft(services, qian, draft.id, '结果比过程更重要')).to.deep.equal({
      version: 2,
    });
    expect(services.registry.resolveFramework('tiny').definition.version).to.equal('1.1.0');
    expect(await temp.store.definitionDrafts.get(draft.id)).to.equal(undefined);
    const actions = (await temp.store.audit.list()).map((event) => event.action);
    expect(actions).to.include('definitions.publish');
    // A draft made on version 1 is now stale: refused, not merged over version 2.
    expect(await refusal(publishDefinitionDraft(services, qian, stale.id, '再改'))).to.be.instanceOf(
      ConflictError,
    );
    expect(services.catalogue.version()).to.equal(2);
  });
});
