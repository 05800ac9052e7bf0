/**
 * The list of batches waiting for a reviewer (issue 15): a street's official sees its own
 * communities' pending self-reported batches only; an unscoped evaluator sees every pending one.
 */
import { expect } from 'chai';
import type { DataSource } from '../../server/domain/data-source.js';
import { ForbiddenError } from '../../server/errors.js';
import type { IntakeVariable } from '../../server/intake/intake-variable.js';
import type { Actor } from '../../server/services/actor.js';
import { batchesToReview } from '../../server/services/batches-to-review.js';
import { importObservations } from '../../server/services/import-observations.js';
import { importUnits } from '../../server/services/import-units.js';
import { reviewBatch } from '../../server/services/review-batch.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

const admin: Actor = { name: 'admin', role: 'admin', userId: null };
const streetOne: Actor = { name: 'li', role: 'viewer', userId: 'u1', unitScope: ['D1S1'] };
const evaluator: Actor = { name: 'zhao', role: 'evaluator', userId: 'u5' };
const researcher: Actor = { name: 'gao', role: 'researcher', userId: 'u4' };
const variables: IntakeVariable[] = [
  {
    name: 'households',
    type: 'integer',
    minimum: 0,
    label: { zh: '户数', en: 'Households' },
    unit: { zh: '户', en: 'households' },
  },
];
const register = [
  'code,name,level,parent',
  'D1,东区,district,',
  'D1S1,一街道,street,D1',
  'D1S2,二街道,street,D1',
  'D1S1C1,甲社区,community,D1S1',
  'D1S1C2,乙社区,community,D1S1',
  'D1S2C1,丙社区,community,D1S2',
].join('\r\n');

describe('batches waiting for review (use case)', () => {
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  const ids: Record<string, string> = {};

  async function imported(name: string, csv: string, source: DataSource = 'self'): Promise<string> {
    const file = { fileName: `${name}.csv`, bytes: Buffer.from(`unit_code,households\n${csv}`) };
    const result = await importObservations(temp, admin, {
      file,
      variables,
      period: '2025',
      provenance: { source },
    });
    expect(result.outcome).to.equal('committed');
    ids[name] = result.batch.id;
    return result.batch.id;
  }

  before(async () => {
    temp = await tempEmbeddedStore();
    await importUnits(temp, admin, { file: { fileName: 'units.csv', bytes: Buffer.from(register) } });
    await imported('own-old', 'D1S1C1,300\n');
    await imported('own-new', 'D1S1C1,301\nD1S1C2,200\n');
    await imported('other-street', 'D1S2C1,120\n');
    await imported('street-sourced', 'D1S1C1,302\n', 'street');
    const reviewed = await imported('reviewed', 'D1S1C2,201\n');
    await reviewBatch(temp, streetOne, reviewed, { decision: 'confirmed' });
  });
  after(async () => {
    await temp.dispose();
  });

  it("shows a street's official its own communities' pending self-reported batches, newest first", async () => {
    const list = await batchesToReview(temp, streetOne, { limit: 10 });
    expect(list.map((w) => w.batch.fileName)).to.deep.equal(['own-new.csv', 'own-old.csv']);
    const [newest] = list;
    expect(newest?.unitCount).to.equal(2);
    expect(newest?.units.map((u) => [u.code, u.name?.zh])).to.deep.equal([
      ['D1S1C1', '甲社区'],
      ['D1S1C2', '乙社区'],
    ]);
    expect(newest?.batch.counts.rows).to.equal(2);
  });

  it('pages the list', async () => {
    const second = await batchesToReview(temp, streetOne, { limit: 1, offset: 1 });
    expect(second.map((w) => w.batch.fileName)).to.deep.equal(['own-old.csv']);
  });

  it('shows an unscoped evaluator every pending self-reported batch', async () => {
    const list = await batchesToReview(temp, evaluator, { limit: 10 });
    expect(list.map((w) => w.batch.fileName)).to.deep.equal([
      'other-street.csv',
      'own-new.csv',
      'own-old.csv',
    ]);
  });

  it('refuses whoever may not confirm data, auditing nothing', async () => {
    const before = (await temp.store.audit.list({})).length;
    const error = await batchesToReview(temp, researcher, { limit: 10 }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ForbiddenError);
    await batchesToReview(temp, evaluator, { limit: 10 });
    expect(await temp.store.audit.list({})).to.have.length(before);
  });
});
