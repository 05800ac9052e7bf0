/**
 * Store contract, sources and reviews (issue 15): every batch records its source (self by
 * default); a self-reported batch is confirmed or returned once and then locked; a returned
 * batch is not current; with a source preference, each value comes from the most preferred source.
 */
import { expect } from 'chai';
import { ConflictError, ValidationError } from '../../server/errors.js';
import type { DataSource } from '../../server/domain/data-source.js';
import { importRecords, type BatchProvenance } from '../../server/store/import-records.js';
import type { ObservationRow } from '../../server/store/models/observation.js';
import type { Store } from '../../server/store/store.js';
import type { FreshLocation } from '../support/store-location.js';
import { rejection, shaOf, storePerSuite } from './contract-helpers.js';

async function imported(
  store: Store,
  period: string,
  rows: readonly ObservationRow[],
  file: string,
  provenance: BatchProvenance = {},
): Promise<string> {
  const { batch } = await importRecords(
    store,
    {
      kind: 'observations',
      actor: 'tester',
      fileName: `${file}.csv`,
      sha256: shaOf(file),
      period,
      periods: [period],
      ...provenance,
    },
    rows,
    { tally: { rows: rows.length, errors: 0, warnings: 0 } },
  );
  return batch.id;
}

const street = (source: DataSource): BatchProvenance => ({ source });

