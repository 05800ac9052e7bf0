/**
 * A data file → the engine's columns, after every check an import makes: the fast path for a
 * plain CSV whose cells are all sound (plain-csv-columns.ts), else the general way (readTable,
 * checkObservations, observationColumns), which also reports each bad cell by row and column.
 * Both give the same columns and the same report for a file the fast path takes.
 *
 * @example const { columns, report } = await readObservationColumns(file, { variables, knownUnits, period: null })
 */
import type { IntakeFile } from './intake-file.js';
import { observationColumns } from './observation-columns.js';
import { plainObservationColumns, type ObservationColumnsRead } from './plain-csv-columns.js';
import { readTable } from './read-table.js';
import { checkObservations, type ObservationCheck } from './validate-observations.js';

export type { ObservationColumnsRead } from './plain-csv-columns.js';

export async function readObservationColumns(
  file: IntakeFile,
  check: Omit<ObservationCheck, 'table'>,
): Promise<ObservationColumnsRead> {
  return (await plainObservationColumns(file, check)) ?? (await observationColumnsThroughTable(file, check));
}

/** The general way, cell by cell through a Table. */
export async function observationColumnsThroughTable(
  file: IntakeFile,
  check: Omit<ObservationCheck, 'table'>,
): Promise<ObservationColumnsRead> {
  const table = await readTable(file);
  const checked = await checkObservations({ ...check, table });
  return {
    encoding: table.encoding,
    columns: observationColumns(
      checked,
      check.variables.map((v) => v.name),
    ),
    report: checked.report,
    plain: false,
  };
}
