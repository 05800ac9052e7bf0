/**
 * Large, deterministic observation files for the fault and load tests: the rows of
 * test/support/synthetic-observations.ts, their var_k values mapped onto the variables of a real
 * framework (integers where the framework counts, within each variable's bounds, passing its
 * import rules), written as the CSV a user would upload. Also a unit register for the synthetic unit codes.
 *
 * @example
 * const csv = frameworkCsv(framework.variables, syntheticRows(60_000, '2025'));
 */
import { createHash } from 'node:crypto';
import type { IntakeVariable } from '../../../server/intake/intake-variable.js';
import { importRecords } from '../../../server/store/import-records.js';
import type { ObservationRow } from '../../../server/store/models/observation.js';
import type { Store } from '../../../server/store/store.js';

/**
 * The row's synthetic value (0–999.99) for `variable`, capped at its maximum (whole where it
 * counts). Every variable of a row takes the same value before capping, so the framework's import
 * rules, all of the form "part <= whole" (households_in_grids <= households …), hold, and so do the
 * valid ranges of the shares computed from them: the file is one a framework accepts.
 */
function valueFor(variable: IntakeVariable, synthetic: number): string {
  const capped = Math.min(synthetic, variable.maximum ?? Number.POSITIVE_INFINITY);
  return variable.type === 'integer' ? String(Math.floor(capped)) : capped.toFixed(2);
}

export interface CsvOptions {
  /** Write each row's period in a period column (for imports without a declared period). */
  readonly periodColumn?: boolean;
  /** Renames the synthetic unit codes (U000000 …), e.g. onto the demo city's communities. */
  readonly unitOf?: (row: ObservationRow, index: number) => string;
}

/** UTF-8 CSV with a BOM and CRLF line ends, as Excel writes it. */
export function frameworkCsv(
  variables: readonly IntakeVariable[],
  rows: readonly ObservationRow[],
  options: CsvOptions = {},
): Buffer {
  const keys = options.periodColumn === true ? ['unit_code', 'period'] : ['unit_code'];
  const lines = [[...keys, ...variables.map((v) => v.name)].join(',')];
  rows.forEach((row, index) => {
    const cells = [options.unitOf?.(row, index) ?? row.unit];
    if (options.periodColumn === true) cells.push(row.period);
    const synthetic = row.values.var_0 ?? 0;
    for (const variable of variables) cells.push(valueFor(variable, synthetic));
    lines.push(cells.join(','));
  });
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** Commits a unit register of one district (D1) and the given communities under it. */
export async function registerCommunities(store: Store, codes: readonly string[]): Promise<void> {
  const units = [
    {
      code: 'D1',
      name: { zh: '示范区', en: 'Model District' },
      level: 'district',
      parent: null,
      attributes: {},
    },
    ...codes.map((code) => ({
      code,
      name: { zh: `社区${code}`, en: `Community ${code}` },
      level: 'community',
      parent: 'D1',
      attributes: {},
    })),
  ];
  const result = await importRecords(
    store,
    {
      kind: 'units',
      actor: 'hardening-test',
      fileName: 'units.json',
      sha256: createHash('sha256').update(codes.join(',')).digest('hex'),
      period: null,
      periods: [],
    },
    units,
    { tally: { rows: units.length, errors: 0, warnings: 0 } },
  );
  if (result.outcome !== 'committed') throw new Error(`unit register ${result.outcome}`);
}
