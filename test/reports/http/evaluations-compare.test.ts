import { expect } from 'chai';
import { cliActor } from '../../../server/services/actor.js';
import { createEvaluation } from '../../../server/services/create-evaluation.js';
import type { Evaluation } from '../../../server/store/models/evaluation.js';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { demoApp, type DemoApp } from '../demo-app.js';
import { Visitor } from './visitor.js';

interface ComparisonRow {
  code: string;
  rank_a: number | null;
  rank_b: number | null;
  shift_b: number | null;
  rank_p5_a?: number | null;
}

interface AgreementRow {
  a: string;
  b: string;
  units_ranked_in_both: number;
  spearman_rho: number;
  kendall_tau_b: number;
}

/** Kendall's τ-b by its definition, pair by pair (O(n²)): independent of the engine's algorithm. */
function naiveTauB(x: readonly number[], y: readonly number[]): number {
  let s = 0;
  let n0 = 0;
  let tiesX = 0;
  let tiesY = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      const dx = Math.sign(x[i]! - x[j]!);
      const dy = Math.sign(y[i]! - y[j]!);
      n0++;
      if (dx === 0) tiesX++;
      if (dy === 0) tiesY++;
      s += dx * dy;
    }
  }
  return s / Math.sqrt((n0 - tiesX) * (n0 - tiesY));
}

/** Average ranks (ties share the mean of their positions), by sorting. */
function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]![0] === order[start]![0]) end++;
    for (let p = start; p <= end; p++) ranks[order[p]![1]] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return ranks;
}

