/**
 * Checks a number against its variable's declaration: integer type, bounds (inclusive and
 * exclusive). A negative value where the variable counts things (an integer with minimum ≥ 0)
 * is reported as a negative count, the commonest slip in hand-filled forms.
 *
 * @example rangeProblem({ name: 'households', type: 'integer', minimum: 0, … }, -3)?.reason === 'negative_count'
 */
import type { IssueReason } from '../store/models/validation-report.js';
import { rangeText } from '../indicators/variable-declaration.js';
import type { IntakeVariable } from './intake-variable.js';

export interface RangeProblem {
  readonly reason: IssueReason;
  readonly expected: string;
}

/** 'an integer ≥ 0', 'a number 0 – 100'. */
export function expectedValue(variable: IntakeVariable): string {
  const range = rangeText(variable);
  const kind = variable.type === 'integer' ? 'an integer' : 'a number';
  return range === 'any number' ? kind : `${kind} ${range}`;
}

export function rangeProblem(variable: IntakeVariable, value: number): RangeProblem | undefined {
  const expected = expectedValue(variable);
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = variable;
  if (variable.type === 'integer' && !Number.isInteger(value)) return { reason: 'not_an_integer', expected };
  const tooLow =
    (minimum !== undefined && value < minimum) ||
    (exclusiveMinimum !== undefined && value <= exclusiveMinimum);
  if (tooLow) {
    const counts = variable.type === 'integer' && (minimum ?? exclusiveMinimum ?? -1) >= 0;
    return { reason: counts && value < 0 ? 'negative_count' : 'below_minimum', expected };
  }
  const tooHigh =
    (maximum !== undefined && value > maximum) ||
    (exclusiveMaximum !== undefined && value >= exclusiveMaximum);
  return tooHigh ? { reason: 'above_maximum', expected } : undefined;
}
