import { expect } from 'chai';
import path from 'node:path';
import type { EngineResult } from '../../server/engine/result.js';
import { asemDir, readCsv, readMeta, runAsem } from './support/asem.js';
import { orientedByHand } from './support/asem-by-hand.js';
import { rankDescending } from './support/coinr-by-hand.js';

// COINr's methodology with rank and percentile-rank normalisation, ranked by hand in exact integer
// arithmetic: every indicator becomes its rank r (ties "min", 1 = worst); a pillar's mean rank
// orders units as the integer sum K of its ranks; a sub-index as Σ K_p · (L / m_p), L the least
// common multiple of the pillar sizes m_p; the index as Σ of those over the sub-indices, each times
// (L' / number of pillars). Percentile ranks (r - 1) / (n - 1) are an increasing linear map of r, so
// they order every aggregate the same way. Units tied in exact arithmetic must share a rank.
describe('ASEM with rank normalisation: ranks tie where exact arithmetic ties', function () {
  this.timeout(120_000);
  const rows = readCsv(path.join(asemDir, 'asem_iData.csv'));
  const meta = readMeta();
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const lcm = (values: number[]): number => values.reduce((l, v) => (l * v) / gcd(l, v), 1);
  const childrenOf = (parent: string): string[] => meta.filter((m) => m.parent === parent).map((m) => m.code);

  /** rank(x, ties = "min"), ascending: 1 + the number of values strictly smaller. */
  const ascendingRanks = (x: readonly number[]): number[] => x.map((a) => 1 + x.filter((b) => b < a).length);

  const indicatorRanks = new Map<string, number[]>();
  for (const m of meta.filter((i) => i.level === 1))
    indicatorRanks.set(m.code, ascendingRanks(orientedByHand(rows, meta, m.code)));

  const pillars = meta.filter((m) => m.level === 2).map((m) => m.code);
  const subIndices = meta.filter((m) => m.level === 3).map((m) => m.code);
  const pillarKey = new Map(
    pillars.map((p) => [
      p,
      rows.map((_, u) => childrenOf(p).reduce((s, code) => s + (indicatorRanks.get(code)?.[u] ?? 0), 0)),
    ]),
  );
  const pillarLcm = lcm(pillars.map((p) => childrenOf(p).length));
  const subKey = new Map(
    subIndices.map((s) => [
      s,
      rows.map((_, u) =>
        childrenOf(s).reduce(
          (sum, p) => sum + (pillarKey.get(p)?.[u] ?? 0) * (pillarLcm / childrenOf(p).length),
          0,
        ),
      ),
    ]),
  );
  const subLcm = lcm(subIndices.map((s) => childrenOf(s).length));
  const indexKey = rows.map((_, u) =>
    subIndices.reduce((sum, s) => sum + (subKey.get(s)?.[u] ?? 0) * (subLcm / childrenOf(s).length), 0),
  );
  const expected = new Map<string, (number | null)[]>([
    ...pillars.map((p): [string, (number | null)[]] => [p, rankDescending(pillarKey.get(p) ?? [])]),
    ...subIndices.map((s): [string, (number | null)[]] => [s, rankDescending(subKey.get(s) ?? [])]),
    ['Index', rankDescending(indexKey)],
  ]);

  it('has units tied in exact arithmetic in some pillar (the case the test is about)', () => {
    const tied = pillars.filter((p) => new Set(pillarKey.get(p)).size < rows.length);
    expect(tied.length).to.be.greaterThan(0);
  });

  for (const normalisation of ['rank', 'percentile_rank']) {
    describe(`normalisation ${normalisation}`, () => {
      let result: EngineResult;
      before(async () => {
        result = await runAsem(path.join(asemDir, 'asem_iData.csv'), { normalisation });
      });

      for (const code of [...expected.keys()]) {
        it(`ranks ${code} as COINr does by hand, ties shared`, () => {
          expect(Array.from(result.ranks.get(code) ?? [])).to.deep.equal(expected.get(code));
        });
      }
    });
  }
});
