/**
 * Reading import batches needs data.read, for the pages and the API alike; an unknown batch or
 * report is a NotFoundError.
 */
import { expect } from 'chai';
import { ForbiddenError, NotFoundError } from '../../server/errors.js';
import type { Actor } from '../../server/services/actor.js';
import { importBatch, importBatches, importReport } from '../../server/services/import-batches.js';
import { importUnits } from '../../server/services/import-units.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

describe('read import batches (use case)', () => {
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  let batchId = '';
  const researcher: Actor = { name: 'qian', role: 'researcher', userId: null };

  before(async () => {
    temp = await tempEmbeddedStore();
    const evaluator: Actor = { name: 'zhao', role: 'evaluator', userId: null };
    const file = {
      fileName: 'units.csv',
      bytes: Buffer.from('code,name,level,parent\r\nD1,东区,district,\r\n'),
    };
    batchId = (await importUnits(temp, evaluator, { file })).batch.id;
  });
  after(async () => {
    await temp.dispose();
  });

  it('refuses a viewer, who reads published reports only', async () => {
    const viewer: Actor = { name: 'li', role: 'viewer', userId: null };
    const error = await importBatches(temp, viewer, { limit: 10 }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ForbiddenError);
  });

  it('lists and reads a batch for a researcher', async () => {
    expect((await importBatches(temp, researcher, { limit: 10 })).map((b) => b.id)).to.deep.equal([batchId]);
    expect((await importBatch(temp, researcher, batchId)).batch.fileName).to.equal('units.csv');
  });

  it('answers NotFoundError for an unknown batch and its report', async () => {
    expect(await importBatch(temp, researcher, 'imp_none').catch((e: unknown) => e)).to.be.instanceOf(
      NotFoundError,
    );
    const report = await importReport(temp, researcher, 'imp_none').catch((e: unknown) => e);
    expect(report).to.be.instanceOf(NotFoundError);
  });
});
