/**
 * The checks of an observations batch that need the store: period-over-period jumps against each
 * unit's earlier periods (check-jumps.ts, as warnings) and completeness per street and district
 * (completeness.ts). They are added to the report the file checks built; neither rejects a batch.
 * Earlier periods are those of the same kind (2024 before 2025, 2025Q2 before 2025Q3) that have
 * committed observations.
 */
import type { JumpLimits } from '../indicators/definitions.js';
import type { CellIssue, ValidationReport } from '../domain/validation-report.js';
import type { Store } from '../store/store.js';
import { periodJumps, type EarlierValues } from '../intake/check-jumps.js';
import { completenessOf } from '../intake/completeness.js';
import { MAX_LISTED_ISSUES } from '../intake/report-builder.js';
import type { CheckedObservations } from '../intake/validate-observations.js';

/** Same length and the same letters: 2024 and 2025, 2025Q1 and 2024Q4, not 2025 and 2025Q1. */
function sameKind(a: string, b: string): boolean {
  return a.length === b.length && a.replace(/\d/g, '') === b.replace(/\d/g, '');
}

async function earlierValues(
  store: Store,
  checked: CheckedObservations,
): Promise<Map<string, EarlierValues[]>> {
  const units = [...new Set(checked.rows.map((r) => r.unit))];
  const stored = await store.observations.periods();
  const wanted = stored.filter((p) => checked.periods.some((q) => sameKind(p, q) && p < q));
  const byUnit = new Map<string, EarlierValues[]>();
  for (const period of wanted.sort()) {
    for (const observation of await store.observations.current({ period, units })) {
      const list = byUnit.get(observation.unit) ?? [];
      list.push({ period, values: observation.values });
      byUnit.set(observation.unit, list);
    }
  }
  return byUnit;
}

function jumpIssues(
  checked: CheckedObservations,
  earlier: ReadonlyMap<string, EarlierValues[]>,
  limits: JumpLimits,
): CellIssue[] {
  const issues: CellIssue[] = [];
  checked.rows.forEach((row, k) => {
    const before = (earlier.get(row.unit) ?? []).filter(
      (e) => sameKind(e.period, row.period) && e.period < row.period,
    );
    for (const jump of periodJumps(row.values, before, limits))
      issues.push({
        row: checked.sources[k] ?? 0,
        column: checked.columns.get(jump.variable) ?? null,
        value: `${jump.previousPeriod}: ${jump.previous} → ${row.period}: ${jump.current}`,
        reason: 'jump',
        expected: jump.expected,
        severity: 'warning',
      });
  });
  return issues;
}

/** The report with the jump warnings added (sorted in, counted) and the completeness attached. */
export async function withBatchQuality(
  store: Store,
  checked: CheckedObservations,
  variables: readonly string[],
  jumps: JumpLimits | undefined,
): Promise<ValidationReport> {
  const { report } = checked;
  const added = jumps === undefined ? [] : jumpIssues(checked, await earlierValues(store, checked), jumps);
  const room = Math.max(0, MAX_LISTED_ISSUES - report.issues.length);
  const issues = [...report.issues, ...added.slice(0, room)].sort(
    (a, b) =>
      a.row - b.row ||
      (a.column?.letter.length ?? 0) - (b.column?.letter.length ?? 0) ||
      (a.column?.letter ?? '').localeCompare(b.column?.letter ?? ''),
  );
  const units = await store.units.list();
  return {
    ...report,
    warnings: report.warnings + added.length,
    issues,
    omitted: report.omitted + Math.max(0, added.length - room),
    completeness: completenessOf(units, checked.rows, variables, checked.periods),
  };
}
