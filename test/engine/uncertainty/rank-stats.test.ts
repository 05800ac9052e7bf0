import { expect } from 'chai';
import fc from 'fast-check';
import { quantileSorted } from '../../../server/engine/uncertainty/quantile.js';
import { rankStatistics } from '../../../server/engine/uncertainty/rank-stats.js';

describe('uncertainty: rank statistics per unit', () => {
  // Two rows (units) over five runs, run-major: ranks[run * 2 + row].
  // Row 0 ranks 1, 3, 2, 1, 5; row 1 ranks 2, 1, 1, 0 (no rank), 1.
  const ranks = Uint32Array.of(1, 2, 3, 1, 2, 1, 1, 0, 5, 1);

  it('gives the median and the 5–95 % interval by type-7 quantiles of the ranks', () => {
    // Row 0 sorted: 1, 1, 2, 3, 5 (n = 5): h = 4p → p5: 1 + 0.2·0 = 1; median: 2; p95: h = 3.8 → 3 + 0.8·2 = 4.6
    const stats = rankStatistics(ranks, 2, [0, 1, 2, 3, 4], 2);
    expect(stats.median[0]).to.equal(2);
    expect(stats.p5[0]).to.equal(1);
    expect(stats.p95[0]).to.be.closeTo(4.6, 1e-12);
  });

  it('leaves out the runs in which the unit had no rank', () => {
    // Row 1 sorted without the 0: 1, 1, 1, 2 (n = 4): h = 3p → median h = 1.5 → 1; p95 h = 2.85 → 1 + 0.85·1
    const stats = rankStatistics(ranks, 2, [0, 1, 2, 3, 4], 2);
    expect(stats.ranked[1]).to.equal(4);
    expect(stats.median[1]).to.equal(1);
    expect(stats.p95[1]).to.be.closeTo(1.85, 1e-12);
  });

  it('counts the share of ranked runs in the top N', () => {
    const stats = rankStatistics(ranks, 2, [0, 1, 2, 3, 4], 2);
    expect(stats.topShare[0]).to.equal(3 / 5); // ranks 1, 2, 1
    expect(stats.topShare[1]).to.equal(1);
  });

  it('uses only the runs it is given', () => {
    const stats = rankStatistics(ranks, 2, [1, 4], 2);
    expect(stats.ranked[0]).to.equal(2);
    expect(stats.median[0]).to.equal(4); // ranks 3 and 5
  });

  it('marks a unit never ranked with NaN statistics and zero ranked runs', () => {
    const stats = rankStatistics(Uint32Array.of(1, 0, 1, 0), 2, [0, 1], 10);
    expect(stats.ranked[1]).to.equal(0);
    expect(stats.median[1]).to.be.NaN;
    expect(stats.topShare[1]).to.be.NaN;
  });

  it('finds the quantiles of ranks in one narrow band and spread over many', () => {
    // Ten runs. Row 0: 3 3 3 4 4 4 5 5 6 7 sorted (span 4); row 1: 1 2 3 4 5 6 50 700 800 900
    // (span 899, many buckets of 64). h = 9p: median h = 4.5, p5 h = 0.45, p95 h = 8.55.
    const narrow = [5, 3, 4, 3, 5, 4, 4, 6, 3, 7];
    const wide = [1, 900, 50, 2, 700, 3, 4, 5, 6, 800];
    const ranks = Uint32Array.from(narrow.flatMap((rank, run) => [rank, wide[run]!]));
    const stats = rankStatistics(ranks, 2, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 3);
    expect([stats.p5[0], stats.median[0]]).to.deep.equal([3, 4]);
    expect(stats.p95[0]).to.be.closeTo(6.55, 1e-12); // 6 + 0.55 · (7 − 6)
    expect(stats.p5[1]).to.be.closeTo(1.45, 1e-12); // 1 + 0.45 · (2 − 1)
    expect(stats.median[1]).to.equal(5.5); // 5 + 0.5 · (6 − 5)
    expect(stats.p95[1]).to.be.closeTo(855, 1e-9); // 800 + 0.55 · (900 − 800)
    expect(Array.from(stats.topShare)).to.deep.equal([0.3, 0.3]);
  });

  it('gives the quantiles of the sorted ranks, for any ranks and runs left out', () => {
    fc.assert(
      fc.property(
        // Up to 150 rows: past the 64-row blocks rankStatistics gathers at a time.
        fc.integer({ min: 1, max: 150 }).chain((rows) =>
          fc.tuple(
            fc.constant(rows),
            fc.array(fc.array(fc.integer({ min: 0, max: 700 }), { minLength: rows, maxLength: rows }), {
              minLength: 1,
              maxLength: 40,
            }),
            fc.integer({ min: 1, max: 300 }),
          ),
        ),
        ([rows, runRanks, top]) => {
          const ranks = Uint32Array.from(runRanks.flat());
          const runs = runRanks.map((_, run) => run).filter((run) => run % 3 !== 1);
          const stats = rankStatistics(ranks, rows, runs, top);
          for (let row = 0; row < rows; row++) {
            const sorted = Float64Array.from(
              runs.map((run) => runRanks[run]![row]!).filter((rank) => rank !== 0),
            ).sort();
            const expected = [0.5, 0.05, 0.95].map((p) => quantileSorted(sorted, p));
            expect([stats.median[row], stats.p5[row], stats.p95[row]]).to.deep.equal(expected);
            expect(stats.ranked[row]).to.equal(sorted.length);
          }
        },
      ),
      { seed: 5, numRuns: 300 },
    );
  });
});
