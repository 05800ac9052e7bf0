/**
 * The report units one reader may see. A viewer limited to some units (user.unitScope) sees those
 * units and everything below them (server/access/unit-scope.ts); the pages filter their tables,
 * charts and exports with the scope and answer 404 for a unit outside it. Built once per context and
 * scope (a mask over the report's unit indices), so filtering stays a lookup per row.
 *
 * @example
 * const scope = reportScope(context, ['WY01S01']);
 * scope.allows(context.units.index.get('WY01S01C00') ?? -1) // true: a community of that street
 */
import { UnitScope } from '../../access/unit-scope.js';
import type { ReportContext } from './report-context.js';

export interface ReportScope {
  /** Names the scope in memo keys ('' for every unit). */
  readonly key: string;
  readonly unrestricted: boolean;
  /** Whether the unit at this report index may be shown. */
  allows(index: number): boolean;
}

export const EVERY_UNIT: ReportScope = { key: '', unrestricted: true, allows: () => true };

export function reportScope(context: ReportContext, roots: readonly string[] | null): ReportScope {
  if (roots === null) return EVERY_UNIT;
  const key = `scope:${[...roots].sort().join(',')}`;
  return context.memo(key, () => {
    const unitScope = UnitScope.of(roots, (code) => context.register.get(code)?.parent ?? null);
    const mask = Uint8Array.from(context.units.codes, (code) => (unitScope.allows(code) ? 1 : 0));
    return { key, unrestricted: false, allows: (index: number) => mask[index] === 1 };
  });
}

/** Whether the unit with this code is in the report and in the scope. */
export function scopeAllowsCode(context: ReportContext, scope: ReportScope, code: string): boolean {
  const index = context.units.index.get(code);
  return index !== undefined && scope.allows(index);
}
