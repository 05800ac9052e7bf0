/**
 * The data of an engine log entry as a limited reader may see it: the screening entry lists the
 * unit-periods it caught ("WY01S01C03@2025"); a reader with a unit scope gets only their own.
 * Everything else in the log is about indicators, methods and counts and stays as it is.
 *
 * @example scopedLogData({ units: ['c1@2025', 'c3@2025'] }, context, scope) // { units: ['c1@2025'] } for scope S1
 */
import type { ReportContext } from '../context/report-context.js';
import { scopeAllowsCode, type ReportScope } from '../context/report-scope.js';

export function scopedLogData(
  data: Readonly<Record<string, unknown>>,
  context: ReportContext,
  scope: ReportScope,
): Readonly<Record<string, unknown>> {
  const units = data.units;
  if (scope.unrestricted || !Array.isArray(units)) return data;
  const visible = (units as unknown[]).filter(
    (entry) => typeof entry === 'string' && scopeAllowsCode(context, scope, entry.split('@')[0] ?? ''),
  );
  // A spread, not withFields: the data were read from the store, and a spread keeps any key (even
  // "__proto__") as data. Once per log line, not per page model.
  // eslint-disable-next-line no-restricted-syntax
  return { ...data, units: visible };
}
