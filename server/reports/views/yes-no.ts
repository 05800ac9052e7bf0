/**
 * Whether an indicator is a yes/no item, as the indicator catalogue declares one (indicators/README.md):
 * its formula is one input variable, declared an integer from 0 to 1 (1 = yes, 0 = no). Read from the
 * definition frozen with the evaluation; a definition without its inputs is not a yes/no item.
 *
 * @example isYesNo({ formula: 'has_task_access_list', inputs: { properties: { has_task_access_list:
 *   { type: 'integer', minimum: 0, maximum: 1 } } } }) === true
 */
import type { SnapshotIndicator } from '../context/framework-snapshot.js';

export function isYesNo(definition: Pick<SnapshotIndicator, 'formula' | 'inputs'> | undefined): boolean {
  const variables = definition?.inputs?.properties;
  if (variables === undefined) return false;
  const name = definition?.formula.trim() ?? '';
  if (!Object.hasOwn(variables, name)) return false;
  const variable = variables[name];
  return variable?.type === 'integer' && variable.minimum === 0 && variable.maximum === 1;
}
