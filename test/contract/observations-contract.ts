/**
 * Store contract, observations: only committed batches are seen; per unit and period the latest
 * committed batch wins, and every committed version stays in the history.
 */
import { expect } from 'chai';
import type { FreshLocation } from '../support/store-location.js';
import { syntheticRows } from '../support/synthetic-observations.js';
import { importObservations, shaOf, storePerSuite } from './contract-helpers.js';

export function observationsContract(fresh: FreshLocation): void {
  describe('observations', () => {
    const store = storePerSuite(fresh);
    let firstBatch = '';

    before(async () => {
      const result = await importObservations(store.current(), '2025', [
        { unit: 'A', period: '2025', values: { households: 300, grid_workers: 2, share: 0.125 } },
        { unit: 'B', period: '2025', values: { households: 120 } },
        { unit: 'C', period: '2025', values: {} },
      ]);
      firstBatch = result.batch.id;
      await importObservations(store.current(), '2024', [
        { unit: 'A', period: '2024', values: { households: 280 } },
      ]);
    });

    it('reads back every value of a committed batch, an empty cell staying missing', async () => {
      const current = await store.current().observations.current({ period: '2025' });
      expect(current.map((o) => [o.unit, o.values])).to.deep.equal([
        ['A', { households: 300, grid_workers: 2, share: 0.125 }],
        ['B', { households: 120 }],
        ['C', {}],
      ]);
      expect(current.every((o) => o.batch === firstBatch && o.period === '2025')).to.equal(true);
    });

    it('reads only the units asked for', async () => {
      const current = await store.current().observations.current({ period: '2025', units: ['B', 'Z'] });
      expect(current.map((o) => o.unit)).to.deep.equal(['B']);
    });

    it('shows nothing of a batch until it commits', async () => {
      const imports = store.current().imports;
      const batch = await imports.begin({
        kind: 'observations',
        actor: 't',
        fileName: 'late.csv',
        sha256: shaOf('late'),
        period: '2025',
        periods: ['2025'],
      });
      await imports.appendObservations(batch.id, [
        { unit: 'B', period: '2025', values: { households: 999 } },
      ]);
      const during = await store.current().observations.current({ period: '2025', units: ['B'] });
      expect(during[0]?.values).to.deep.equal({ households: 120 });
      await imports.fail(batch.id, { reason: 'abandoned' });
      const after = await store.current().observations.current({ period: '2025', units: ['B'] });
      expect(after[0]?.values).to.deep.equal({ households: 120 });
    });

    it('lets a later batch supersede a unit for that period only, keeping the history', async () => {
      const later = await importObservations(store.current(), '2025', [
        { unit: 'A', period: '2025', values: { households: 310 } },
      ]);
      const current = await store.current().observations.current({ period: '2025' });
      expect(current.map((o) => [o.unit, o.values.households])).to.deep.equal([
        ['A', 310],
        ['B', 120],
        ['C', undefined],
      ]);
      expect(current[0]?.batch).to.equal(later.batch.id);
      const history = await store.current().observations.history('A', '2025');
      expect(history.map((o) => o.values)).to.deep.equal([
        { households: 310 },
        { households: 300, grid_workers: 2, share: 0.125 },
      ]);
      const lastYear = await store.current().observations.current({ period: '2024' });
      expect(lastYear.map((o) => o.values.households)).to.deep.equal([280]);
    });

    it('lists the periods that have committed observations', async () => {
      expect(await store.current().observations.periods()).to.deep.equal(['2024', '2025']);
    });

    it('reads back 5,000 rows of 40 variables exactly, across several chunks', async () => {
      const rows = syntheticRows(5000, '2023');
      await importObservations(store.current(), '2023', rows, 'synthetic 5000');
      const current = await store.current().observations.current({ period: '2023' });
      expect(current).to.have.length(5000);
      expect(current[4321]?.values).to.deep.equal(rows[4321]?.values);
      // 39 × 104729 = 4,084,431; mod 100,000 = 84,431; / 100
      expect(current[0]?.values.var_39).to.equal(844.31);
    });

    it('reads many units asked for by code (more than an indexed lookup takes)', async () => {
      const wanted = Array.from({ length: 300 }, (_, i) => `U${String(i * 10).padStart(6, '0')}`);
      const current = await store.current().observations.current({ period: '2023', units: wanted });
      expect(current.map((o) => o.unit)).to.deep.equal(wanted);
    });
  });
}
