/**
 * Store contract, survey respondents: only committed batches are seen, every respondent of a unit
 * is kept (many per unit and period), and a later committed batch replaces a unit's respondents
 * whole; a failed batch leaves nothing.
 */
import { expect } from 'chai';
import { ValidationError } from '../../server/errors.js';
import { importRecords, type ImportResult } from '../../server/store/import-records.js';
import type { ResponseRow } from '../../server/store/models/response.js';
import type { Store } from '../../server/store/store.js';
import type { FreshLocation } from '../support/store-location.js';
import { rejection, shaOf, storePerSuite } from './contract-helpers.js';

function importResponses(
  store: Store,
  period: string,
  rows: readonly ResponseRow[],
  file = JSON.stringify(rows),
): Promise<ImportResult> {
  return importRecords(
    store,
    {
      kind: 'responses',
      actor: 'tester',
      fileName: 'survey.csv',
      sha256: shaOf(file),
      period,
      periods: [period],
    },
    rows,
    { tally: { rows: rows.length, errors: 0, warnings: 0 } },
  );
}

const answer = (unit: string, satisfaction: number | null, weight = 1): ResponseRow => ({
  unit,
  period: '2025',
  answers: satisfaction === null ? {} : { satisfaction, sense_of_gain: 3 },
  weight,
});

export function responsesContract(fresh: FreshLocation): void {
  describe('survey respondents', () => {
    const store = storePerSuite(fresh);

    before(async () => {
      await importResponses(store.current(), '2025', [
        answer('A', 5, 1.5),
        answer('A', 2, 0.5),
        answer('A', null),
        answer('B', 4),
      ]);
    });

    it('reads back every respondent of a committed batch with answers and weights, a skipped item missing', async () => {
      const current = await store.current().responses.current({ period: '2025' });
      expect(current.map((r) => [r.unit, r.answers, r.weight])).to.deep.equal([
        ['A', { satisfaction: 5, sense_of_gain: 3 }, 1.5],
        ['A', { satisfaction: 2, sense_of_gain: 3 }, 0.5],
        ['A', {}, 1],
        ['B', { satisfaction: 4, sense_of_gain: 3 }, 1],
      ]);
      expect(await store.current().responses.periods()).to.deep.equal(['2025']);
    });

    it('replaces a unit’s respondents whole with a later batch, leaving the other units as they were', async () => {
      await importResponses(store.current(), '2025', [answer('A', 1)], 'second survey of A');
      const current = await store.current().responses.current({ period: '2025' });
      expect(current.map((r) => [r.unit, r.answers.satisfaction])).to.deep.equal([
        ['A', 1],
        ['B', 4],
      ]);
    });

    it('reads only the units asked for', async () => {
      const current = await store.current().responses.current({ period: '2025', units: ['B'] });
      expect(current.map((r) => r.unit)).to.deep.equal(['B']);
    });

    it('refuses a weight that is not positive', async () => {
      const begun = await store.current().imports.begin({
        kind: 'responses',
        actor: 'tester',
        fileName: 'bad.csv',
        sha256: shaOf('bad weight'),
        period: '2026',
        periods: ['2026'],
      });
      const error = await rejection(
        store.current().imports.appendResponses(begun.id, [{ ...answer('A', 4, 0), period: '2026' }]),
      );
      expect(error).to.be.instanceOf(ValidationError);
      await store.current().imports.fail(begun.id, { reason: 'bad weight' });
      expect(await store.current().responses.current({ period: '2026' })).to.deep.equal([]);
    });

    it('shows nothing of a pending batch and deletes its respondents when it fails', async () => {
      const begun = await store.current().imports.begin({
        kind: 'responses',
        actor: 'tester',
        fileName: 'pending.csv',
        sha256: shaOf('pending'),
        period: '2027',
        periods: ['2027'],
      });
      await store.current().imports.appendResponses(begun.id, [{ ...answer('C', 5), period: '2027' }]);
      expect(await store.current().imports.storedRowCount(begun.id)).to.equal(1);
      expect(await store.current().responses.current({ period: '2027' })).to.deep.equal([]);
      await store.current().imports.fail(begun.id, { reason: 'given up' });
      expect(await store.current().imports.storedRowCount(begun.id)).to.equal(0);
    });
  });
}
