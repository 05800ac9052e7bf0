/**
 * Store contract, periods: ids such as 2025 or 2025Q3 with labels and first and last days.
 */
import { expect } from 'chai';
import { ValidationError } from '../../server/errors.js';
import type { FreshLocation } from '../support/store-location.js';
import { pathsOf, rejection, storePerSuite } from './contract-helpers.js';

export function periodsContract(fresh: FreshLocation): void {
  describe('periods', () => {
    const store = storePerSuite(fresh);

    it('creates a quarter from its id with its first and last day', async () => {
      const period = await store.current().periods.ensure('2025Q3');
      expect(period).to.deep.equal({
        id: '2025Q3',
        label: { zh: '2025年第3季度', en: '2025 Q3' },
        start: '2025-07-01',
        end: '2025-09-30',
      });
      expect(await store.current().periods.get('2025Q3')).to.deep.equal(period);
    });

    it('keeps a period that was put with its own label', async () => {
      const custom = {
        id: '2024',
        label: { zh: '二〇二四年度', en: 'Year 2024' },
        start: '2024-01-01',
        end: '2024-12-31',
      };
      await store.current().periods.put(custom);
      expect(await store.current().periods.ensure('2024')).to.deep.equal(custom);
    });

    it('lists periods earliest first', async () => {
      await store.current().periods.ensure('2025');
      const ids = (await store.current().periods.list()).map((p) => p.id);
      expect(ids).to.deep.equal(['2024', '2025', '2025Q3']);
    });

    it('rejects a period id it cannot read', async () => {
      expect(await rejection(store.current().periods.ensure('2025Q5'))).to.be.instanceOf(ValidationError);
    });

    it('rejects an impossible date', async () => {
      const bad = { id: '2023', label: { zh: '2023年', en: '2023' }, start: '2023-02-30', end: '2023-12-31' };
      const error = await rejection(store.current().periods.put(bad));
      expect(pathsOf(error)).to.deep.equal(['period/start']);
    });
  });
}
