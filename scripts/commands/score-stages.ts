/**
 * `score --stages`: every stage's values, one CSV each in <out>/stages/: computed.csv (the indicators
 * as computed from the data, before imputation), imputed.csv, treated.csv, normalised.csv and
 * aggregated.csv (the score of every node), all with uCode [, Time] first, every unit-period row
 * (screened-out ones included, so nothing is silently left out) and missing values empty.
 *
 * @example writeStageFiles(result, 'out', { unitColumn: 'uCode' }) // out/stages/computed.csv …
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EngineResult } from '../../server/engine/result.js';
import type { ColumnSet } from '../../server/engine/types.js';
import { safeCsv, type CsvCell } from '../../server/intake/safe-csv.js';
import type { OutputShape } from './score-output.js';

export const STAGE_FILES = ['computed', 'imputed', 'treated', 'normalised', 'aggregated'] as const;

function stageTable(
  result: EngineResult,
  set: ColumnSet,
  ids: readonly string[],
  shape: OutputShape,
): CsvCell[][] {
  const header = [
    shape.unitColumn,
    ...(shape.periodColumn === undefined ? [] : [shape.periodColumn]),
    ...ids,
  ];
  const rows: CsvCell[][] = [header];
  result.periodIds.forEach((periodId, p) => {
    result.unitCodes.forEach((code, u) => {
      const row = p * result.unitCount + u;
      const key = [code, ...(shape.periodColumn === undefined ? [] : [periodId])];
      rows.push([
        ...key,
        ...ids.map((id) => {
          const value = set.values.get(id)?.[row];
          return value === undefined || !Number.isFinite(value) ? null : value;
        }),
      ]);
    });
  });
  return rows;
}

export function writeStageFiles(result: EngineResult, dir: string, shape: OutputShape): string {
  const folder = path.join(dir, 'stages');
  mkdirSync(folder, { recursive: true });
  const sets: Record<(typeof STAGE_FILES)[number], [ColumnSet, readonly string[]]> = {
    computed: [result.raw, result.indicatorIds],
    imputed: [result.imputed, result.indicatorIds],
    treated: [result.treated, result.indicatorIds],
    normalised: [result.normalised, result.indicatorIds],
    aggregated: [result.scores, result.nodeIds],
  };
  for (const name of STAGE_FILES) {
    const [set, ids] = sets[name];
    writeFileSync(
      path.join(folder, `${name}.csv`),
      safeCsv(stageTable(result, set, ids, shape), { bom: false }),
    );
  }
  return folder;
}
