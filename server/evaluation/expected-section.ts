/**
 * The expected score of an evaluation (issue 16, performance beyond expectation): checks the
 * evaluation's `methods.expected` against the base units' register attributes before any work, and
 * after the run fits the index score on those attributes (server/engine/context/expected/) and
 * turns the fit into the results' optional `expected` section: per period the coefficients with
 * their attribute names, R², adjusted R², n and the residual standard error; per row (period × base
 * unit, as every column of the results) the expected score, the difference actual − expected and
 * the difference in residual standard errors; the units left out for an attribute, with the reason.
 * Only the base units (communities and villages) are fitted: streets and districts have no section.
 *
 * @example doc.expected.difference[doc.units.length * periodIndex + unitIndex]
 */
import {
  resolveExpectedChoice,
  type ExpectedSettings,
  type UnitAttributeRecord,
} from '../engine/context/expected/expected-choice.js';
import {
  expectedScores,
  type ExpectedFit,
  type UnitExclusion,
} from '../engine/context/expected/expected-scores.js';
import type { EngineResult } from '../engine/result.js';
import { ValidationError, type ProblemDetail } from '../errors.js';

type Cell = number | null;

export interface ExpectedDocument {
  readonly attributes: readonly string[];
  readonly log: readonly string[];
  readonly fits: readonly ExpectedFit[];
  readonly expected: readonly Cell[];
  readonly difference: readonly Cell[];
  readonly standardised: readonly Cell[];
  /** Base unit code → why it has no expected score in any period. */
  readonly excluded: Readonly<Record<string, UnitExclusion>>;
}

/** The settings the evaluation runs with, or a ValidationError naming every problem. */
export function prepareExpected(given: unknown, units: readonly UnitAttributeRecord[]): ExpectedSettings {
  const problems: ProblemDetail[] = [];
  const settings = resolveExpectedChoice(given, units, problems);
  if (problems.length > 0) {
    const list = problems.map((p) => `${p.where ?? ''}: ${p.message}`).join('; ');
    throw new ValidationError(`The evaluation cannot run (${problems.length} problem(s)): ${list}`, problems);
  }
  return settings;
}

const cells = (column: Float64Array): Cell[] => Array.from(column, (v) => (Number.isFinite(v) ? v : null));

/** The results' section, or undefined when the choice is none. */
export function expectedDocument(
  result: EngineResult,
  attributesOf: ReadonlyMap<string, UnitAttributeRecord>,
  settings: ExpectedSettings,
): ExpectedDocument | undefined {
  const scores = result.scores.values.get(result.root);
  if (scores === undefined) return undefined;
  const expected = expectedScores(
    {
      periodIds: result.periodIds,
      scores,
      units: result.unitCodes.map((code) => attributesOf.get(code) ?? {}),
    },
    settings,
  );
  if (expected === null) return undefined;
  const excluded: Record<string, UnitExclusion> = {};
  expected.exclusions.forEach((exclusion, u) => {
    const code = result.unitCodes[u];
    if (exclusion !== null && code !== undefined) excluded[code] = exclusion;
  });
  return {
    attributes: expected.attributes,
    log: expected.log,
    fits: expected.fits,
    expected: cells(expected.expected),
    difference: cells(expected.difference),
    standardised: cells(expected.standardised),
    excluded,
  };
}
