/**
 * The improvement options kept as typed columns give back each row's options exactly as stored:
 * a hand-made list with missing cells and rows without options, and every row of every level of the
 * demo city's stored results.
 */
import { expect } from 'chai';
import { loadDemo } from '../../../server/demo/load-demo.js';
import type { ImprovementDocument } from '../../../server/evaluation/figures-document.js';
import type { ResultsDocument } from '../../../server/evaluation/results-document.js';
import { compactImprovements, improvementsAt } from '../../../server/reports/context/compact-improvements.js';
import { appDeps } from '../../support/app-deps.js';
import { tempEmbeddedStore } from '../../support/temp-store.js';

const option = (indicator: string, from: number | null, rankGain: number | null): ImprovementDocument => ({
  indicator,
  from,
  to: 80,
  rawChange: -0.5,
  scoreGain: 1.25,
  newScore: null,
  newRank: 3,
  rankGain,
});

describe('reports: improvement options as typed columns', function () {
  this.timeout(120_000);

  it('gives back every row as stored, nulls and empty rows included', () => {
    const rows = [[], [option('a', 12.5, 4), option('b', null, null)], [], [option('a', -0, 0)]];
    const compact = compactImprovements(rows);
    rows.forEach((options, row) => {
      expect(improvementsAt(compact, row)).to.deep.equal(options);
    });
    expect(Object.is(improvementsAt(compact, 3)[0]?.from, -0)).to.equal(true);
    expect(improvementsAt(compact, -1)).to.deep.equal([]);
    expect(improvementsAt(compact, 4)).to.deep.equal([]);
  });

  it('gives back every row of every level of the demo city', async () => {
    const temp = await tempEmbeddedStore();
    try {
      const deps = await appDeps(temp.store);
      const demo = await loadDemo(temp.store, deps.registry);
      const stored = (await temp.store.evaluations.readResults(demo.id)) as unknown as ResultsDocument;
      const levels = [stored.figures, ...(stored.rollup?.levels ?? []).map((level) => level.figures)];
      let options = 0;
      for (const figures of levels) {
        if (figures === undefined) continue;
        const compact = compactImprovements(figures.improvements);
        figures.improvements.forEach((row, at) => {
          expect(improvementsAt(compact, at)).to.deep.equal(row);
          options += row.length;
        });
      }
      expect(options).to.be.above(1000);
    } finally {
      await temp.dispose();
    }
  });
});
