/**
 * The use case "download the unit register template": needs data.import (whoever imports a
 * register); the template is the current register, the units the actor may see, in the columns
 * the importer reads, so an administrator edits it and imports it back. CSV or XLSX; reading it
 * changes nothing, so it writes no audit event.
 *
 * @example const file = await unitRegisterTemplate(services, actor, 'xlsx'); res.send(file.body)
 */
import { registerCsv } from '../intake/register-template/register-csv.js';
import { registerXlsx } from '../intake/register-template/register-xlsx.js';
import type { Store } from '../store/store.js';
import { assertMay, type Actor } from './actor.js';
import { unitScopeOf } from './unit-scope-of.js';

export const REGISTER_TEMPLATE_FORMATS = ['csv', 'xlsx'] as const;
export type RegisterTemplateFormat = (typeof REGISTER_TEMPLATE_FORMATS)[number];

export interface TemplateFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly body: string | Buffer;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function unitRegisterTemplate(
  context: { readonly store: Store },
  actor: Actor,
  format: RegisterTemplateFormat,
): Promise<TemplateFile> {
  assertMay(actor, 'data.import');
  const scope = await unitScopeOf(context.store, actor);
  const units = (await context.store.units.list()).filter((unit) => scope.allows(unit.code));
  return format === 'csv'
    ? {
        fileName: 'zhili-unit-register.csv',
        contentType: 'text/csv; charset=utf-8',
        body: registerCsv(units),
      }
    : { fileName: 'zhili-unit-register.xlsx', contentType: XLSX_TYPE, body: await registerXlsx(units) };
}
