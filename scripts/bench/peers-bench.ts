/**
 * Statistical nearest neighbours at city-region scale: 600,000 synthetic communities with the four
 * structural attributes of DOMAIN.md (resident population log-normal around 6,000, urban/rural with a
 * quarter rural, area log-normal and larger in the countryside, old-compound share 0–1; about 1 % of
 * units lack the area), k = 10. Times standardising, building the k-d tree and every unit's query
 * (server/engine/context/peers/nearest-peers.ts), then the median of the index over each unit and its
 * neighbours in one period (neighbour-figures.ts); best of `--repeat`, with the memory the result
 * holds and the process's peak RSS.
 *
 * Run: node --expose-gc --import tsx scripts/bench/peers-bench.ts [--units 600000] [--k 10] [--repeat 3]
 */
import { performance } from 'node:perf_hooks';
import { resourceUsage } from 'node:process';
import { nearestPeers } from '../../server/engine/context/peers/nearest-peers.js';
import { neighbourFigures } from '../../server/engine/context/peers/neighbour-figures.js';
import { random } from './engine-data.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a whole number ≥ 1`);
  return value;
}

const units = option('--units', 600_000);
const k = option('--k', 10);
const repeat = option('--repeat', 3);
const next = random(16);
const normal = (): number => Math.sqrt(-2 * Math.log(next() || 1e-12)) * Math.cos(2 * Math.PI * next());
const urban = Float64Array.from({ length: units }, () => (next() < 0.75 ? 1 : 0));
const columns = new Map([
  [
    'resident_population',
    Float64Array.from({ length: units }, () => Math.round(6000 * Math.exp(0.5 * normal()))),
  ],
  ['urban_rural', urban],
  [
    'area_km2',
    Float64Array.from(urban, (u) =>
      next() < 0.01 ? Number.NaN : (u === 1 ? 0.8 : 12) * Math.exp(0.6 * normal()),
    ),
  ],
  ['old_compound_share', Float64Array.from(urban, (u) => (u === 1 ? next() : next() * 0.2))],
]);
const scores = Float64Array.from({ length: units }, () => 60 + 10 * normal());

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const gc = (globalThis as { gc?: () => void }).gc;
let bestPeers = Infinity;
let bestFigures = Infinity;
let heldBytes = 0;
let excluded = 0;
for (let run = 0; run < repeat; run++) {
  gc?.();
  const before = process.memoryUsage();
  const t0 = performance.now();
  const peers = nearestPeers(columns, k);
  const t1 = performance.now();
  const figures = neighbourFigures(scores, peers.neighbours, k, units, 1);
  const t2 = performance.now();
  bestPeers = Math.min(bestPeers, t1 - t0);
  bestFigures = Math.min(bestFigures, t2 - t1);
  heldBytes = peers.neighbours.byteLength + peers.distances.byteLength + peers.missing.byteLength;
  excluded = peers.missing.filter((m) => m >= 0).length;
  const after = process.memoryUsage();
  console.log(
    `run ${run + 1}: neighbours ${(t1 - t0).toFixed(0)} ms, medians ${(t2 - t1).toFixed(0)} ms; ` +
      `heap +${mib(after.heapUsed - before.heapUsed)}, typed arrays +${mib(after.arrayBuffers - before.arrayBuffers)}; ` +
      `median of unit 0: ${figures.median[0]?.toFixed(2) ?? ''}`,
  );
}
console.log(
  `${units.toLocaleString('en')} communities, 4 attributes, k = ${k}: neighbours best ${(bestPeers / 1000).toFixed(2)} s, ` +
    `per-unit medians of one column best ${bestFigures.toFixed(0)} ms; ${excluded} units left out (no area); ` +
    `result ${mib(heldBytes)}; peak RSS ${mib(resourceUsage().maxRSS * 1024)}`,
);