export function verificationContract(fresh: FreshLocation): void {
  describe('sources and reviews', () => {
    const store = storePerSuite(fresh);

    it('records self as the source of a batch that names none, and the source it names', async () => {
      const own = await imported(
        store.current(),
        '2031',
        [{ unit: 'A', period: '2031', values: { x: 1 } }],
        'own',
      );
      const checked = await imported(
        store.current(),
        '2031',
        [{ unit: 'A', period: '2031', values: { x: 1 } }],
        'own',
        street('street'),
      );
      expect((await store.current().imports.get(own))?.source).to.equal('self');
      expect((await store.current().imports.get(own))?.review).to.equal(null);
      // The same file from the street is no duplicate of the community's own.
      expect(checked).to.not.equal(own);
      expect((await store.current().imports.get(checked))?.source).to.equal('street');
    });

    it('lists the units of a batch', async () => {
      const id = await imported(
        store.current(),
        '2032',
        [
          { unit: 'B', period: '2032', values: { x: 1 } },
          { unit: 'A', period: '2032', values: { x: 2 } },
        ],
        'units of',
      );
      expect(await store.current().imports.unitsOf(id)).to.deep.equal(['A', 'B']);
    });

    it('confirms a self-reported batch once and refuses a second confirmation or a return', async () => {
      const id = await imported(
        store.current(),
        '2033',
        [{ unit: 'A', period: '2033', values: { x: 1 } }],
        'lock',
      );
      const confirmed = await store.current().imports.review(id, { decision: 'confirmed', by: 'li' });
      expect(confirmed.review?.decision).to.equal('confirmed');
      expect(confirmed.review?.by).to.equal('li');
      expect((await store.current().imports.get(id))?.review?.decision).to.equal('confirmed');
      for (const decision of ['confirmed', 'returned']) {
        const error = await rejection(
          store.current().imports.review(id, { decision, by: 'li', reason: 'x' }),
        );
        expect(error).to.be.instanceOf(ConflictError);
      }
      expect((await store.current().imports.get(id))?.review?.decision).to.equal('confirmed');
    });

    it('refuses to review a batch that is not self-reported', async () => {
      const id = await imported(
        store.current(),
        '2033',
        [{ unit: 'A', period: '2033', values: { x: 1 } }],
        'street lock',
        street('street'),
      );
      const error = await rejection(store.current().imports.review(id, { decision: 'confirmed', by: 'li' }));
      expect(error).to.be.instanceOf(ConflictError);
    });

    it('leaves a returned batch out of the current observations but keeps it in the history', async () => {
      const earlier = await imported(
        store.current(),
        '2034',
        [{ unit: 'A', period: '2034', values: { x: 1 } }],
        'r1',
      );
      const later = await imported(
        store.current(),
        '2034',
        [{ unit: 'A', period: '2034', values: { x: 9 } }],
        'r2',
      );
      await store.current().imports.review(later, { decision: 'returned', by: 'li', reason: 'too high' });
      const current = await store.current().observations.current({ period: '2034' });
      expect(current.map((o) => [o.unit, o.values.x, o.batch])).to.deep.equal([['A', 1, earlier]]);
      expect(
        (await store.current().observations.history('A', '2034')).map((o) => [o.batch, o.status]),
      ).to.deep.equal([
        [later, 'returned'],
        [earlier, 'self'],
      ]);
    });

    it('links a correction to the reviewed batch it corrects and refuses to correct an unreviewed one', async () => {
      const id = await imported(
        store.current(),
        '2035',
        [{ unit: 'A', period: '2035', values: { x: 1 } }],
        'c1',
      );
      const early = await rejection(
        imported(store.current(), '2035', [{ unit: 'A', period: '2035', values: { x: 2 } }], 'c2', {
          corrects: id,
          correctionReason: 'typo',
        }),
      );
      expect(early).to.be.instanceOf(ValidationError);
      await store.current().imports.review(id, { decision: 'confirmed', by: 'li' });
      const fix = await imported(
        store.current(),
        '2035',
        [{ unit: 'A', period: '2035', values: { x: 2 } }],
        'c3',
        {
          corrects: id,
          correctionReason: 'typo',
        },
      );
      const batch = await store.current().imports.get(fix);
      expect([batch?.corrects, batch?.correctionReason, batch?.source]).to.deep.equal([id, 'typo', 'self']);
    });

    describe('source preference', () => {
      let own = '';
      let checked = '';
      let survey = '';
      before(async () => {
        // Hand-built: A reported by itself, checked by the street (x only) and surveyed (y only).
        own = await imported(
          store.current(),
          '2036',
          [
            { unit: 'A', period: '2036', values: { x: 10, y: 20, z: 30 } },
            { unit: 'B', period: '2036', values: { x: 1 } },
          ],
          'p self',
        );
        checked = await imported(
          store.current(),
          '2036',
          [{ unit: 'A', period: '2036', values: { x: 8 } }],
          'p street',
          street('street'),
        );
        survey = await imported(
          store.current(),
          '2036',
          [{ unit: 'A', period: '2036', values: { y: 15, x: 7 } }],
          'p survey',
          street('third_party'),
        );
      });

      it('takes each value from the most preferred source that has one', async () => {
        const [a, b] = await store.current().observations.current({
          period: '2036',
          sources: ['street', 'third_party', 'self'],
        });
        expect(a?.values).to.deep.equal({ x: 8, y: 15, z: 30 });
        expect(a?.origins).to.deep.equal({
          x: { batch: checked, status: 'street' },
          y: { batch: survey, status: 'third_party' },
          z: { batch: own, status: 'self' },
        });
        expect(b?.values).to.deep.equal({ x: 1 });
      });

      it('counts only the listed sources', async () => {
        const rows = await store.current().observations.current({ period: '2036', sources: ['street'] });
        expect(rows.map((o) => [o.unit, o.values])).to.deep.equal([['A', { x: 8 }]]);
      });

      it('without a preference, merges in the default order: third party, street, self', async () => {
        const rows = await store.current().observations.current({ period: '2036' });
        // x from the survey (7, not the street's 8), y from the survey, z only in the own report.
        expect(rows.map((o) => [o.unit, o.values, o.status])).to.deep.equal([
          ['A', { x: 7, y: 15, z: 30 }, 'third_party'],
          ['B', { x: 1 }, 'self'],
        ]);
      });
    });
  });
}
