/**
 * `export EVALUATION --format coinr --out DIR`: writes iData.csv, iMeta.csv and results.csv
 * (server/evaluation/export-coinr.ts) into DIR, on the direct path and through the running server alike.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { coinrTables } from '../../server/evaluation/export-coinr.js';
import type { ResultsDocument } from '../../server/evaluation/results-document.js';
import { readFrameworkSnapshot } from '../../server/reports/context/framework-snapshot.js';
import { cliErrorOf } from './app-error-text.js';

export async function writeCoinrFolder(
  out: string,
  frameworkDefinition: unknown,
  results: ResultsDocument,
): Promise<void> {
  let tables;
  try {
    tables = coinrTables(results, readFrameworkSnapshot(frameworkDefinition));
  } catch (error) {
    throw cliErrorOf(error);
  }
  await mkdir(out, { recursive: true });
  await writeFile(path.join(out, 'iData.csv'), tables.iData);
  await writeFile(path.join(out, 'iMeta.csv'), tables.iMeta);
  await writeFile(path.join(out, 'results.csv'), tables.results);
  console.error(`wrote ${path.join(out, 'iData.csv')}, iMeta.csv and results.csv`);
}
