/**
 * The observations import use case: it needs data.import, checks every row against the declared
 * variables, and audits the outcome with the declared period.
 */
import { expect } from 'chai';
import { ForbiddenError } from '../../server/errors.js';
import type { IntakeVariable } from '../../server/intake/intake-variable.js';
import type { Actor } from '../../server/services/actor.js';
import { importObservations } from '../../server/services/import-observations.js';
import { importUnits } from '../../server/services/import-units.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

const evaluator: Actor = { name: 'zhao', role: 'evaluator', userId: null };
const variables: IntakeVariable[] = [
  {
    name: 'households',
    type: 'integer',
    minimum: 0,
    label: { zh: '户数', en: 'Households' },
    unit: { zh: '户', en: 'households' },
  },
];

describe('import observations (use case)', () => {
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  before(async () => {
    temp = await tempEmbeddedStore();
    await importUnits(temp, evaluator, {
      file: {
        fileName: 'units.csv',
        bytes: Buffer.from('code,name,level,parent\r\nA,车站社区,community,\r\n'),
      },
    });
  });
  after(async () => {
    await temp.dispose();
  });

  const file = { fileName: 'data.csv', bytes: Buffer.from('unit_code,households\nA,300\n') };

  it('refuses a researcher, who may read data but not import it', async () => {
    const researcher: Actor = { name: 'qian', role: 'researcher', userId: null };
    const error = await importObservations(temp, researcher, { file, variables, period: '2025' }).catch(
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(ForbiddenError);
    expect(await temp.store.imports.list({ kind: 'observations' })).to.deep.equal([]);
  });

  it('commits the rows for the declared period and audits import.commit with that period', async () => {
    const result = await importObservations(temp, evaluator, { file, variables, period: '2025' });
    expect([result.outcome, result.batch.counts.stored]).to.deep.equal(['committed', 1]);
    const [event] = await temp.store.audit.list({ action: 'import.commit', target: result.batch.id });
    expect(event!.detail).to.deep.include({ fileName: 'data.csv', kind: 'observations', period: '2025' });
  });
});
