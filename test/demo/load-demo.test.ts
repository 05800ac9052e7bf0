import { expect } from 'chai';
import { loadDemo } from '../../server/demo/load-demo.js';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import { indicatorsDir } from '../../server/paths.js';
import type { ResultsDocument } from '../../server/evaluation/results-document.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

describe('loading the demo city', function () {
  this.timeout(60_000);

  it('imports units and three periods, then publishes a default evaluation with a rank for every reporting community', async () => {
    const { store, dispose } = await tempEmbeddedStore();
    try {
      const evaluation = await loadDemo(store, await loadRegistry(indicatorsDir));
      expect(evaluation.status).to.equal('published');
      expect(evaluation.periods).to.deep.equal(['2023', '2024', '2025']);
      expect(evaluation.framework.id).to.equal('default');
      expect(evaluation.framework.hashes)
        .to.have.property('grid_household_coverage')
        .that.matches(/^sha256:[0-9a-f]{64}$/);
      expect(await store.units.codes()).to.have.length(1088);
      const results = (await store.evaluations.readResults(evaluation.id)) as unknown as ResultsDocument;
      expect(results.units).to.have.length(1000);
      const ranks = results.ranks[results.root]!;
      expect(ranks).to.have.length(3000);
      const ranked = ranks.slice(0, 1000).filter((r) => r !== null);
      expect(ranked.length).to.be.greaterThan(990);
      expect(Math.min(...ranked)).to.equal(1);
      // The residents' survey beside the index: every district pools a few hundred respondents.
      const surveys = results.surveys!;
      expect(surveys.indicators.map((i) => i.id)).to.deep.equal([
        'satisfaction_share',
        'satisfaction_mean',
        'gain_share',
      ]);
      const districts = surveys.indicators[0]!.levels.district!;
      expect(districts.units).to.have.length(7);
      for (const n of districts.n) expect(n).to.be.within(200, 700);
      expect(districts.missing.every((m) => m === null)).to.equal(true);
      expect(surveys.indicators[0]!.levels.community!.missing).to.include('sample_too_small');
    } finally {
      await dispose();
    }
  });

  it('stores diagnostics and the roll-up to streets, districts and the city', async () => {
    const { store, dispose } = await tempEmbeddedStore();
    try {
      const evaluation = await loadDemo(store, await loadRegistry(indicatorsDir));
      const results = (await store.evaluations.readResults(evaluation.id)) as unknown as ResultsDocument;
      // The Monte Carlo analysis: 200 runs, and every ranked unit's interval holds its median.
      const uncertainty = results.uncertainty!;
      expect(uncertainty.runs).to.equal(200);
      const rows = uncertainty.median.map((median, row) => ({
        median,
        p5: uncertainty.p5[row],
        p95: uncertainty.p95[row],
      }));
      const ranked = rows.filter((r) => r.median !== null);
      expect(ranked.length).to.be.greaterThan(2900);
      for (const r of ranked) expect(r.p5! <= r.median! && r.median! <= r.p95!).to.equal(true);
      expect(ranked.some((r) => r.p95! > r.p5!)).to.equal(true);
      const levels = results.rollup?.levels ?? [];
      expect(levels.map((l) => l.codes.length)).to.deep.equal([80, 7, 1]);
      // 光谷区 (WY03) is weak in autonomy: most of its communities have autonomy as their 短板.
      const last = 2 * results.units.length;
      const guanggu = results.units.map((code, i) => ({ code, i })).filter((u) => u.code.startsWith('WY03'));
      const autonomyWeakest = guanggu.filter(
        (u) => results.diagnostics?.weakestDimension[last + u.i] === 'autonomy',
      );
      expect(autonomyWeakest.length / guanggu.length).to.be.greaterThan(0.8);
      // 新港区 (WY04) improves: its rolled-up district index rises every period.
      const districts = levels[1]!;
      const at = districts.codes.indexOf('WY04');
      const index = districts.scores[results.root]!;
      const [a, b, c] = [0, 1, 2].map((p) => index[p * districts.codes.length + at]!);
      expect(b).to.be.greaterThan(a!);
      expect(c).to.be.greaterThan(b!);
    } finally {
      await dispose();
    }
  });

  it('changes nothing when loaded a second time', async () => {
    const { store, dispose } = await tempEmbeddedStore();
    try {
      const registry = await loadRegistry(indicatorsDir);
      const first = await loadDemo(store, registry);
      const batches = (await store.imports.list()).length;
      const second = await loadDemo(store, registry);
      expect(second.id).to.equal(first.id);
      expect(await store.imports.list()).to.have.length(batches);
      expect(await store.evaluations.list()).to.have.length(1);
    } finally {
      await dispose();
    }
  });
});
