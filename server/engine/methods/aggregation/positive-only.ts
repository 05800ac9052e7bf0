/**
 * The error geometric and harmonic means raise on a child value ≤ 0: it names the unit, the child and
 * the node, and says how to fix it, instead of shifting the data silently.
 *
 * @example throw notPositive('geometric mean', context, 2, 0) // "… unit AUT has Bord = 0 …"
 */
import { ValidationError } from '../../../errors.js';
import type { AggregationContext } from './contract.js';

export function notPositive(
  method: string,
  context: AggregationContext,
  row: number,
  child: number,
  value: number,
): ValidationError {
  const unit = context.unitCode(row);
  const name = context.children[child] ?? '?';
  const message =
    `The ${method} needs values above zero, but unit ${unit} has ${name} = ${value} ` +
    `(node ${context.node}, period ${context.period}). Normalise onto a range above zero ` +
    '(for example minmax with range [1, 100]) or choose the arithmetic mean.';
  return new ValidationError(message, [{ where: `${unit}/${context.period}/${name}`, message }]);
}
