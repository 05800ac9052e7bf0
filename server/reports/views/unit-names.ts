/**
 * Names and links of report units in the reader's language.
 *
 * @example unitName(context.units, 0, 'en') === 'Hepingchangjiang Community'
 * unitHref('ev_1', 'WY01') === '/evaluations/ev_1/units/WY01'
 */
import type { ReportUnits } from '../context/report-units.js';
import type { Lang } from '../i18n/lang.js';
import { pick } from '../i18n/pick.js';

export function unitName(units: ReportUnits, index: number, lang: Lang): string {
  const name = units.names[index];
  return name === undefined ? '' : pick(name, lang);
}

export function unitHref(evaluationId: string, code: string): string {
  return `/evaluations/${encodeURIComponent(evaluationId)}/units/${encodeURIComponent(code)}`;
}
