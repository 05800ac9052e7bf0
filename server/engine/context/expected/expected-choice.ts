/**
 * The evaluation's choice for the expected score (`methods.expected`): an ordinary least squares of
 * the index score on the base units' structural attributes, or `{ "method": "none" }` to leave it
 * out. Absent, it is on with every structural attribute that all base units carry as a number (or as
 * urban/rural, read as urban = 1, rural = 0), the resident population and the households on a log
 * scale. Every problem is listed with the field it concerns before any work is done.
 *
 * @example
 * resolveExpectedChoice({ attributes: ['resident_population', 'urban_rural'] }, units, problems)
 * // { method: 'ols', attributes: ['resident_population', 'urban_rural'], log: ['resident_population'] }
 */
import type { ProblemDetail } from '../../../errors.js';

/** One base unit's register attributes (numbers, urban/rural, other text, yes/no). */
export type UnitAttributeRecord = Readonly<Record<string, unknown>>;

export type ExpectedSettings =
  | { readonly method: 'ols'; readonly attributes: readonly string[]; readonly log: readonly string[] }
  | { readonly method: 'none' };

/** At most this many attributes: the regression is meant to stay readable. */
export const MAX_EXPECTED_ATTRIBUTES = 12;

/** Attributes read on a log scale when the choice names none (counts with a long right tail). */
const LOG_BY_DEFAULT = ['resident_population', 'households'];

/** The order attributes are listed in by default; any others follow alphabetically. */
const PREFERRED = ['resident_population', 'urban_rural', 'area_km2', 'old_compound_share', 'households'];

/** Attributes that name a group rather than measure the unit. */
const NOT_STRUCTURAL = new Set(['peer_group']);

const WHERE = 'methods.expected';

/** The attribute as a number: numbers as they are, urban 1 / rural 0, yes 1 / no 0; otherwise NaN. */
export function attributeNumber(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === 'urban') return 1;
  if (value === 'rural') return 0;
  return Number.NaN;
}

function preferredOrder(a: string, b: string): number {
  const ia = PREFERRED.indexOf(a);
  const ib = PREFERRED.indexOf(b);
  if (ia !== -1 || ib !== -1)
    return (ia === -1 ? PREFERRED.length : ia) - (ib === -1 ? PREFERRED.length : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The attributes some base unit carries as a number, in the preferred order. */
export function numericAttributes(units: readonly UnitAttributeRecord[]): string[] {
  const names = new Set<string>();
  for (const unit of units)
    for (const [name, value] of Object.entries(unit))
      if (!NOT_STRUCTURAL.has(name) && !Number.isNaN(attributeNumber(value))) names.add(name);
  return [...names].sort(preferredOrder);
}

/** The default: the numeric attributes every base unit carries. */
export function defaultExpectedSettings(units: readonly UnitAttributeRecord[]): ExpectedSettings {
  const attributes = numericAttributes(units)
    .filter((name) => units.every((unit) => !Number.isNaN(attributeNumber(unit[name]))))
    .slice(0, MAX_EXPECTED_ATTRIBUTES);
  if (attributes.length === 0) return { method: 'none' };
  return { method: 'ols', attributes, log: LOG_BY_DEFAULT.filter((name) => attributes.includes(name)) };
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function names(
  value: unknown,
  key: string,
  problems: ProblemDetail[],
  check: (name: string) => string | null,
): string[] | null {
  const where = `${WHERE}.${key}`;
  if (!Array.isArray(value)) {
    problems.push({ where, message: 'must be a list of attribute names', zh: '须为属性名列表' });
    return null;
  }
  const found: string[] = [];
  value.forEach((name: unknown, i) => {
    if (typeof name !== 'string') {
      problems.push({ where: `${where}[${i}]`, message: 'must be an attribute name', zh: '须为属性名' });
      return;
    }
    if (found.includes(name)) {
      problems.push({ where: `${where}[${i}]`, message: `${name} is listed twice`, zh: `${name} 重复列出` });
      return;
    }
    const problem = check(name);
    if (problem !== null) problems.push({ where: `${where}[${i}]`, message: problem });
    else found.push(name);
  });
  return found;
}

/** The settings the run uses, or a fallback with the problems recorded. */
export function resolveExpectedChoice(
  given: unknown,
  units: readonly UnitAttributeRecord[],
  problems: ProblemDetail[],
): ExpectedSettings {
  if (given === undefined) return defaultExpectedSettings(units);
  if (!isRecord(given)) {
    problems.push({
      where: WHERE,
      message: 'must be an object such as { "attributes": ["resident_population"] } or { "method": "none" }',
      zh: '须为对象，如 { "attributes": ["resident_population"] } 或 { "method": "none" }',
    });
    return { method: 'none' };
  }
  const method = given.method ?? 'ols';
  const allowed = method === 'none' ? ['method'] : ['method', 'attributes', 'log'];
  for (const key of Object.keys(given))
    if (!allowed.includes(key))
      problems.push({ where: `${WHERE}.${key}`, message: `unknown setting; allowed: ${allowed.join(', ')}` });
  if (method === 'none') return { method: 'none' };
  if (method !== 'ols') {
    problems.push({
      where: `${WHERE}.method`,
      message: `unknown method ${JSON.stringify(method)}; choose ols or none`,
      zh: `未知方法 ${JSON.stringify(method)}；可选 ols 或 none`,
    });
    return { method: 'none' };
  }
  const available = numericAttributes(units);
  const fallback = defaultExpectedSettings(units);
  const before = problems.length;
  const attributes =
    given.attributes === undefined
      ? fallback.method === 'ols'
        ? [...fallback.attributes]
        : []
      : names(given.attributes, 'attributes', problems, (name) =>
          available.includes(name)
            ? null
            : `no base unit carries a numeric attribute ${name}; choose among ${available.join(', ') || '(none)'}`,
        );
  if (attributes === null || problems.length > before) return { method: 'none' };
  if (attributes.length === 0 || attributes.length > MAX_EXPECTED_ATTRIBUTES) {
    problems.push({
      where: `${WHERE}.attributes`,
      message: `needs 1 to ${MAX_EXPECTED_ATTRIBUTES} attributes, found ${attributes.length}`,
      zh: `需 1 至 ${MAX_EXPECTED_ATTRIBUTES} 个属性，实为 ${attributes.length} 个`,
    });
    return { method: 'none' };
  }
  const log =
    given.log === undefined
      ? LOG_BY_DEFAULT.filter((name) => attributes.includes(name))
      : names(given.log, 'log', problems, (name) =>
          attributes.includes(name) ? null : `${name} is not one of the chosen attributes`,
        );
  return { method: 'ols', attributes, log: log ?? [] };
}
