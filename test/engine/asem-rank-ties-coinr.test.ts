import { expect } from 'chai';
import path from 'node:path';
import { projectRoot } from '../../server/paths.js';
import type { EngineResult } from '../../server/engine/result.js';
import { asemDir, readCsv, runAsem } from './support/asem.js';

// COINr 1.1.14's own ranks of ASEM with n_rank and n_prank normalisation, a_amean aggregation and
// rank(-score, ties = "min"), computed by COINr's functions (test/fixtures/asem-rank-ties/README.md).
// COINr averages in floating point, so units whose pillar means are equal in exact arithmetic can come
// out a few ulps apart and get different ranks; Zhili gives them one shared rank. Everywhere else the
// two must agree, and where they differ COINr's rank must fall inside the block of Zhili's tie.
const fixtures = path.join(projectRoot, 'test', 'fixtures', 'asem-rank-ties');
const variants: [string, string][] = [
  ['rank', 'coinr-ranks-rank.csv'],
  ['percentile_rank', 'coinr-ranks-percentile-rank.csv'],
];

describe("ASEM with rank normalisation against COINr's own ranks", function () {
  this.timeout(120_000);

  for (const [normalisation, file] of variants) {
    describe(`normalisation ${normalisation}`, () => {
      const coinr = readCsv(path.join(fixtures, file));
      const codes = Object.keys(coinr[0] ?? {}).filter((c) => c !== 'uCode');
      let result: EngineResult;
      before(async () => {
        result = await runAsem(path.join(asemDir, 'asem_iData.csv'), { normalisation });
      });

      it('covers every ASEM unit and every pillar, sub-index and the index', () => {
        expect(coinr).to.have.length(result.unitCount);
        expect(codes).to.have.members(result.nodeIds);
      });

      for (const code of ['Conn', 'Sust', 'Index']) {
        it(`ranks ${code} exactly as COINr does`, () => {
          const zhili = result.ranks.get(code)!;
          for (const row of coinr) {
            expect(zhili[result.row(row.uCode!, 0)], `${row.uCode}`).to.equal(Number(row[code]));
          }
        });
      }

      it('differs from COINr in a pillar only where COINr splits a tie that Zhili keeps', () => {
        for (const code of codes) {
          const zhili = result.ranks.get(code)!;
          for (const row of coinr) {
            const mine = zhili[result.row(row.uCode!, 0)]!;
            const theirs = Number(row[code]);
            if (mine === theirs) continue;
            const tieSize = Array.from(zhili).filter((r) => r === mine).length;
            expect(tieSize, `${code} ${row.uCode}: Zhili ${mine}, COINr ${theirs}`).to.be.greaterThan(1);
            expect(theirs, `${code} ${row.uCode}`).to.be.within(mine, mine + tieSize - 1);
          }
        }
      });
    });
  }
});
