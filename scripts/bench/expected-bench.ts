/**
 * Benchmark of the expected score (server/engine/context/expected): the ordinary least squares of
 * the index score on five structural attributes (resident population and households on a log
 * scale, urban/rural, area, old-compound share) and every unit's expected score and difference,
 * for synthetic communities over three periods. Prints the first run, the best of three and the
 * heap used.
 *
 * Run: npx tsx scripts/bench/expected-bench.ts [--units 600000]
 */
import { performance } from 'node:perf_hooks';
import { expectedScores } from '../../server/engine/context/expected/expected-scores.js';

const flag = process.argv.indexOf('--units');
const count = flag >= 0 ? Number(process.argv[flag + 1]) : 600_000;
if (!Number.isInteger(count) || count < 10) throw new Error('--units must be a whole number ≥ 10');

let seed = 20_251_123;
const uniform = (): number => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const units = Array.from({ length: count }, () => {
  const rural = uniform() < 0.3;
  const population = Math.round(rural ? 600 + uniform() * 4000 : 2000 + uniform() * 20_000);
  return {
    resident_population: population,
    households: Math.round(population / (2.3 + uniform())),
    urban_rural: rural ? 'rural' : 'urban',
    area_km2: rural ? 2 + uniform() * 8 : 0.2 + uniform(),
    old_compound_share: uniform(),
  };
});
const periodIds = ['2023', '2024', '2025'];
const scores = Float64Array.from({ length: count * periodIds.length }, (_, row) => {
  const unit = units[row % count];
  const base =
    unit === undefined ? 50 : 30 + 3 * Math.log(unit.resident_population) - 2 * unit.old_compound_share;
  return uniform() < 0.02 ? Number.NaN : base + uniform() * 30;
});
const settings = {
  method: 'ols',
  attributes: ['resident_population', 'urban_rural', 'area_km2', 'old_compound_share', 'households'],
  log: ['resident_population', 'households'],
} as const;

const times: number[] = [];
let r2 = 0;
for (let run = 0; run < 3; run++) {
  const start = performance.now();
  const result = expectedScores({ periodIds, scores, units }, settings);
  times.push(performance.now() - start);
  r2 = result?.fits[2]?.r2 ?? Number.NaN;
}
const heap = process.memoryUsage();
console.log(
  `${count} units × ${periodIds.length} periods, 5 attributes: first ${times[0]?.toFixed(0)} ms, best ${Math.min(...times).toFixed(0)} ms; ` +
    `R² ${r2.toFixed(3)}; heap used ${(heap.heapUsed / 2 ** 20).toFixed(0)} MiB, array buffers ${(heap.arrayBuffers / 2 ** 20).toFixed(0)} MiB, RSS ${(heap.rss / 2 ** 20).toFixed(0)} MiB`,
);
