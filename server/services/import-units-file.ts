/**
 * A unit register file → a units import, end to end: size limit, hash and duplicate check,
 * parsing, checking (parents may already be in the store), then the all-or-nothing batch.
 */
import { importRecords } from '../store/import-records.js';
import type { Store } from '../store/store.js';
import type { IntakeResult, IntakeStage } from './import-observations-file.js';
import { assertSize, DEFAULT_MAX_BYTES, sha256Of, type IntakeFile } from '../intake/intake-file.js';
import { readTable } from '../intake/read-table.js';
import { checkUnits } from '../intake/validate-units.js';

export interface UnitsIntake {
  readonly actor: string;
  readonly maxBytes?: number;
  readonly onProgress?: (stage: IntakeStage, done: number, total: number) => void;
}

export async function importUnitsFile(
  store: Store,
  file: IntakeFile,
  intake: UnitsIntake,
): Promise<IntakeResult> {
  assertSize(file.fileName, file.bytes.length, intake.maxBytes ?? DEFAULT_MAX_BYTES);
  const sha256 = sha256Of(file.bytes);
  const earlier = await store.imports.findCommitted('units', sha256, null);
  if (earlier !== undefined)
    return { outcome: 'duplicate', batch: earlier, report: await store.imports.report(earlier.id) };
  intake.onProgress?.('reading', 0, 1);
  const table = await readTable(file);
  intake.onProgress?.('checking', 0, table.rows.length);
  const existing = new Map((await store.units.list()).map((unit) => [unit.code, unit.level]));
  const { units, report } = await checkUnits({ table, existing });
  const request = {
    kind: 'units' as const,
    actor: intake.actor,
    fileName: file.fileName,
    sha256,
    period: null,
    periods: [],
  };
  const result = await importRecords(store, request, units, {
    tally: { rows: report.rows, errors: report.errors, warnings: report.warnings },
    report,
    onProgress: (stored, total) => intake.onProgress?.('storing', stored, total),
  });
  return { ...result, report };
}