/** Spearman's ρ as the Pearson correlation of average ranks. */
function naiveSpearman(x: readonly number[], y: readonly number[]): number {
  const rx = averageRanks(x);
  const ry = averageRanks(y);
  const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(rx);
  const my = mean(ry);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < rx.length; i++) {
    sxy += (rx[i]! - mx) * (ry[i]! - my);
    sxx += (rx[i]! - mx) ** 2;
    syy += (ry[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('comparing evaluations at /evaluations/compare (demo city)', function () {
  this.timeout(300_000);
  let app: DemoApp;
  let variant: Evaluation;
  let viewer: SeededUser;
  let streetViewer: SeededUser;
  let path: string;

  before(async () => {
    app = await demoApp();
    // A method variant of the demo evaluation: equal weights, geometric mean, no Monte Carlo; a draft.
    variant = await createEvaluation({ store: app.store, registry: app.deps.registry }, cliActor('test'), {
      framework: 'default',
      periods: app.demo.periods,
      methods: {
        normalisation: { method: 'minmax', range: [1, 100] },
        weighting: { method: 'equal' },
        aggregation: { method: 'geometric' },
      },
    });
    viewer = await seedUser(app.store, 'viewer');
    streetViewer = await seedUser(app.store, 'viewer', { unitScope: ['WY01S01'] });
    path = `/evaluations/compare?ids=${app.demo.id},${variant.id}`;
  });
  after(async () => {
    await app.close();
  });

  const admin = () => new Visitor(app.url, app.admin.cookie);

  it('shows Spearman’s ρ and Kendall’s τ of the demo evaluation and a variant', async () => {
    const { status, html } = await admin().get(path);
    expect(status).to.equal(200);
    expect(html).to.include('斯皮尔曼 ρ').and.include('肯德尔 τ-b');
    expect(html).to.match(/data-figure="spearman">0\.\d{3}</);
    expect(html).to.match(/data-figure="kendall">0\.\d{3}</);
  });

  it('agrees with a pair-by-pair τ-b and a sort-based ρ over the exported ranks', async () => {
    const rows = JSON.parse(
      (await admin().get(`${path}&format=json&table=comparison`)).html,
    ) as ComparisonRow[];
    const both = rows.filter((r) => r.rank_a !== null && r.rank_b !== null);
    const x = both.map((r) => r.rank_a!);
    const y = both.map((r) => r.rank_b!);
    const [pair] = JSON.parse(
      (await admin().get(`${path}&format=json&table=agreement`)).html,
    ) as AgreementRow[];
    expect(both.length).to.be.above(900);
    expect(pair!.units_ranked_in_both).to.equal(both.length);
    expect(pair!.kendall_tau_b).to.be.closeTo(naiveTauB(x, y), 1e-12);
    expect(pair!.spearman_rho).to.be.closeTo(naiveSpearman(x, y), 1e-12);
    // The variant changes the method, so the rankings differ but still agree broadly.
    expect(pair!.kendall_tau_b).to.be.above(0.3).and.below(1);
  });

  it('gives each unit its shift: rank in A minus rank in B', async () => {
    const rows = JSON.parse(
      (await admin().get(`${path}&format=json&table=comparison`)).html,
    ) as ComparisonRow[];
    for (const row of rows.slice(0, 50)) {
      if (row.rank_a !== null && row.rank_b !== null) expect(row.shift_b).to.equal(row.rank_a - row.rank_b);
    }
  });

  it('lists the biggest movers, the first moving up the most places', async () => {
    const rows = JSON.parse(
      (await admin().get(`${path}&format=json&table=comparison`)).html,
    ) as ComparisonRow[];
    const movers = JSON.parse((await admin().get(`${path}&format=json&table=movers`)).html) as {
      direction: string;
      shift: number;
    }[];
    const largest = Math.max(...rows.map((r) => r.shift_b ?? -Infinity));
    const up = movers.filter((m) => m.direction === 'up');
    expect(up).to.have.length(10);
    expect(up[0]!.shift).to.equal(largest);
  });

  it('shows the 5–95 % rank interval where the evaluation has a Monte Carlo analysis, and says so where not', async () => {
    const { html } = await admin().get(`${path}&lang=en`);
    expect(html).to.include('Rank interval A 5–95 %');
    expect(html).to.not.include('Rank interval B 5–95 %');
    expect(html).to.include('Evaluation B was run without uncertainty analysis');
    const rows = JSON.parse(
      (await admin().get(`${path}&format=json&table=comparison`)).html,
    ) as ComparisonRow[];
    expect(rows.some((r) => typeof r.rank_p5_a === 'number')).to.equal(true);
  });

  it('sorts the unit table by shift without JavaScript, biggest move up first', async () => {
    const { html } = await admin().get(`${path}&sort=shift-B&lang=en`);
    const table = /<table id="comparison-table"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    const shifts = [...table.matchAll(/<td>([+−]?[\d,]+|—)<\/td><\/tr>/g)].map((m) =>
      Number((m[1] ?? '').replace('−', '-').replace(/[+,]/g, '')),
    );
    expect(shifts.length).to.equal(50);
    expect(shifts).to.deep.equal([...shifts].sort((a, b) => b - a));
    expect(html).to.include('rel="next"');
  });

  it('answers the same comparison over the API, its τ-b and ρ agreeing with the units’ ranks it lists', async () => {
    const response = await fetch(`${app.url}/api/v1/evaluations/compare?ids=${app.demo.id},${variant.id}`, {
      headers: app.admin.headers,
    });
    expect(response.status).to.equal(200);
    const body = (await response.json()) as {
      level: string;
      agreement: { a: string; b: string; n: number; spearman: number; kendall: number }[];
      units: { code: string; ranks: (number | null)[] }[];
      movers: { up: { code: string; shift: number }[] }[];
    };
    expect(body.level).to.equal('community');
    const both = body.units.filter((u) => u.ranks[0] !== null && u.ranks[1] !== null);
    const x = both.map((u) => u.ranks[0] ?? Number.NaN);
    const y = both.map((u) => u.ranks[1] ?? Number.NaN);
    const [pair] = body.agreement;
    expect(pair?.a).to.equal(app.demo.id);
    expect(pair?.n).to.equal(both.length);
    expect(pair?.kendall).to.be.closeTo(naiveTauB(x, y), 1e-12);
    expect(pair?.spearman).to.be.closeTo(naiveSpearman(x, y), 1e-12);
    const top = body.movers[0]?.up[0];
    const unit = body.units.find((u) => u.code === top?.code);
    expect(top?.shift).to.equal((unit?.ranks[0] ?? 0) - (unit?.ranks[1] ?? 0));
    const asViewer = await fetch(`${app.url}/api/v1/evaluations/compare?ids=${app.demo.id},${variant.id}`, {
      headers: viewer.headers,
    });
    expect(asViewer.status).to.equal(404);
  });

  it('answers 404 to a viewer for a draft, as for an id that does not exist', async () => {
    const visitor = new Visitor(app.url, viewer.cookie);
    expect((await visitor.get(path)).status).to.equal(404);
    expect((await visitor.get(`/evaluations/compare?ids=${app.demo.id},ev_missing`)).status).to.equal(404);
  });

  it('shows a unit-scoped viewer only the units in scope', async () => {
    // A published second evaluation: the same method as the demo, one period.
    const second = await createEvaluation(
      { store: app.store, registry: app.deps.registry },
      cliActor('test'),
      {
        framework: 'default',
        periods: app.demo.periods,
        methods: { weighting: { method: 'equal' } },
      },
    );
    await app.store.evaluations.publish(second.id, 'test');
    const streetCommunities = (await app.store.units.list({ parent: 'WY01S01' }))
      .filter((u) => u.level === 'community')
      .map((u) => u.code)
      .sort();
    const visitor = new Visitor(app.url, streetViewer.cookie);
    const answer = await visitor.get(
      `/evaluations/compare?ids=${app.demo.id},${second.id}&format=json&table=comparison`,
    );
    expect(answer.status).to.equal(200);
    const codes = (JSON.parse(answer.html) as ComparisonRow[]).map((r) => r.code).sort();
    expect(codes).to.deep.equal(streetCommunities);
  });

  it('refuses one id, a repeated id or four ids with 400 naming ids', async () => {
    for (const ids of [app.demo.id, `${app.demo.id},${app.demo.id}`, 'a,b,c,d']) {
      const { status, html } = await admin().get(`/evaluations/compare?ids=${ids}`);
      expect(status, ids).to.equal(400);
      expect(html).to.include('query.ids');
    }
  });

  it('refuses a period the evaluations do not share with 400 naming period', async () => {
    const { status, html } = await admin().get(`${path}&period=1999`);
    expect(status).to.equal(400);
    expect(html).to.include('query.period');
  });

  it('takes the ids as repeated parameters, as the picker on the evaluations list sends them', async () => {
    const list = await admin().get('/evaluations');
    expect(list.html).to.include('action="/evaluations/compare"').and.include('name="ids"');
    const { status } = await admin().get(`/evaluations/compare?ids=${app.demo.id}&ids=${variant.id}`);
    expect(status).to.equal(200);
  });
});
