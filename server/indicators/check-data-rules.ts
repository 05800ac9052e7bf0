/**
 * Checks an indicator's import rules at load: each rule compiles, is a condition (comparison, && / ||
 * or !), and reads only declared variables; a valid range has minimum ≤ maximum; and the fixtures
 * show the rules at work: each fixture breaks exactly the rules it names in `breaches`, and every rule
 * is broken by at least one fixture (so a rule that can never fire, or fires on good data, is caught).
 */
import { compileDataRule, dataRulesOf, isCondition, type DataRule } from './data-rules.js';
import type { IndicatorDefinition } from './definitions.js';
import type { CompiledFormula } from './formula/compile.js';
import { FormulaError } from './formula/formula-error.js';
import { oneOf, pointer, type Problem } from './problem.js';

type Local = Omit<Problem, 'file'>;

function ruleProblems(definition: IndicatorDefinition): Local[] {
  const declared = Object.keys(definition.inputs.properties);
  const problems: Local[] = [];
  (definition.rules ?? []).forEach((rule, index) => {
    const at = pointer('rules', index, 'check');
    try {
      const compiled = compileDataRule(definition.id, rule);
      if (!isCondition(rule.check))
        problems.push({
          pointer: at,
          expected: 'a condition: a comparison (<, <=, >, >=, ==, !=), && / || or !',
          found: JSON.stringify(rule.check),
          message: 'a rule must say when a row is plausible',
        });
      for (const name of compiled.variables.filter((v) => !declared.includes(v)))
        problems.push({
          pointer: at,
          expected: `a declared variable: ${oneOf(declared)}`,
          found: JSON.stringify(name),
          message: 'rule uses an undeclared variable',
        });
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      problems.push({
        pointer: at,
        expected: 'a condition in the formula language',
        found: JSON.stringify(rule.check),
        message: `rule does not compile: ${error.reason}`,
      });
    }
  });
  const range = definition.valid_range;
  if (range?.minimum !== undefined && range.maximum !== undefined && range.minimum > range.maximum)
    problems.push({
      pointer: '/valid_range/maximum',
      expected: `≥ the minimum (${range.minimum})`,
      found: String(range.maximum),
      message: 'valid range is empty',
    });
  return problems;
}

function fixtureProblems(definition: IndicatorDefinition, rules: readonly DataRule[]): Local[] {
  const problems: Local[] = [];
  const names = rules.map((r) => r.name);
  const broken = new Set<string>();
  definition.fixtures.forEach((fixture, index) => {
    const claimed = fixture.breaches ?? [];
    claimed.forEach((name, k) => {
      if (!names.includes(name))
        problems.push({
          pointer: pointer('fixtures', index, 'breaches', k),
          expected:
            names.length === 0 ? 'no breaches (the indicator has no rules)' : `a rule: ${oneOf(names)}`,
          found: JSON.stringify(name),
          message: 'fixture names an unknown rule',
        });
    });
    const actual = rules.filter((rule) => rule.test(fixture.inputs)?.passed === false).map((r) => r.name);
    for (const name of actual) broken.add(name);
    const missed = actual.filter((name) => !claimed.includes(name));
    const held = claimed.filter((name) => names.includes(name) && !actual.includes(name));
    if (missed.length > 0 || held.length > 0)
      problems.push({
        pointer: pointer('fixtures', index, 'breaches'),
        expected: JSON.stringify(actual),
        found: JSON.stringify(claimed),
        message: 'the fixture breaks other rules than it says',
      });
  });
  for (const name of names.filter((n) => !broken.has(n)))
    problems.push({
      pointer: name === 'valid_range' ? '/valid_range' : pointer('rules', names.indexOf(name)),
      expected: 'a fixture whose inputs break it (listed in its "breaches")',
      found: 'none',
      message: `no fixture shows the rule ${JSON.stringify(name)} at work`,
    });
  return problems;
}

export function checkDataRules(definition: IndicatorDefinition, formula: CompiledFormula): Local[] {
  const problems = ruleProblems(definition);
  if (problems.length > 0) return problems;
  return fixtureProblems(definition, dataRulesOf(definition, formula));
}
