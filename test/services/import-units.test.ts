/**
 * The unit-register import use case: it needs data.import, stores the register all or nothing and
 * writes one audit event for whatever happened, naming the actor.
 */
import { expect } from 'chai';
import { ForbiddenError } from '../../server/errors.js';
import type { Actor } from '../../server/services/actor.js';
import { importUnits } from '../../server/services/import-units.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

const evaluator: Actor = { name: 'zhao', role: 'evaluator', userId: null };
const register = (text: string) => ({ file: { fileName: 'units.csv', bytes: Buffer.from(text) } });

describe('import a unit register (use case)', () => {
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  beforeEach(async () => {
    temp = await tempEmbeddedStore();
  });
  afterEach(async () => {
    await temp.dispose();
  });

  it('refuses a viewer and a researcher, storing no batch and no audit event', async () => {
    for (const role of ['viewer', 'researcher'] as const) {
      const actor: Actor = { name: role, role, userId: null };
      const error = await importUnits(
        temp,
        actor,
        register('code,name,level,parent\r\nD1,东区,district,\r\n'),
      ).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(ForbiddenError);
    }
    expect(await temp.store.imports.list()).to.deep.equal([]);
    expect(await temp.store.audit.list()).to.deep.equal([]);
  });

  it('commits a good register and audits import.commit with the file, kind and counts', async () => {
    const result = await importUnits(
      temp,
      evaluator,
      register('code,name,level,parent\r\nD1,东区,district,\r\n'),
    );
    expect(result.outcome).to.equal('committed');
    const [event] = await temp.store.audit.list();
    expect([event!.action, event!.actor, event!.target]).to.deep.equal([
      'import.commit',
      'zhao',
      result.batch.id,
    ]);
    expect(event!.detail).to.deep.include({ fileName: 'units.csv', kind: 'units', period: null });
  });

  it('audits a register with bad rows as import.fail and the same file again as import.duplicate', async () => {
    const bad = await importUnits(temp, evaluator, register('code,name,level,parent\r\nD1,东区,planet,\r\n'));
    expect(bad.outcome).to.equal('failed');
    const good = register('code,name,level,parent\r\nD1,东区,district,\r\n');
    await importUnits(temp, evaluator, good);
    const again = await importUnits(temp, evaluator, good);
    expect(again.outcome).to.equal('duplicate');
    const actions = (await temp.store.audit.list()).map((e) => e.action).reverse();
    expect(actions).to.deep.equal(['import.fail', 'import.commit', 'import.duplicate']);
  });
});
