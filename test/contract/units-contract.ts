/**
 * Store contract, units: the tree as committed unit imports define it, latest batch winning.
 */
import { expect } from 'chai';
import { ValidationError } from '../../server/errors.js';
import type { FreshLocation } from '../support/store-location.js';
import { importUnits, pathsOf, rejection, storePerSuite, unit } from './contract-helpers.js';

export function unitsContract(fresh: FreshLocation): void {
  describe('units', () => {
    const store = storePerSuite(fresh);
    const tree = [
      unit('420100', 'city', null),
      unit('420102', 'district', '420100', { urban_rural: 'urban', resident_population: 960000 }),
      unit('420102001', 'street', '420102', { area_km2: 3.25 }),
      unit('420102001001', 'community', '420102001', {
        urban_rural: 'urban',
        resident_population: 8200,
        households: 3100,
        old_compound_share: 0.4,
        peer_group: 'old_town',
        has_market: true,
      }),
      unit('420102001002', 'community', '420102001', { urban_rural: 'rural', households: 900 }),
    ];

    before(async () => {
      const result = await importUnits(store.current(), tree);
      expect(result.outcome).to.equal('committed');
    });

    it('lists the committed units sorted by code, attributes intact', async () => {
      const units = await store.current().units.list();
      expect(units.map((u) => u.code)).to.deep.equal([
        '420100',
        '420102',
        '420102001',
        '420102001001',
        '420102001002',
      ]);
      const community = units.find((u) => u.code === '420102001001');
      expect(community?.attributes).to.deep.equal(tree[3]?.attributes);
      expect(community?.name).to.deep.equal({ zh: '单位420102001001', en: 'Unit 420102001001' });
    });

    it('lists the current unit codes alone', async () => {
      expect(await store.current().units.codes()).to.deep.equal([
        '420100',
        '420102',
        '420102001',
        '420102001001',
        '420102001002',
      ]);
    });

    it('filters by level and by parent', async () => {
      const communities = await store.current().units.list({ level: 'community' });
      expect(communities.map((u) => u.code)).to.deep.equal(['420102001001', '420102001002']);
      const roots = await store.current().units.list({ parent: null });
      expect(roots.map((u) => u.code)).to.deep.equal(['420100']);
      const children = await store.current().units.list({ parent: '420102' });
      expect(children.map((u) => u.code)).to.deep.equal(['420102001']);
    });

    it('pages with limit and offset', async () => {
      const page = await store.current().units.list({ offset: 1, limit: 2 });
      expect(page.map((u) => u.code)).to.deep.equal(['420102', '420102001']);
    });

    it('returns undefined for a code never imported', async () => {
      expect(await store.current().units.get('999999')).to.equal(undefined);
    });

    it('lets a later batch replace a unit and keeps the earlier version as history', async () => {
      const renamed = {
        ...unit('420102001002', 'community', '420102001', { households: 950 }),
        name: { zh: '新村', en: 'New Village' },
      };
      const result = await importUnits(store.current(), [renamed]);
      const current = await store.current().units.get('420102001002');
      expect(current?.name.zh).to.equal('新村');
      expect(current?.batch).to.equal(result.batch.id);
      const history = await store.current().units.history('420102001002');
      expect(history.map((u) => u.attributes.households)).to.deep.equal([950, 900]);
      expect(history[0]!.sequence).to.be.greaterThan(history[1]!.sequence);
      expect(await store.current().units.list()).to.have.length(5);
    });

    it('keeps units of a batch that is not committed invisible', async () => {
      const batch = await store.current().imports.begin({
        kind: 'units',
        actor: 'tester',
        fileName: 'pending.csv',
        sha256: 'a'.repeat(64),
        period: null,
        periods: [],
      });
      await store.current().imports.appendUnits(batch.id, [unit('420102001003', 'community', '420102001')]);
      expect(await store.current().units.get('420102001003')).to.equal(undefined);
      const listedBefore = (await store.current().units.list()).map((u) => u.code);
      expect(listedBefore).not.to.include('420102001003');
      await store
        .current()
        .imports.commit(batch.id, { counts: { rows: 1, stored: 1, errors: 0, warnings: 0 } });
      expect((await store.current().units.get('420102001003'))?.level).to.equal('community');
      // The full list (which is kept between reads) shows the commit at once.
      expect((await store.current().units.list()).map((u) => u.code)).to.include('420102001003');
    });

    it('rejects a unit code given twice in one append', async () => {
      const imports = store.current().imports;
      const batch = await imports.begin({
        kind: 'units',
        actor: 'tester',
        fileName: 'twice.csv',
        sha256: 'd'.repeat(64),
        period: null,
        periods: [],
      });
      const twice = [unit('T1', 'community', null), unit('T1', 'street', null)];
      expect(await rejection(imports.appendUnits(batch.id, twice))).to.be.instanceOf(ValidationError);
      expect(await imports.storedRowCount(batch.id)).to.equal(0);
      await imports.fail(batch.id, { reason: 'test' });
    });

    it('finds many units by code as well as a few', async () => {
      const many = Array.from({ length: 150 }, (_, i) => `M${String(i).padStart(3, '0')}`);
      await importUnits(
        store.current(),
        many.map((code) => unit(code, 'community', null)),
      );
      const found = await store.current().units.list({ codes: [...many.slice(0, 120), 'absent'] });
      expect(found.map((u) => u.code)).to.deep.equal(many.slice(0, 120));
      expect((await store.current().units.list({ codes: ['M007'] })).map((u) => u.code)).to.deep.equal([
        'M007',
      ]);
    });

    it('rejects a unit with an unknown level and names the path', async () => {
      const batch = await store.current().imports.begin({
        kind: 'units',
        actor: 'tester',
        fileName: 'bad.csv',
        sha256: 'b'.repeat(64),
        period: null,
        periods: [],
      });
      const error = await rejection(
        store
          .current()
          .imports.appendUnits(batch.id, [{ ...unit('X1', 'community', null), level: 'province' }]),
      );
      expect(error).to.be.instanceOf(ValidationError);
      expect(pathsOf(error)).to.include('units/0/level');
      await store.current().imports.fail(batch.id, { reason: 'test' });
    });

    it('rejects an attribute name containing "." or starting with "$"', async () => {
      const batch = await store.current().imports.begin({
        kind: 'units',
        actor: 'tester',
        fileName: 'bad2.csv',
        sha256: 'c'.repeat(64),
        period: null,
        periods: [],
      });
      const bad = { ...unit('X2', 'community', null), attributes: { 'a.b': 1, $where: 'x' } };
      const error = await rejection(store.current().imports.appendUnits(batch.id, [bad]));
      expect(error).to.be.instanceOf(ValidationError);
      expect(pathsOf(error)).to.include('units/0/attributes');
      await store.current().imports.fail(batch.id, { reason: 'test' });
    });
  });
}
