/**
 * The levels an evaluation's report units cover, from the top (city) down, as select options.
 *
 * @example levelOptions(context, 'street', 'en') // [{ value: 'city', label: 'City', selected: false }, …]
 */
import type { ReportContext } from '../context/report-context.js';
import { UNIT_LEVELS, type UnitLevel } from '../../store/models/unit.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf } from '../i18n/labels.js';

export interface Option {
  readonly value: string;
  readonly label: string;
  readonly selected: boolean;
}

export function levelsPresent(context: ReportContext): UnitLevel[] {
  return UNIT_LEVELS.filter((level) => (context.units.byLevel.get(level)?.length ?? 0) > 0);
}

export function levelOptions(context: ReportContext, selected: UnitLevel, lang: Lang): Option[] {
  return levelsPresent(context).map((level) => ({
    value: level,
    label: labelOf(lang, 'level', level),
    selected: level === selected,
  }));
}
