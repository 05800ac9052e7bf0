/**
 * Benchmark of the statistical audit (server/engine/audit) of a 10,000-community evaluation: the
 * default framework's 33 indicators on synthetic data (2 % gaps), scored by the default pipeline, then
 * audited — statistics, 528 correlation pairs (Pearson and Spearman), flags, with-parent, Cronbach,
 * PCA, size correlations, and a weight → aggregate → rank regeneration per indicator and dimension for
 * the removal table.
 * Prints the time of the pipeline and of the audit (first run and best of three) and the peak RSS.
 *
 * Run: npx tsx scripts/bench/audit-bench.ts [--units 10000]
 */
import { performance } from 'node:perf_hooks';
import { auditEvaluation } from '../../server/engine/audit/audit.js';
import { runPipeline } from '../../server/engine/pipeline.js';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import { engineChoices, toEngineInput } from '../../server/indicators/to-engine-input.js';
import { indicatorsDir } from '../../server/paths.js';
import { syntheticVariables } from './engine-data.js';

const flag = process.argv.indexOf('--units');
const units = flag >= 0 ? Number(process.argv[flag + 1]) : 10_000;
if (!Number.isInteger(units) || units < 10) throw new Error('--units must be a whole number ≥ 10');

const framework = (await loadRegistry(indicatorsDir)).resolveFramework('default');
const codes = Array.from({ length: units }, (_, i) => `c${i}`);
const input = toEngineInput(framework, { codes }, [
  { id: '2024', variables: syntheticVariables(framework, units, 20_24) },
]);

let start = performance.now();
const result = runPipeline(input, engineChoices(framework));
const pipelineMs = performance.now() - start;

const audits: number[] = [];
let elements = 0;
for (let run = 0; run < 3; run++) {
  start = performance.now();
  const audit = auditEvaluation(input, result);
  audits.push(performance.now() - start);
  elements = audit.removal.length;
  if (audit.correlations.length === 0) throw new Error('no correlations');
}
const peak = process.resourceUsage().maxRSS * 1024;
const ms = (x: number): string => `${(x / 1000).toFixed(2)} s`;
console.log(
  `${units} units × ${result.indicatorIds.length} indicators, ${elements} elements removed in turn`,
);
console.log(
  `pipeline ${ms(pipelineMs)}; audit first ${ms(audits[0] ?? 0)}, best of 3 ${ms(Math.min(...audits))}`,
);
console.log(`peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB`);
