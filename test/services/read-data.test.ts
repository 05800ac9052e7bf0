/**
 * Reading units and observations: an actor with a unit scope sees only their subtrees, and a unit
 * outside it is the NotFoundError of a unit that does not exist; raw values need data.read.
 */
import { expect } from 'chai';
import { ForbiddenError, NotFoundError } from '../../server/errors.js';
import type { IntakeVariable } from '../../server/intake/intake-variable.js';
import type { Actor } from '../../server/services/actor.js';
import { importObservations } from '../../server/services/import-observations.js';
import { importUnits } from '../../server/services/import-units.js';
import { observationHistory, observationsOf, unitOf, unitsOf } from '../../server/services/read-data.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

const REGISTER = [
  'code,name,level,parent',
  'C1,城,city,',
  'D1,东区,district,C1',
  'D2,西区,district,C1',
  'A1,甲社区,community,D1',
  'B1,乙社区,community,D2',
].join('\r\n');

const variables: IntakeVariable[] = [
  {
    name: 'households',
    type: 'integer',
    minimum: 0,
    label: { zh: '户数', en: 'Households' },
    unit: { zh: '户', en: 'households' },
  },
];

describe('read units and observations (use case)', () => {
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  const admin: Actor = { name: 'root', role: 'admin', userId: null };
  const scoped: Actor = { name: 'li', role: 'researcher', userId: null, unitScope: ['D1'] };
  const page = { limit: 100, offset: 0 };

  before(async () => {
    temp = await tempEmbeddedStore();
    await importUnits(temp, admin, { file: { fileName: 'units.csv', bytes: Buffer.from(REGISTER) } });
    const data = Buffer.from('unit_code,households\nA1,300\nB1,400\n');
    await importObservations(temp, admin, {
      file: { fileName: 'd.csv', bytes: data },
      variables,
      period: '2025',
    });
  });
  after(async () => {
    await temp.dispose();
  });

  it('gives an unscoped actor every unit, and a scoped one only their subtree', async () => {
    expect((await unitsOf(temp, admin, {}, page)).units.map((u) => u.code)).to.deep.equal([
      'A1',
      'B1',
      'C1',
      'D1',
      'D2',
    ]);
    expect((await unitsOf(temp, scoped, {}, page)).units.map((u) => u.code)).to.deep.equal(['A1', 'D1']);
  });

  it('answers a unit outside the scope like one that does not exist', async () => {
    expect((await unitOf(temp, scoped, 'A1')).code).to.equal('A1');
    expect(await unitOf(temp, scoped, 'B1').catch((e: unknown) => e)).to.be.instanceOf(NotFoundError);
    const history = await observationHistory(temp, scoped, 'B1', '2025').catch((e: unknown) => e);
    expect(history).to.be.instanceOf(NotFoundError);
  });

  it('keeps observations to the scope, and refuses them to a viewer', async () => {
    expect((await observationsOf(temp, scoped, { period: '2025' })).map((o) => o.unit)).to.deep.equal(['A1']);
    const viewer: Actor = { name: 'wu', role: 'viewer', userId: null };
    expect(await observationsOf(temp, viewer, { period: '2025' }).catch((e: unknown) => e)).to.be.instanceOf(
      ForbiddenError,
    );
  });
});
