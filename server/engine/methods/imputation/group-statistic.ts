/**
 * Shared by group_mean and group_median: reads the `group` parameter (a unit attribute, or "parent"
 * for the parent unit), checks that the data has it, and computes one statistic per group.
 *
 * @example groupStatistic(values, groups, meanOf) // Float64Array with one mean per group
 */
import type { ParamReader } from '../../params.js';
import type { EngineInput } from '../../types.js';
import type { ParamSchema } from '../method.js';
import type { UnitGroups } from './contract.js';

/** The `group` parameter of group_mean and group_median. */
export const GROUP: ParamSchema = {
  type: 'string',
  minLength: 1,
  title: 'the unit attribute whose groups the means are taken in',
};

export function readGroupAttribute(reader: ParamReader, input: EngineInput): string {
  const group = reader.string('group');
  if (group === undefined) {
    if (!reader.has('group')) reader.problem('group', 'is required: name the unit attribute to group by');
    return '';
  }
  const known = group === 'parent' ? input.units.parents !== undefined : input.units.attributes?.has(group);
  if (known !== true) {
    const names = [...(input.units.attributes?.keys() ?? [])];
    reader.problem(
      'group',
      `the units have no attribute "${group}"; known attributes: ${names.length > 0 ? names.join(', ') : 'none'}`,
    );
  }
  return group;
}

/** One statistic per group over the group's present values; NaN for a group with none. */
export function groupStatistic(
  values: Float64Array,
  groups: UnitGroups,
  statistic: (x: Float64Array) => number,
): Float64Array {
  const members: number[][] = Array.from({ length: groups.count }, () => []);
  for (let i = 0; i < values.length; i++) {
    const g = groups.index[i] ?? 0;
    const v = values[i] ?? NaN;
    if (g >= 0 && v === v) members[g]?.push(v);
  }
  return Float64Array.from(members, (m) => statistic(Float64Array.from(m)));
}
