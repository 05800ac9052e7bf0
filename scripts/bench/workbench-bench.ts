/**
 * The researcher's workbench on a realistic catalogue and city: a draft that revises the default
 * framework (the first dimension's weight doubled, version raised) is checked, its impact previewed
 * on a stored evaluation of the demo city (×copies), and published; then the catalogue is reloaded
 * as every publication does. Prints the median of several runs per step (the first preview
 * separately: it reads the evaluation and its data once) and the load average.
 *
 * Run: npx tsx scripts/bench/workbench-bench.ts [--copies 10] [--runs 5]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { runEvaluation } from '../../server/evaluation/run-evaluation.js';
import { indicatorsDir } from '../../server/paths.js';
import { cliActor } from '../../server/services/actor.js';
import { checkDefinitionDraft } from '../../server/services/check-definition-draft.js';
import { createDefinitionDraft, saveDefinitionDraft } from '../../server/services/definition-drafts.js';
import { openDefinitions } from '../../server/services/open-definitions.js';
import { previewDefinitions } from '../../server/services/preview-definitions.js';
import { publishDefinitionDraft } from '../../server/services/publish-definition-draft.js';
import { createServices } from '../../server/services/services.js';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.js';
import { scaledCity } from './scaled-city.js';
import { importScaledCity } from './import-scaled-city.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a whole number ≥ 1`);
  return value;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}

async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(work))[1]);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

/** The default framework's JSON with its first dimension's weight doubled. */
function reweighted(text: string): string {
  const framework = JSON.parse(text) as { dimensions: { id: string; weight: number }[] };
  const first = framework.dimensions[0];
  if (first === undefined) throw new Error('the default framework has no dimension');
  first.weight *= 2;
  return `${JSON.stringify(framework, null, 2)}\n`;
}

async function main(): Promise<void> {
  const copies = option('--copies', 10);
  const runs = option('--runs', 5);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'zhili-workbench-bench-'));
  const store = await EmbeddedStore.open(dataDir);
  try {
    const catalogue = await openDefinitions(store, indicatorsDir);
    const services = createServices(store, catalogue);
    const city = scaledCity(copies);
    await importScaledCity(store, city);
    const evaluation = await runEvaluation(store, services.registry, {
      frameworkId: 'default',
      periods: city.periods,
      actor: 'bench',
    });
    const actor = cliActor('bench');
    const draft = await createDefinitionDraft(services, actor, {
      title: 'first dimension counts double',
      start: { kind: 'revise', target: 'framework', id: 'default' },
    });
    const [change] = draft.changes;
    if (change?.text === null || change === undefined) throw new Error('the draft holds no framework');
    await saveDefinitionDraft(services, actor, draft.id, {
      changes: [{ file: change.file, text: reweighted(change.text) }],
    });

    const request = { draftId: draft.id, frameworkId: 'default', evaluationId: evaluation.id };
    const check = await median(runs, () => checkDefinitionDraft(services, actor, draft.id));
    const [preview, firstPreview] = await timed(() => previewDefinitions(services, actor, request));
    const previews = await median(runs, () => previewDefinitions(services, actor, request));
    const [published, publish] = await timed(() =>
      publishDefinitionDraft(services, actor, draft.id, 'bench'),
    );
    const reload = await median(runs, () => catalogue.reload());

    console.log(`communities: ${city.communities.length}, periods: ${city.periods.join(', ')}`);
    console.log(`check the draft (whole catalogue): median ${check.toFixed(0)} ms of ${runs}`);
    console.log(
      `impact preview: first ${firstPreview.toFixed(0)} ms, then median ${previews.toFixed(0)} ms of ${runs} (Spearman ρ ${preview.comparison.agreement[0]?.spearman.toFixed(4) ?? '—'} over ${preview.codes.length} communities)`,
    );
    console.log(
      `publish (check, store, audit, reload): ${publish.toFixed(0)} ms → catalogue version ${published.version}`,
    );
    console.log(`reload the catalogue: median ${reload.toFixed(0)} ms of ${runs}`);
    console.log(
      `load average: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
