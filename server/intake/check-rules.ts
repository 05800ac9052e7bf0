/**
 * Runs the framework's import rules (data-rules.ts) on one row's values and reports each breach with
 * the row, the column of the rule's first variable, every value the rule read and the rule itself in
 * Chinese and English. A rule that reads a variable the row lacks is skipped: nothing to check.
 *
 * @example
 * // households_in_grids 4184, households 3934 with the rule households_in_grids <= households →
 * // { column: households_in_grids, value: 'households_in_grids = 4184, households = 3934',
 * //   reason: 'rule_breach', expected: 'households_in_grids <= households (grid_household_coverage): …' }
 */
import type { DataRule } from '../indicators/data-rules.js';
import type { CellIssue } from '../domain/validation-report.js';

export interface RuleBreach {
  /** The variable whose column the issue points at. */
  readonly variable: string;
  readonly value: string;
  readonly reason: Extract<CellIssue['reason'], 'rule_breach' | 'out_of_valid_range'>;
  readonly expected: string;
  readonly severity: CellIssue['severity'];
}

export function ruleBreaches(
  rules: readonly DataRule[],
  values: Readonly<Record<string, number>>,
): RuleBreach[] {
  const breaches: RuleBreach[] = [];
  for (const rule of rules) {
    const outcome = rule.test(values);
    if (outcome === undefined || outcome.passed) continue;
    const read = rule.variables.map((name) => `${name} = ${values[name] ?? ''}`);
    if (outcome.value !== undefined) read.push(`${rule.indicator} = ${outcome.value}`);
    breaches.push({
      variable: rule.variables[0] ?? '',
      value: read.join(', '),
      reason: rule.kind === 'rule' ? 'rule_breach' : 'out_of_valid_range',
      expected: `${rule.text} (${rule.indicator}): ${rule.message.zh} / ${rule.message.en}`,
      severity: rule.severity,
    });
  }
  return breaches;
}
