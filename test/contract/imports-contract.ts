/**
 * Store contract, import batches: all or nothing, idempotent, visible by one commit write.
 */
import { expect } from 'chai';
import { ConflictError, ValidationError } from '../../server/errors.js';
import { importRecords } from '../../server/store/import-records.js';
import type { ValidationReport } from '../../server/store/models/validation-report.js';
import type { FreshLocation } from '../support/store-location.js';
import { importObservations, pathsOf, rejection, shaOf, storePerSuite } from './contract-helpers.js';

const rows = [
  { unit: 'A', period: '2025', values: { households: 300, grid_workers: 2 } },
  { unit: 'B', period: '2025', values: { households: 120 } },
];

const badReport: ValidationReport = {
  file: 'bad.csv',
  sheet: null,
  rows: 2,
  errors: 1,
  warnings: 0,
  omitted: 0,
  issues: [
    {
      row: 3,
      column: { letter: 'B', header: 'households' },
      value: 'many',
      reason: 'not_a_number',
      expected: 'a number',
      severity: 'error',
    },
  ],
};

export function importsContract(fresh: FreshLocation): void {
  describe('import batches', () => {
    const store = storePerSuite(fresh);

    it('commits a batch with a sequence number, counts and the declared period', async () => {
      const { outcome, batch } = await importObservations(store.current(), '2025', rows, 'first file');
      expect(outcome).to.equal('committed');
      expect(batch.status).to.equal('committed');
      expect(batch.sequence).to.be.a('number');
      expect(batch.counts).to.deep.equal({ rows: 2, stored: 2, errors: 0, warnings: 0 });
      expect(batch.periods).to.deep.equal(['2025']);
      expect(await store.current().imports.get(batch.id)).to.deep.equal(batch);
      expect((await store.current().periods.get('2025'))?.end).to.equal('2025-12-31');
    });

    it('returns the earlier batch and writes nothing when the same file is imported again', async () => {
      const first = await importObservations(store.current(), '2025', rows, 'same file');
      const before = await store.current().imports.list({ limit: 1000 });
      const second = await importObservations(store.current(), '2025', rows, 'same file');
      expect(second.outcome).to.equal('duplicate');
      expect(second.batch).to.deep.equal(first.batch);
      expect(await store.current().imports.list({ limit: 1000 })).to.deep.equal(before);
    });

    it('imports the same file again for another period', async () => {
      await importObservations(store.current(), '2025', rows, 'period file');
      const other = rows.map((row) => ({ ...row, period: '2024' }));
      const result = await importObservations(store.current(), '2024', other, 'period file');
      expect(result.outcome).to.equal('committed');
    });

    it('gives each commit a higher sequence than the one before', async () => {
      const a = await importObservations(store.current(), '2025', rows, 'seq a');
      const b = await importObservations(store.current(), '2025', rows, 'seq b');
      expect(b.batch.sequence).to.be.greaterThan(a.batch.sequence ?? Infinity);
    });

    it('records a report with errors as a failed batch and stores no rows', async () => {
      const result = await importRecords(
        store.current(),
        {
          kind: 'observations',
          actor: 'tester',
          fileName: 'bad.csv',
          sha256: shaOf('bad'),
          period: '2023',
          periods: ['2023'],
        },
        rows.map((row) => ({ ...row, period: '2023' })),
        { tally: { rows: 2, errors: 1, warnings: 0 }, report: badReport },
      );
      expect(result.outcome).to.equal('failed');
      expect(result.batch.status).to.equal('failed');
      expect(result.batch.failure).to.match(/1 error\(s\) in bad\.csv/);
      expect(result.batch.issuesByReason).to.deep.equal({ not_a_number: 1 });
      expect(await store.current().imports.report(result.batch.id)).to.deep.equal(badReport);
      expect(await store.current().imports.storedRowCount(result.batch.id)).to.equal(0);
      expect(await store.current().observations.current({ period: '2023' })).to.deep.equal([]);
    });

    it('imports a file again after its earlier import failed', async () => {
      const request = {
        kind: 'observations',
        actor: 'tester',
        fileName: 'retry.csv',
        sha256: shaOf('retry'),
        period: '2022',
        periods: ['2022'],
      } as const;
      const data = rows.map((row) => ({ ...row, period: '2022' }));
      await importRecords(store.current(), request, data, { tally: { rows: 2, errors: 1, warnings: 0 } });
      const retry = await importRecords(store.current(), request, data, {
        tally: { rows: 2, errors: 0, warnings: 0 },
      });
      expect(retry.outcome).to.equal('committed');
      expect(await store.current().observations.current({ period: '2022' })).to.have.length(2);
    });

    it('commits exactly one of two batches of the same file committed at once; the other fails as its duplicate', async () => {
      const imports = store.current().imports;
      const start = {
        kind: 'observations',
        actor: 'tester',
        fileName: 'twice.csv',
        sha256: shaOf('committed twice at once'),
        period: '2020',
        periods: ['2020'],
      };
      const data = rows.map((row) => ({ ...row, period: '2020' }));
      const a = await imports.begin(start);
      const b = await imports.begin(start);
      await imports.appendObservations(a.id, data);
      await imports.appendObservations(b.id, data);
      const counts = { rows: 2, stored: 0, errors: 0, warnings: 0 };
      const results = await Promise.all([imports.commit(a.id, { counts }), imports.commit(b.id, { counts })]);
      expect(results.map((batch) => batch.status).sort()).to.deep.equal(['committed', 'failed']);
      const winner = results.find((batch) => batch.status === 'committed')!;
      const loser = results.find((batch) => batch.status === 'failed')!;
      expect(loser.failure).to.equal(`duplicate of batch ${winner.id}, committed meanwhile`);
      expect(await imports.storedRowCount(loser.id)).to.equal(0);
      expect(await imports.findCommitted('observations', start.sha256, '2020')).to.deep.equal(winner);
    });

    it('of two imports of one file at the same time, commits one and answers the other as its duplicate', async () => {
      const data = rows.map((row) => ({ ...row, period: '2019' }));
      const [first, second] = await Promise.all([
        importObservations(store.current(), '2019', data, 'imported twice at once'),
        importObservations(store.current(), '2019', data, 'imported twice at once'),
      ]);
      expect([first.outcome, second.outcome].sort()).to.deep.equal(['committed', 'duplicate']);
      expect(first.batch).to.deep.equal(second.batch);
      const committed = await store.current().imports.list({ status: 'committed', limit: 1000 });
      expect(committed.filter((batch) => batch.sha256 === shaOf('imported twice at once'))).to.have.length(1);
    });

    it('deletes the rows of a batch that fails after appending', async () => {
      const imports = store.current().imports;
      const batch = await imports.begin({
        kind: 'observations',
        actor: 'tester',
        fileName: 'half.csv',
        sha256: shaOf('half'),
        period: '2021',
        periods: ['2021'],
      });
      await imports.appendObservations(
        batch.id,
        rows.map((row) => ({ ...row, period: '2021' })),
      );
      expect(await imports.storedRowCount(batch.id)).to.equal(2);
      const failed = await imports.fail(batch.id, { reason: 'disk full' });
      expect(failed.status).to.equal('failed');
      expect(failed.failure).to.equal('disk full');
      expect(await imports.storedRowCount(batch.id)).to.equal(0);
    });

    it('refuses to commit a failed batch or to append to a committed one', async () => {
      const imports = store.current().imports;
      const start = {
        kind: 'observations',
        actor: 't',
        fileName: 'x.csv',
        period: '2021',
        periods: ['2021'],
      };
      const failed = await imports.begin({ ...start, sha256: shaOf('x1') });
      await imports.fail(failed.id, { reason: 'no' });
      const counts = { rows: 0, stored: 0, errors: 0, warnings: 0 };
      expect(await rejection(imports.commit(failed.id, { counts }))).to.be.instanceOf(ConflictError);
      const committed = await imports.begin({ ...start, sha256: shaOf('x2') });
      await imports.commit(committed.id, { counts });
      const late = imports.appendObservations(committed.id, [{ unit: 'A', period: '2021', values: {} }]);
      expect(await rejection(late)).to.be.instanceOf(ConflictError);
      expect(await rejection(imports.fail(committed.id, { reason: 'late' }))).to.be.instanceOf(ConflictError);
    });

    it('rejects rows for a period the batch did not declare', async () => {
      const imports = store.current().imports;
      const batch = await imports.begin({
        kind: 'observations',
        actor: 't',
        fileName: 'p.csv',
        sha256: shaOf('p'),
        period: '2021',
        periods: ['2021'],
      });
      const error = await rejection(
        imports.appendObservations(batch.id, [{ unit: 'A', period: '2020', values: {} }]),
      );
      expect(error).to.be.instanceOf(ValidationError);
      expect(pathsOf(error)[0]).to.equal('observations/0/period');
      await imports.fail(batch.id, { reason: 'test' });
    });

    it('rejects a NaN value and a variable name with "." and names their paths', async () => {
      const imports = store.current().imports;
      const batch = await imports.begin({
        kind: 'observations',
        actor: 't',
        fileName: 'n.csv',
        sha256: shaOf('n'),
        period: '2021',
        periods: ['2021'],
      });
      const bad = [{ unit: 'A', period: '2021', values: { ok: Number.NaN, 'x.y': 1 } }];
      const error = await rejection(imports.appendObservations(batch.id, bad));
      const where = pathsOf(error);
      expect(where).to.include('observations/0/values/ok');
      expect(where).to.include('observations/0/values');
      await imports.fail(batch.id, { reason: 'test' });
    });

    it('lists batches newest first, filtered by status', async () => {
      const failed = await store.current().imports.list({ status: 'failed' });
      expect(failed.length).to.be.greaterThan(0);
      expect(failed.every((b) => b.status === 'failed')).to.equal(true);
      const all = await store.current().imports.list({ limit: 1000 });
      const times = all.map((b) => b.createdAt);
      expect(times).to.deep.equal([...times].sort().reverse());
    });
  });
}
