/**
 * A data file → an observations import, end to end: size limit, hash, the duplicate check (a file
 * already committed for the same period is returned as it is, without reading it), parsing,
 * checking against the framework's variables, rules and the unit register, then (for a file without
 * errors) the jumps from earlier periods and the completeness per street and district, then the
 * all-or-nothing batch. Errors in the file give a failed batch whose report lists every bad cell.
 */
import type { DataRule } from '../indicators/data-rules.js';
import type { JumpLimits } from '../indicators/definitions.js';
import { importRecords, type BatchProvenance, type ImportResult } from '../store/import-records.js';
import { periodFromId } from '../domain/period.js';
import type { ValidationReport } from '../domain/validation-report.js';
import type { Store } from '../store/store.js';
import { assertSize, DEFAULT_MAX_BYTES, sha256Of, type IntakeFile } from '../intake/intake-file.js';
import type { IntakeVariable } from '../intake/intake-variable.js';
import { readTable } from '../intake/read-table.js';
import { withBatchQuality } from './batch-quality.js';
import { plainCheckedObservations } from '../intake/plain-csv-columns.js';
import {
  checkObservations,
  type CheckedObservations,
  type ObservationCheck,
} from '../intake/validate-observations.js';

export type IntakeStage = 'reading' | 'checking' | 'storing';

export interface ObservationsIntake {
  readonly variables: readonly IntakeVariable[];
  /** The period of every row; null when the file's period column names them. */
  readonly period: string | null;
  /** The framework's import rules and valid ranges (framework.rules). */
  readonly rules?: readonly DataRule[];
  /** The framework's period-over-period limits (framework.definition.jumps). */
  readonly jumps?: JumpLimits | undefined;
  readonly actor: string;
  /** Who produced the figures, and the batch they correct (with why), stored with the batch. */
  readonly provenance?: BatchProvenance;
  readonly maxBytes?: number;
  readonly onProgress?: (stage: IntakeStage, done: number, total: number) => void;
}

export interface IntakeResult extends ImportResult {
  /** This run's report; for a duplicate, the report stored with the earlier batch (if any). */
  readonly report: ValidationReport | undefined;
}

export async function importObservationsFile(
  store: Store,
  file: IntakeFile,
  intake: ObservationsIntake,
): Promise<IntakeResult> {
  assertSize(file.fileName, file.bytes.length, intake.maxBytes ?? DEFAULT_MAX_BYTES);
  if (intake.period !== null) periodFromId(intake.period);
  const sha256 = sha256Of(file.bytes);
  const earlier = await store.imports.findCommitted(
    'observations',
    sha256,
    intake.period,
    intake.provenance?.source,
  );
  if (earlier !== undefined)
    return { outcome: 'duplicate', batch: earlier, report: await store.imports.report(earlier.id) };
  intake.onProgress?.('reading', 0, 1);
  // The register is read while the file is (a store in another process answers meanwhile).
  const knownUnits = store.units.codes().then((codes): ReadonlySet<string> => new Set(codes));
  knownUnits.catch(() => undefined); // awaited below; this only marks it handled meanwhile
  const check = {
    variables: intake.variables,
    knownUnits,
    period: intake.period,
    ...(intake.rules === undefined ? {} : { rules: intake.rules }),
  };
  // A plain CSV with every cell sound is read and checked in one pass; any other file, or one
  // with an issue to report, goes the general way (the same rows and report either way).
  const plain = await plainCheckedObservations(file, check);
  if (plain !== undefined) intake.onProgress?.('checking', plain.rows.length, plain.rows.length);
  const checked = plain ?? (await readAndCheck(file, { ...check, knownUnits: await knownUnits }, intake));
  const { rows, periods } = checked;
  const report =
    checked.report.errors > 0
      ? checked.report
      : await withBatchQuality(
          store,
          checked,
          intake.variables.map((v) => v.name),
          intake.jumps,
        );
  const request = {
    kind: 'observations' as const,
    actor: intake.actor,
    fileName: file.fileName,
    sha256,
    period: intake.period,
    periods: intake.period === null ? periods : [intake.period],
    ...intake.provenance,
  };
  const result = await importRecords(store, request, rows, {
    tally: { rows: report.rows, errors: report.errors, warnings: report.warnings },
    report,
    onProgress: (stored, total) => intake.onProgress?.('storing', stored, total),
  });
  return { ...result, report };
}

async function readAndCheck(
  file: IntakeFile,
  check: Omit<ObservationCheck, 'table'>,
  intake: ObservationsIntake,
): Promise<CheckedObservations> {
  const table = await readTable(file);
  intake.onProgress?.('checking', 0, table.rows.length);
  return checkObservations({ ...check, table });
}
