/**
 * Checks a number against its variable's declaration: integer type, bounds (inclusive and
 * exclusive). A negative value where the variable counts things (an integer with minimum ≥ 0)
 * is reported as a negative count, the commonest slip in hand-filled forms.
 *
 * @example rangeProblem({ name: 'households', type: 'integer', minimum: 0, … }, -3)?.reason === 'negative_count'
 */
import type { IssueReason } from '../domain/validation-report.js';
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
  const reason = problemReason(variable, value);
  // The wording is built only for the few bad cells: 4 million good ones must stay cheap.
  return reason === undefined ? undefined : { reason, expected: expectedValue(variable) };
}

function problemReason(variable: IntakeVariable, value: number): IssueReason | undefined {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = variable;
  if (variable.type === 'integer' && !Number.isInteger(value)) return 'not_an_integer';
  const tooLow =
    (minimum !== undefined && value < minimum) ||
    (exclusiveMinimum !== undefined && value <= exclusiveMinimum);
  if (tooLow) {
    const counts = variable.type === 'integer' && (minimum ?? exclusiveMinimum ?? -1) >= 0;
    return counts && value < 0 ? 'negative_count' : 'below_minimum';
  }
  const tooHigh =
    (maximum !== undefined && value > maximum) ||
    (exclusiveMaximum !== undefined && value >= exclusiveMaximum);
  return tooHigh ? 'above_maximum' : undefined;
}
