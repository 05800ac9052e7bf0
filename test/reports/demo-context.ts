/**
 * The demo city's evaluation as a report context, built from its stored results in a temporary
 * embedded store (dispose() removes the store), for view-model tests on real data.
 */
import { loadDemo } from '../../server/demo/load-demo.js';
import { buildReportContext, type ReportContext } from '../../server/reports/context/report-context.js';
import { appDeps } from '../support/app-deps.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

export async function demoContext(): Promise<{ context: ReportContext; dispose: () => Promise<void> }> {
  const temp = await tempEmbeddedStore();
  const deps = await appDeps(temp.store);
  const demo = await loadDemo(temp.store, deps.registry);
  const context = buildReportContext(demo, await temp.store.evaluations.readResults(demo.id));
  return { context, dispose: temp.dispose };
}
