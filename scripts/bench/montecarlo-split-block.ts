/**
 * One process of montecarlo-split-bench.ts: reads the evaluation's inputs from the store (a MongoDB
 * URI, or an embedded store's directory), prepares the uncertainty analysis, runs replications
 * [from, to) on this thread, writes the block as JSON (block-json.ts) and prints its timings.
 *
 * Run: npx tsx scripts/bench/montecarlo-split-block.ts (--mongo URI | --embedded DIR) --settings FILE --from N --to N --out FILE
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { blockToJson } from '../../server/engine/uncertainty/block-json.js';
import { runReplicationBlock } from '../../server/engine/uncertainty/blocks.js';
import { prepareUncertainty } from '../../server/engine/uncertainty/prepare.js';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import { indicatorsDir } from '../../server/paths.js';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.js';
import { MongoStore } from '../../server/store/mongo/mongo-store.js';
import { splitAnalysisInput, type SplitSettings } from './montecarlo-split-input.js';

function arg(name: string): string {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? process.argv[at + 1] : undefined;
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const settings = JSON.parse(readFileSync(arg('--settings'), 'utf8')) as SplitSettings;
  const mongo = process.argv.includes('--mongo');
  const store = mongo ? await MongoStore.open(arg('--mongo')) : await EmbeddedStore.open(arg('--embedded'));
  const registry = await loadRegistry(indicatorsDir);
  const { input, choices } = await splitAnalysisInput(store, registry, settings);
  await store.close();
  const t1 = performance.now();
  const prepared = prepareUncertainty(input, choices, settings.uncertainty);
  const t2 = performance.now();
  const block = runReplicationBlock(prepared, Number(arg('--from')), Number(arg('--to')));
  const t3 = performance.now();
  writeFileSync(arg('--out'), JSON.stringify(blockToJson(block)));
  const cpu = process.cpuUsage();
  const timings = {
    readMs: t1 - t0,
    prepareMs: t2 - t1,
    runMs: t3 - t2,
    writeMs: performance.now() - t3,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
  process.stdout.write(`${JSON.stringify(timings)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
