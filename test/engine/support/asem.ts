/**
 * The ASEM example for tests: COINr's data read straight from the shared CSVs with plain code, and
 * the engine's result for the asem framework (through the registry and the score command's choices).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { runPipeline } from '../../../server/engine/pipeline.js';
import type { EngineResult } from '../../../server/engine/result.js';
import { loadRegistry } from '../../../server/indicators/load-registry.js';
import { toEngineInput } from '../../../server/indicators/to-engine-input.js';
import { indicatorsDir, projectRoot } from '../../../server/paths.js';
import { scoreChoices } from '../../../scripts/commands/score-choices.js';
import { withRawIndicators } from '../../../scripts/commands/score-raw-indicators.js';
import { readScoringData } from '../../../scripts/commands/score-table.js';

export const asemDir = path.join(projectRoot, '..', 'shared', 'datasets', 'asem');
export const panelDir = path.join(projectRoot, '..', 'shared', 'datasets', 'asem_panel');

export type CsvRow = Record<string, string>;

export function readCsv(file: string): CsvRow[] {
  return parse<CsvRow>(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true });
}

export interface MetaRow {
  readonly code: string;
  readonly level: number;
  readonly direction: number;
  readonly denominator: string;
  readonly parent: string;
}

export function readMeta(): MetaRow[] {
  return readCsv(path.join(asemDir, 'asem_iMeta.csv'))
    .filter((r) => r.Level !== '')
    .map((r) => ({
      code: r.iCode ?? '',
      level: Number(r.Level),
      direction: Number(r.Direction),
      denominator: r.Denominator ?? '',
      parent: r.Parent ?? '',
    }));
}

/** A numeric cell, or null when empty. */
export function cell(row: CsvRow, column: string): number | null {
  const text = row[column] ?? '';
  return text === '' ? null : Number(text);
}

export async function runAsem(file: string, options: Record<string, string> = {}): Promise<EngineResult> {
  const framework = (await loadRegistry(indicatorsDir)).resolveFramework('asem');
  const data = await readScoringData(file, { unitColumn: 'uCode', periodColumn: 'Time' });
  const panel = data.periods.length > 1;
  const input = toEngineInput(framework, data.units, data.periods);
  return runPipeline(
    panel ? withRawIndicators(input, data.numericColumns) : input,
    scoreChoices(framework, options, panel),
  );
}
