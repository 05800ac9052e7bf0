import { expect } from 'chai';
import type { ResultsDocument } from '../../../server/evaluation/results-document.js';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { call, demoApi, type ApiFixture } from './api-fixture.js';

interface Page<T> {
  items: T[];
  next: number | null;
}
interface Unit {
  code: string;
  parent: string | null;
  level: string;
}

/** Demo unit codes nest by prefix: WY03 → WY03S01 → WY03S01C00. */
const inWY03 = (code: string): boolean => code.startsWith('WY03');

describe('API unit scope: a viewer limited to district WY03', function () {
  this.timeout(60_000);
  let api: ApiFixture;
  let viewer: SeededUser;
  let full: ResultsDocument;
  let scoped: ResultsDocument & { unitScope: string[] };

  before(async () => {
    api = await demoApi();
    viewer = await seedUser(api.store, 'viewer', { unitScope: ['WY03'] });
    full = (await api.call<ResultsDocument>(`${api.url}/evaluations/${api.demo.id}/results`)).body;
    scoped = (
      await call<ResultsDocument & { unitScope: string[] }>(`${api.url}/evaluations/${api.demo.id}/results`, {
        as: viewer,
      })
    ).body;
  });

  after(async () => {
    await api.close();
  });

  it('lists only the units of the subtree: the district, its 12 streets and their communities', async () => {
    const all = await api.store.units.list();
    const expected = all.filter((u) => inWY03(u.code)).map((u) => u.code);
    const listed = await call<Page<Unit>>(`${api.url}/units?limit=500`, { as: viewer });
    expect(listed.body.items.map((u) => u.code)).to.deep.equal(expected);
    expect(listed.body.items.filter((u) => u.level === 'street')).to.have.length(12);
    const districts = await call<Page<Unit>>(`${api.url}/units?level=district`, { as: viewer });
    expect(districts.body.items.map((u) => u.code)).to.deep.equal(['WY03']);
  });

  it('pages within the scope: the second page starts where the first stopped', async () => {
    const first = await call<Page<Unit>>(`${api.url}/units?limit=5`, { as: viewer });
    const second = await call<Page<Unit>>(`${api.url}/units?limit=5&offset=5`, { as: viewer });
    expect(first.body.next).to.equal(5);
    expect(second.body.items).to.have.length(5);
    expect(second.body.items.every((u) => inWY03(u.code))).to.equal(true);
    expect(second.body.items[0]!.code > first.body.items[4]!.code).to.equal(true);
  });

  it('answers 404 for a unit outside the scope, the same as for a unit that does not exist', async () => {
    const outside = await call<{ detail: string }>(`${api.url}/units/WY01S01C00`, { as: viewer });
    expect(outside.status).to.equal(404);
    expect(outside.body.detail).to.equal('no unit with code WY01S01C00');
    expect((await call(`${api.url}/units/WY`, { as: viewer })).status).to.equal(404);
    expect((await call(`${api.url}/units/WY03S01C00`, { as: viewer })).status).to.equal(200);
  });

  it('filters the results to the scoped communities and says so', () => {
    const expected = full.units.filter(inWY03);
    expect(expected.length).to.be.greaterThan(0);
    expect(scoped.units).to.deep.equal(expected);
    expect(scoped.unitScope).to.deep.equal(['WY03']);
    expect(scoped.log).to.deep.equal([]);
    expect(JSON.stringify(scoped)).not.to.match(/"WY0[124567]/);
  });

  it('keeps each kept unit’s scores, ranks (among all units) and traffic lights row for row', () => {
    const n = full.units.length;
    const m = scoped.units.length;
    const indicator = full.indicators[0]!;
    full.periods.forEach((_, p) => {
      scoped.units.forEach((code, j) => {
        const i = full.units.indexOf(code);
        expect(scoped.scores[full.root]![p * m + j]).to.equal(full.scores[full.root]![p * n + i]);
        expect(scoped.ranks[full.root]![p * m + j]).to.equal(full.ranks[full.root]![p * n + i]);
        expect(scoped.raw[indicator]![p * m + j]).to.equal(full.raw[indicator]![p * n + i]);
        expect(scoped.diagnostics!.lights[indicator]![p * m + j]).to.equal(
          full.diagnostics!.lights[indicator]![p * n + i],
        );
      });
    });
    expect(scoped.scores[full.root]).to.have.length(full.periods.length * m);
  });

  it('renumbers the sparse flags and missing-value reasons to the kept rows', () => {
    const n = full.units.length;
    const m = scoped.units.length;
    let compared = 0;
    for (const sparse of ['flags', 'rawReasons'] as const) {
      for (const [indicator, rows] of Object.entries(full[sparse])) {
        const expected: Record<string, number> = {};
        for (const [row, code] of Object.entries(rows)) {
          const unit = full.units[Number(row) % n]!;
          const period = Math.floor(Number(row) / n);
          if (inWY03(unit)) expected[String(period * m + scoped.units.indexOf(unit))] = code;
        }
        expect(scoped[sparse][indicator], `${sparse} ${indicator}`).to.deep.equal(expected);
        compared += Object.keys(expected).length;
      }
    }
    expect(compared).to.be.greaterThan(0);
  });

  it('keeps only the scoped streets and the district in the roll-up, with their scores', () => {
    const levels = full.rollup!.levels;
    scoped.rollup!.levels.forEach((level, index) => {
      const whole = levels[index]!;
      expect(level.codes).to.deep.equal(whole.codes.filter(inWY03));
      level.codes.forEach((code, j) => {
        const i = whole.codes.indexOf(code);
        expect(level.scores[full.root]![j]).to.equal(whole.scores[full.root]![i]);
      });
    });
    const codes = scoped.rollup!.levels.flatMap((l) => l.codes);
    expect(codes).to.include('WY03').and.not.include('WY');
    expect(codes.filter((c) => c.length === 'WY03S01'.length)).to.have.length(12);
  });

  it('gives an unscoped viewer every unit', async () => {
    const everyone = await seedUser(api.store, 'viewer');
    const results = await call<ResultsDocument>(`${api.url}/evaluations/${api.demo.id}/results`, {
      as: everyone,
    });
    expect(results.body.units).to.have.length(full.units.length);
  });
});
