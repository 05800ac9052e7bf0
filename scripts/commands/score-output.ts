/**
 * Writes what `score` produces: scores.csv (uCode, [Time,] the normalised value of every indicator,
 * then the score of every node from the lowest level up to the index) and ranks.csv (the same shape,
 * ranks within the period), with numbers in JavaScript's shortest round-trip form and missing values
 * empty; units screened out of a period are left out of that period. Also log.json: the resolved
 * choices and the engine's log.
 *
 * @example writeScoreFiles(result, 'out', { periodColumn: 'Time' })
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RowFlag } from '../../server/engine/flags.js';
import type { EngineResult } from '../../server/engine/result.js';
import { safeCsv, type CsvCell } from '../../server/intake/safe-csv.js';

export interface OutputShape {
  readonly unitColumn: string;
  /** Set when the output needs a period column (more than one period). */
  readonly periodColumn?: string;
}

export function writeScoreFiles(result: EngineResult, dir: string, shape: OutputShape): { rows: number } {
  mkdirSync(dir, { recursive: true });
  const columns = [...result.indicatorIds, ...result.nodeIds];
  const header = [
    shape.unitColumn,
    ...(shape.periodColumn === undefined ? [] : [shape.periodColumn]),
    ...columns,
  ];
  const scores: CsvCell[][] = [header];
  const ranks: CsvCell[][] = [header];
  result.periodIds.forEach((periodId, p) => {
    result.unitCodes.forEach((code, u) => {
      const row = p * result.unitCount + u;
      if (((result.rowFlags[row] ?? 0) & RowFlag.ScreenedOut) !== 0) return;
      const key = [code, ...(shape.periodColumn === undefined ? [] : [periodId])];
      scores.push([
        ...key,
        ...columns.map((id) =>
          number((result.normalised.values.get(id) ?? result.scores.values.get(id))?.[row]),
        ),
      ]);
      ranks.push([...key, ...columns.map((id) => rank(result.ranks.get(id)?.[row]))]);
    });
  });
  writeFileSync(path.join(dir, 'scores.csv'), safeCsv(scores, { bom: false }));
  writeFileSync(path.join(dir, 'ranks.csv'), safeCsv(ranks, { bom: false }));
  writeFileSync(
    path.join(dir, 'log.json'),
    `${JSON.stringify({ choices: result.choices, log: result.log }, null, 1)}\n`,
  );
  return { rows: scores.length - 1 };
}

/** The value (written as its shortest round-trip decimal), empty when missing. */
function number(value: number | undefined): number | null {
  return value === undefined || !Number.isFinite(value) ? null : value;
}

function rank(value: number | undefined): number | null {
  return value === undefined || value === 0 ? null : value;
}
