/**
 * An indicator's plausibility checks at import, compiled once with the registry: its `rules` (a
 * condition over its input variables in the formula language, true when a row is plausible) and its
 * `valid_range` (bounds on the value its formula gives). The importer runs them on every row; a breach
 * is an error (the batch is rejected) or a warning (kept in the batch's report).
 *
 * @example
 * const rule = compileDataRule('grid_household_coverage', { check: 'households_in_grids <= households', … });
 * rule.test({ households_in_grids: 4184, households: 3934 }) // { passed: false }
 */
import type { Bilingual, DataRuleDefinition, IndicatorDefinition, RuleSeverity } from './definitions.js';
import { compileFormula, type CompiledFormula } from './formula/compile.js';
import { parseFormula } from './formula/parse.js';

export interface RuleOutcome {
  readonly passed: boolean;
  /** The indicator's value, for a valid_range check. */
  readonly value?: number;
}

export interface DataRule {
  readonly indicator: string;
  readonly kind: 'rule' | 'valid_range';
  /** The rule's check, or "valid_range" — what fixtures name in `breaches`. */
  readonly name: string;
  /** The condition in words: the check, or "grid_household_coverage = households_in_grids / households * 100 within 0 – 100". */
  readonly text: string;
  readonly severity: RuleSeverity;
  readonly message: Bilingual;
  /** The variables read, in order of first appearance in the check (the formula's for a range). */
  readonly variables: readonly string[];
  /** undefined when the record lacks a variable or the value is missing (nothing to check). */
  test(record: Readonly<Record<string, number | null | undefined>>): RuleOutcome | undefined;
}

/** True when the text's outermost operation yields a truth value (comparison, && / ||, !). */
export function isCondition(check: string): boolean {
  const node = parseFormula(check);
  if (node.kind === 'logical') return true;
  if (node.kind === 'unary') return node.operator === '!';
  return node.kind === 'binary' && ['<', '<=', '>', '>=', '==', '!='].includes(node.operator);
}

/** The variables in order of first appearance in the text (a whole-word match). */
function inTextOrder(variables: readonly string[], text: string): string[] {
  const at = (name: string): number => text.search(new RegExp(`\\b${name}\\b`));
  return [...variables].sort((a, b) => at(a) - at(b));
}

export function compileDataRule(indicator: string, rule: DataRuleDefinition): DataRule {
  const formula = compileFormula(rule.check);
  return {
    indicator,
    kind: 'rule',
    name: rule.check,
    text: rule.check,
    severity: rule.severity,
    message: rule.message,
    variables: inTextOrder(formula.variables, rule.check),
    test(record) {
      const result = formula.evaluate(record);
      return result.ok ? { passed: result.value !== 0 } : undefined;
    },
  };
}

export function rangeWords(range: { readonly minimum?: number; readonly maximum?: number }): string {
  if (range.minimum !== undefined && range.maximum !== undefined)
    return `${range.minimum} – ${range.maximum}`;
  return range.minimum !== undefined ? `≥ ${range.minimum}` : `≤ ${range.maximum ?? ''}`;
}

export function compileValidRange(
  definition: IndicatorDefinition,
  formula: CompiledFormula,
): DataRule | undefined {
  const range = definition.valid_range;
  if (range === undefined) return undefined;
  const words = rangeWords(range);
  return {
    indicator: definition.id,
    kind: 'valid_range',
    name: 'valid_range',
    text: `${definition.id} = ${definition.formula} within ${words}`,
    severity: range.severity,
    message: {
      zh: `${definition.name.zh}应在 ${words} 之间（${definition.unit.zh}）`,
      en: `${definition.name.en} must lie within ${words} (${definition.unit.en})`,
    },
    variables: inTextOrder(formula.variables, definition.formula),
    test(record) {
      const result = formula.evaluate(record);
      if (!result.ok) return undefined;
      const { value } = result;
      const passed =
        (range.minimum === undefined || value >= range.minimum) &&
        (range.maximum === undefined || value <= range.maximum);
      return { passed, value };
    },
  };
}

/** Every check of an indicator: its rules in order, then its valid range. */
export function dataRulesOf(definition: IndicatorDefinition, formula: CompiledFormula): DataRule[] {
  const rules = (definition.rules ?? []).map((rule) => compileDataRule(definition.id, rule));
  const range = compileValidRange(definition, formula);
  return range === undefined ? rules : [...rules, range];
}
