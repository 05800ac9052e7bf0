/**
 * The levels an evaluation's report units cover, from the top (city) down, as select options; for a
 * reader limited to some units, only the levels where they may see a unit.
 *
 * @example levelOptions(context, 'street', 'en') // [{ value: 'city', label: 'City', selected: false }, …]
 */
import type { ReportContext } from '../context/report-context.js';
import { EVERY_UNIT, type ReportScope } from '../context/report-scope.js';
import { UNIT_LEVELS, type UnitLevel } from '../../domain/unit.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf } from '../i18n/labels.js';

export interface Option {
  readonly value: string;
  readonly label: string;
  readonly selected: boolean;
}

export function levelsPresent(context: ReportContext, scope: ReportScope = EVERY_UNIT): UnitLevel[] {
  return UNIT_LEVELS.filter((level) => (context.units.byLevel.get(level) ?? []).some((u) => scope.allows(u)));
}

export function levelOptions(
  context: ReportContext,
  selected: UnitLevel,
  lang: Lang,
  scope: ReportScope = EVERY_UNIT,
): Option[] {
  return levelsPresent(context, scope).map((level) => ({
    value: level,
    label: labelOf(lang, 'level', level),
    selected: level === selected,
  }));
}
