/**
 * Reading the unit register, the periods and the observations, with the unit-scope rule in one
 * place: unit names need reports.read, raw values data.read, and an actor with a unit scope sees
 * only the units of their subtrees; any other unit reads exactly like one that does not exist.
 *
 * @example const page = await unitsOf(services, actor, { level: 'district' })
 */
import type { Observation } from '../store/models/observation.js';
import type { Period } from '../store/models/period.js';
import type { StoredUnit, UnitLevel } from '../domain/unit.js';
import { NotFoundError } from '../errors.js';
import type { Store } from '../store/store.js';
import { assertMay, type Actor } from './actor.js';
import { unitScopeOf } from './unit-scope-of.js';

export interface UnitsQuery {
  readonly level?: UnitLevel;
  /** Children of this unit; null for the roots. */
  readonly parent?: string | null;
}

/**
 * The units matching the query that the actor may see, sorted by code. For an unrestricted actor
 * the store pages them (`page`); a scoped actor's units are all read and cut to the scope, and the
 * caller pages those.
 */
export async function unitsOf(
  context: { readonly store: Store },
  actor: Actor,
  query: UnitsQuery,
  page: { readonly limit: number; readonly offset: number },
): Promise<{ units: StoredUnit[]; paged: boolean }> {
  assertMay(actor, 'reports.read');
  const scope = await unitScopeOf(context.store, actor);
  if (scope.unrestricted)
    return { units: await context.store.units.list({ ...query, ...page }), paged: true };
  const units = await context.store.units.list(query);
  return { units: units.filter((unit) => scope.allows(unit.code)), paged: false };
}

export async function unitOf(
  context: { readonly store: Store },
  actor: Actor,
  code: string,
): Promise<StoredUnit> {
  assertMay(actor, 'reports.read');
  const unit = await context.store.units.get(code);
  const scope = await unitScopeOf(context.store, actor);
  if (unit === undefined || !scope.allows(unit.code)) throw new NotFoundError(`no unit with code ${code}`);
  return unit;
}

export async function periodsOf(context: { readonly store: Store }, actor: Actor): Promise<Period[]> {
  assertMay(actor, 'reports.read');
  return context.store.periods.list();
}

/** The current observations of a period (of one unit, if given) within the actor's scope. */
export async function observationsOf(
  context: { readonly store: Store },
  actor: Actor,
  query: { readonly period: string; readonly unit?: string },
): Promise<Observation[]> {
  assertMay(actor, 'data.read');
  const observations = await context.store.observations.current({
    period: query.period,
    ...(query.unit === undefined ? {} : { units: [query.unit] }),
  });
  const scope = await unitScopeOf(context.store, actor);
  return scope.unrestricted ? observations : observations.filter((o) => scope.allows(o.unit));
}

/** Every committed observation of one unit in one period, newest first, if the actor may see the unit. */
export async function observationHistory(
  context: { readonly store: Store },
  actor: Actor,
  code: string,
  period: string,
): Promise<Observation[]> {
  assertMay(actor, 'data.read');
  const scope = await unitScopeOf(context.store, actor);
  if (!scope.allows(code)) throw new NotFoundError(`no unit with code ${code}`);
  return context.store.observations.history(code, period);
}
