/**
 * The use case "download a framework's data template": the blank form needs reports.read (the
 * catalogue's right); a form prefilled with the communities under a district or street (`under`)
 * lists only units the actor may see (outside the scope reads like an unknown unit), and one
 * prefilled with a period's stored values (`values`) also needs data.read. The period column holds
 * `period` (default: the `values` period), so a form downloaded with values imports back unchanged.
 * Reading changes nothing, so it writes no audit event.
 *
 * @example await dataTemplate(services, actor, { framework: 'default', format: 'xlsx', under: 'WY01', values: '2024' })
 */
import { PERIOD_ID_PATTERN } from '../domain/period.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Registry } from '../indicators/registry-types.js';
import { templateCsv } from '../indicators/template/template-csv.js';
import type { TemplateRow } from '../indicators/template/template-rows.js';
import { templateXlsx } from '../indicators/template/template-xlsx.js';
import { can } from '../access/permissions.js';
import { UnitScope } from '../access/unit-scope.js';
import type { Store } from '../store/store.js';
import { assertMay, type Actor } from './actor.js';
import { observationsOf, periodsOf, unitOf, unitsOf } from './read-data.js';
import { unitScopeOf } from './unit-scope-of.js';
import type { TemplateFile } from './unit-register-template.js';

export const DATA_TEMPLATE_FORMATS = ['csv', 'xlsx'] as const;
export type DataTemplateFormat = (typeof DATA_TEMPLATE_FORMATS)[number];

export interface DataTemplateRequest {
  readonly framework: string;
  readonly format: DataTemplateFormat;
  /** A district or street: one row per community (unit without children) below it. */
  readonly under?: string;
  /** A period whose current observations prefill the rows. */
  readonly values?: string;
  /** The period column's value; default `values`, else empty. */
  readonly period?: string;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PERIOD = new RegExp(PERIOD_ID_PATTERN);

function checkPeriod(value: string | undefined, field: string): void {
  if (value === undefined || PERIOD.test(value)) return;
  throw new ValidationError(
    {
      zh: `${field} 应为时期，如 2024、2024Q1、2024H1 或 2024-03，实际为“${value}”`,
      en: `${field} must be a period such as 2024, 2024Q1, 2024H1 or 2024-03, found "${value}"`,
    },
    [{ where: `query.${field}`, message: `found ${JSON.stringify(value)}`, zh: `实际为“${value}”` }],
  );
}

/** The rows of a prefilled form: the leaf units below `under` that the actor may see, by code. */
async function rowsOf(
  context: { readonly store: Store },
  actor: Actor,
  request: DataTemplateRequest & { readonly under: string },
): Promise<TemplateRow[]> {
  await unitOf(context, actor, request.under);
  const units = await context.store.units.list();
  const parents = new Map(units.map((unit) => [unit.code, unit.parent]));
  const withChildren = new Set(units.flatMap((unit) => (unit.parent === null ? [] : [unit.parent])));
  const below = UnitScope.of([request.under], (code) => parents.get(code));
  const scope = await unitScopeOf(context.store, actor);
  const leaves = units
    .filter((unit) => !withChildren.has(unit.code) && below.allows(unit.code) && scope.allows(unit.code))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const values = new Map<string, Readonly<Record<string, number>>>();
  if (request.values !== undefined) {
    const periods = await context.store.periods.list();
    if (!periods.some((period) => period.id === request.values)) {
      throw new NotFoundError({
        zh: `没有时期 ${request.values} 的数据`,
        en: `no period ${request.values} is stored`,
      });
    }
    for (const observation of await observationsOf(context, actor, { period: request.values })) {
      values.set(observation.unit, observation.values);
    }
  }
  const period = request.period ?? request.values ?? '';
  return leaves.map((unit) => ({
    unit: unit.code,
    name: unit.name.zh,
    period,
    values: values.get(unit.code) ?? {},
  }));
}

export async function dataTemplate(
  context: { readonly store: Store; readonly registry: Registry },
  actor: Actor,
  request: DataTemplateRequest,
): Promise<TemplateFile> {
  assertMay(actor, 'reports.read');
  const framework = context.registry.resolveFramework(request.framework);
  checkPeriod(request.values, 'values');
  checkPeriod(request.period, 'period');
  if (request.under === undefined && (request.values !== undefined || request.period !== undefined)) {
    throw new ValidationError(
      {
        zh: '预填时期或数值需要同时选择区或街道（under）',
        en: 'values and period prefill the rows of a district or street: give under as well',
      },
      [{ where: 'query.under', message: 'missing', zh: '缺少' }],
    );
  }
  if (request.values !== undefined) assertMay(actor, 'data.read');
  const rows =
    request.under === undefined
      ? undefined
      : await rowsOf(context, actor, { ...request, under: request.under });
  const name = [
    'zhili-template',
    framework.definition.id,
    ...(request.under === undefined ? [] : [request.under]),
    ...(request.values === undefined ? [] : [request.values]),
  ].join('-');
  return request.format === 'csv'
    ? { fileName: `${name}.csv`, contentType: 'text/csv; charset=utf-8', body: templateCsv(framework, rows) }
    : { fileName: `${name}.xlsx`, contentType: XLSX_TYPE, body: await templateXlsx(framework, rows) };
}

export interface TemplateChoices {
  /** The districts and streets the actor may see, districts first, each by code. */
  readonly units: readonly {
    readonly code: string;
    readonly level: 'district' | 'street';
    readonly name: { readonly zh: string; readonly en: string };
  }[];
  /** The latest stored period, when the actor may read values (data.read); else null. */
  readonly latestPeriod: string | null;
}

/** What the template form offers this actor: the units to prefill under, and last period's values if they may read them. */
export async function templateChoices(
  context: { readonly store: Store },
  actor: Actor,
): Promise<TemplateChoices> {
  assertMay(actor, 'reports.read');
  const all = { limit: 100_000, offset: 0 };
  const districts = (await unitsOf(context, actor, { level: 'district' }, all)).units;
  const streets = (await unitsOf(context, actor, { level: 'street' }, all)).units;
  const periods = can(actor.role, 'data.read') ? await periodsOf(context, actor) : [];
  // The store lists periods earliest first.
  const latest = periods[periods.length - 1];
  return {
    units: [
      ...districts.map((u) => ({ code: u.code, level: 'district' as const, name: u.name })),
      ...streets.map((u) => ({ code: u.code, level: 'street' as const, name: u.name })),
    ],
    latestPeriod: latest?.id ?? null,
  };
}
