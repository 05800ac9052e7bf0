/**
 * Confirming and returning self-reported batches (issue 15): a street's evaluator reviews its own
 * communities' batches only; a returned batch is not used by the next evaluation; a confirmed batch
 * is locked and corrected by a new batch with a reason, audited on the batch it corrects.
 */
import { expect } from 'chai';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../server/errors.js';
import { loadEngineData } from '../../server/evaluation/engine-data.js';
import type { IntakeVariable } from '../../server/intake/intake-variable.js';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import { indicatorsDir } from '../../server/paths.js';
import type { Actor } from '../../server/services/actor.js';
import { importObservations } from '../../server/services/import-observations.js';
import { importUnits } from '../../server/services/import-units.js';
import { batchToReview, reviewBatch } from '../../server/services/review-batch.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

const admin: Actor = { name: 'admin', role: 'admin', userId: null };
// Unit scopes are for viewers: a street's or district's official is a viewer scoped to it.
const streetOne: Actor = { name: 'li', role: 'viewer', userId: 'u1', unitScope: ['D1S1'] };
const streetTwo: Actor = { name: 'wu', role: 'viewer', userId: 'u2', unitScope: ['D1S2'] };
const district: Actor = { name: 'he', role: 'viewer', userId: 'u3', unitScope: ['D1'] };
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

describe('review a self-reported batch (use case)', () => {
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  let n = 0;

  async function imported(csv: string, provenance = {}): Promise<string> {
    n += 1;
    const file = { fileName: `data-${n}.csv`, bytes: Buffer.from(`unit_code,households\n${csv}`) };
    const result = await importObservations(temp, admin, { file, variables, period: '2025', provenance });
    expect(result.outcome).to.equal('committed');
    return result.batch.id;
  }

  before(async () => {
    temp = await tempEmbeddedStore();
    await importUnits(temp, admin, { file: { fileName: 'units.csv', bytes: Buffer.from(register) } });
  });
  after(async () => {
    await temp.dispose();
  });

  it("refuses a street's official another street's batch, and a researcher any, auditing nothing", async () => {
    const id = await imported('D1S1C1,300\nD1S1C2,200\n');
    for (const actor of [streetTwo, researcher]) {
      const error = await reviewBatch(temp, actor, id, { decision: 'confirmed' }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(ForbiddenError);
    }
    // The district reviews its streets' figures, not its communities'.
    const error = await reviewBatch(temp, district, id, { decision: 'confirmed' }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ForbiddenError);
    expect((await temp.store.imports.get(id))?.review).to.equal(null);
    expect(await temp.store.audit.list({ action: 'batch.confirm' })).to.deep.equal([]);
    // Reading it to review: another street's batch reads as if it did not exist.
    expect(await batchToReview(temp, streetTwo, id).catch((e: unknown) => e)).to.be.instanceOf(NotFoundError);
    expect((await batchToReview(temp, streetOne, id)).batch.id).to.equal(id);
  });

  it('refuses to return a batch without a reason', async () => {
    const id = await imported('D1S1C1,301\n');
    const error = await reviewBatch(temp, streetOne, id, { decision: 'returned', reason: ' ' }).catch(
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(ValidationError);
  });

  it('leaves a batch returned by the street out of the next evaluation', async () => {
    const registry = await loadRegistry(indicatorsDir);
    const framework = registry.resolveFramework('default');
    const kept = await imported('D1S2C1,120\n');
    const sent = await imported('D1S2C1,999\n');
    await reviewBatch(temp, streetTwo, sent, { decision: 'returned', reason: '户数与台账不符' });
    const [event] = await temp.store.audit.list({ action: 'batch.return', target: sent });
    expect(event?.actor).to.equal('wu');
    const data = await loadEngineData(temp.store, framework, ['2025']);
    const row = data.baseUnits.findIndex((u) => u.code === 'D1S2C1');
    expect(data.periods[0]?.variables.get('households')?.[row]).to.equal(120);
    expect((await temp.store.observations.history('D1S2C1', '2025')).map((o) => o.batch)).to.include(kept);
  });

  it('locks a confirmed batch; a correction is a new batch that names it, audited on it', async () => {
    const id = await imported('D1S1C1,310\n');
    const confirmed = await reviewBatch(temp, streetOne, id, { decision: 'confirmed' });
    expect(confirmed.review?.by).to.equal('li');
    expect(await temp.store.audit.list({ action: 'batch.confirm', target: id })).to.have.length(1);
    for (const decision of ['confirmed', 'returned'] as const) {
      const again = await reviewBatch(temp, streetOne, id, { decision, reason: 'again' }).catch(
        (e: unknown) => e,
      );
      expect(again).to.be.instanceOf(ConflictError);
    }
    const fix = await imported('D1S1C1,305\n', { corrects: id, correctionReason: '重复计入5户' });
    const correction = await temp.store.imports.get(fix);
    expect([correction?.corrects, correction?.correctionReason]).to.deep.equal([id, '重复计入5户']);
    const [event] = await temp.store.audit.list({ action: 'batch.correct', target: id });
    expect(event?.detail).to.deep.equal({ correction: fix, reason: '重复计入5户' });
    expect((await temp.store.imports.get(id))?.review?.decision).to.equal('confirmed');
  });

  it('lets an evaluator (who has no unit scope) review any batch', async () => {
    const id = await imported('D1S2C1,121\n');
    const evaluator: Actor = { name: 'zhao', role: 'evaluator', userId: 'u5' };
    const reviewed = await reviewBatch(temp, evaluator, id, { decision: 'confirmed' });
    expect(reviewed.review?.decision).to.equal('confirmed');
  });
});
