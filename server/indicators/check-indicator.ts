/**
 * Checks one schema-valid indicator on its own: its dimension exists, its formula compiles, the
 * formula's variables, the declared variables and `required` are one and the same set (a
 * declared but unused variable would add a column every community fills in for nothing), the
 * thresholds follow the direction, the goalposts differ and point the right way, and each
 * fixture's expected value and reason go together; its import rules and valid range are checked by
 * check-data-rules.ts and compiled for the importer.
 */
import { checkDataRules } from './check-data-rules.js';
import { dataRulesOf, type DataRule } from './data-rules.js';
import type { IndicatorDefinition } from './definitions.js';
import { compileFormula, FormulaError, type CompiledFormula } from './formula/compile.js';
import { oneOf, pointer, type Problem } from './problem.js';

type Local = Omit<Problem, 'file'>;

function formulaProblem(error: FormulaError): Local {
  const rest = error.source.slice(error.position);
  return {
    pointer: '/formula',
    expected: 'a formula in the formula language',
    found:
      rest === ''
        ? 'the end of the formula'
        : `${JSON.stringify(rest.slice(0, 24))} at column ${error.column}`,
    message: `formula does not compile: ${error.reason}`,
  };
}

function checkVariables(definition: IndicatorDefinition, formula: CompiledFormula): Local[] {
  const problems: Local[] = [];
  const declared = Object.keys(definition.inputs.properties);
  const required = definition.inputs.required;
  const used = formula.variables;
  for (const name of used) {
    if (!declared.includes(name)) {
      problems.push({
        pointer: '/formula',
        expected: declared.length === 0 ? 'declared variables' : `a declared variable: ${oneOf(declared)}`,
        found: JSON.stringify(name),
        message: 'formula uses an undeclared variable',
      });
    } else if (!required.includes(name)) {
      problems.push({
        pointer: '/inputs/required',
        expected: `${JSON.stringify(name)} listed, since the formula reads it`,
        found: JSON.stringify(required),
        message: 'a variable the formula needs is not required',
      });
    }
  }
  required.forEach((name, index) => {
    if (!declared.includes(name)) {
      problems.push({
        pointer: pointer('inputs', 'required', index),
        expected: `a declared variable: ${oneOf(declared)}`,
        found: JSON.stringify(name),
        message: 'required variable is not declared',
      });
    }
  });
  for (const name of declared) {
    if (!used.includes(name)) {
      problems.push({
        pointer: pointer('inputs', 'properties', name),
        expected: `only variables the formula reads: ${oneOf(used)}`,
        found: JSON.stringify(name),
        message: 'declared variable is not used by the formula',
      });
    }
  }
  return problems;
}

function checkThresholds(definition: IndicatorDefinition): Local[] {
  const { green, yellow, orange } = definition.thresholds;
  const higher = definition.direction === 'higher';
  const sign = higher ? '≤' : '≥';
  const problems: Local[] = [];
  const outOfOrder = (better: number, worse: number): boolean => (higher ? worse > better : worse < better);
  const message = `thresholds out of order for a "${definition.direction} is better" indicator`;
  if (outOfOrder(green, yellow)) {
    problems.push({
      pointer: '/thresholds/yellow',
      expected: `${sign} green (${green})`,
      found: String(yellow),
      message,
    });
  }
  if (outOfOrder(yellow, orange)) {
    problems.push({
      pointer: '/thresholds/orange',
      expected: `${sign} yellow (${yellow})`,
      found: String(orange),
      message,
    });
  }
  return problems;
}

function checkGoalposts(definition: IndicatorDefinition): Local[] {
  const floor = definition.goalposts.floor.value;
  const target = definition.goalposts.target.value;
  if (floor === target) {
    return [
      {
        pointer: '/goalposts/target/value',
        expected: `a target different from the floor (${floor})`,
        found: String(target),
        message: 'goalposts are equal',
      },
    ];
  }
  const higher = definition.direction === 'higher';
  if (higher ? target < floor : target > floor) {
    return [
      {
        pointer: '/goalposts/target/value',
        expected: `${higher ? '>' : '<'} the floor (${floor}) for a "${definition.direction} is better" indicator`,
        found: String(target),
        message: 'target on the wrong side of the floor',
      },
    ];
  }
  return [];
}

function checkFixtureShapes(definition: IndicatorDefinition): Local[] {
  const problems: Local[] = [];
  const names = new Set<string>();
  const declared = definition.inputs.properties;
  definition.fixtures.forEach((fixture, index) => {
    if (names.has(fixture.name)) {
      problems.push({
        pointer: pointer('fixtures', index, 'name'),
        expected: 'a name no other fixture of this indicator has',
        found: JSON.stringify(fixture.name),
        message: 'duplicate fixture name',
      });
    }
    names.add(fixture.name);
    if (fixture.expected === null && fixture.reason === undefined) {
      problems.push({
        pointer: pointer('fixtures', index, 'reason'),
        expected: 'the reason the value is missing',
        found: 'nothing',
        message: 'a fixture expecting null needs a reason',
      });
    }
    if (fixture.expected !== null && fixture.reason !== undefined) {
      problems.push({
        pointer: pointer('fixtures', index, 'reason'),
        expected: 'no reason when a number is expected',
        found: JSON.stringify(fixture.reason),
        message: 'a fixture expecting a number cannot have a reason',
      });
    }
    for (const name of Object.keys(fixture.inputs)) {
      if (!Object.hasOwn(declared, name)) {
        problems.push({
          pointer: pointer('fixtures', index, 'inputs', name),
          expected: `a declared variable: ${oneOf(Object.keys(declared))}`,
          found: JSON.stringify(name),
          message: 'fixture input is not a declared variable',
        });
      }
    }
  });
  return problems;
}

export interface IndicatorCheck {
  readonly problems: readonly Problem[];
  readonly formula?: CompiledFormula;
  /** The compiled import rules, when they and the formula are sound. */
  readonly rules?: readonly DataRule[];
}

export function checkIndicator(
  file: string,
  definition: IndicatorDefinition,
  dimensionIds: ReadonlySet<string>,
): IndicatorCheck {
  const local: Local[] = [];
  if (!dimensionIds.has(definition.dimension)) {
    local.push({
      pointer: '/dimension',
      expected: 'the id of a dimension',
      found: JSON.stringify(definition.dimension),
      message: 'unknown dimension',
    });
  }
  let formula: CompiledFormula | undefined;
  try {
    formula = compileFormula(definition.formula);
  } catch (error) {
    if (!(error instanceof FormulaError)) throw error;
    local.push(formulaProblem(error));
  }
  const ruleProblems = formula === undefined ? [] : checkDataRules(definition, formula);
  if (formula !== undefined) local.push(...checkVariables(definition, formula), ...ruleProblems);
  local.push(
    ...checkThresholds(definition),
    ...checkGoalposts(definition),
    ...checkFixtureShapes(definition),
  );
  const problems = local.map((problem) => ({ file, ...problem }));
  if (formula === undefined) return { problems };
  return ruleProblems.length === 0
    ? { problems, formula, rules: dataRulesOf(definition, formula) }
    : { problems, formula };
}
