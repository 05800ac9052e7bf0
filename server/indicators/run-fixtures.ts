/**
 * Runs an indicator's fixtures through its compiled formula and says, per fixture, whether the
 * result matches: a number within a relative tolerance of 1e-9 (absolute 1e-12 near zero), or
 * missing with the expected reason.
 *
 * @example runFixtures(registry.indicators.get('grid_household_coverage')!).every((r) => r.pass)
 */
import type { Fixture } from './definitions.js';
import type { FormulaResult } from './formula/compile.js';
import { pointer, type Problem } from './problem.js';
import type { LoadedIndicator } from './registry-types.js';

export const RELATIVE_TOLERANCE = 1e-9;
export const ABSOLUTE_TOLERANCE = 1e-12;

/** What a fixture expects, or what the formula gave, in the same shape. */
export type FixtureOutcome = { readonly value: number } | { readonly value: null; readonly reason: string };

export interface FixtureResult {
  readonly indicator: string;
  readonly fixture: string;
  readonly index: number;
  readonly pass: boolean;
  readonly expected: FixtureOutcome;
  readonly actual: FixtureOutcome;
}

export function closeEnough(actual: number, expected: number): boolean {
  const tolerance = Math.max(
    ABSOLUTE_TOLERANCE,
    RELATIVE_TOLERANCE * Math.max(Math.abs(actual), Math.abs(expected)),
  );
  return Math.abs(actual - expected) <= tolerance;
}

function expectedOf(fixture: Fixture): FixtureOutcome {
  return fixture.expected === null
    ? { value: null, reason: fixture.reason ?? 'a reason' }
    : { value: fixture.expected };
}

function actualOf(result: FormulaResult): FixtureOutcome {
  return result.ok ? { value: result.value } : { value: null, reason: result.reason };
}

function matches(expected: FixtureOutcome, actual: FixtureOutcome): boolean {
  if (expected.value === null || actual.value === null) {
    return expected.value === null && actual.value === null && expected.reason === actual.reason;
  }
  return closeEnough(actual.value, expected.value);
}

export function runFixtures(indicator: LoadedIndicator): FixtureResult[] {
  return indicator.definition.fixtures.map((fixture, index) => {
    const expected = expectedOf(fixture);
    const actual = actualOf(indicator.formula.evaluate(fixture.inputs));
    return {
      indicator: indicator.definition.id,
      fixture: fixture.name,
      index,
      pass: matches(expected, actual),
      expected,
      actual,
    };
  });
}

/** "50" or "null (division_by_zero)": how an outcome reads in a report. */
export function describeOutcome(outcome: FixtureOutcome): string {
  return outcome.value === null ? `null (${outcome.reason})` : String(outcome.value);
}

/** Each failing fixture as a Problem at its `expected`, for `indicators check`. */
export function fixtureProblems(indicator: LoadedIndicator): Problem[] {
  return runFixtures(indicator)
    .filter((result) => !result.pass)
    .map((result) => ({
      file: indicator.file,
      pointer: pointer('fixtures', result.index, 'expected'),
      expected: describeOutcome(result.expected),
      found: describeOutcome(result.actual),
      message: `fixture ${JSON.stringify(result.fixture)} fails`,
    }));
}
