/**
 * The score each base unit would be expected to reach given its structural attributes, and how far
 * it is above or below that: per period, an ordinary least squares of the index score on the chosen
 * attributes (log-scaled where asked) across the units with a score and every attribute, then per
 * unit expected = intercept + Σ coefficient × attribute and difference = actual − expected. A unit
 * missing an attribute (or with a log-scaled attribute ≤ 0) is left out of every period with its
 * reason; a unit without a score is left out of that period. A period with fewer than p + 2 complete
 * units has no fit. The standardised difference divides the difference by the residual standard error.
 *
 * @example
 * const e = expectedScores({ periodIds: ['2024'], scores, units }, { method: 'ols', attributes: ['resident_population'], log: [] });
 * e.fits[0].r2; e.expected[row]; e.difference[row]
 */
import { attributeNumber, type ExpectedSettings, type UnitAttributeRecord } from './expected-choice.js';
import { ordinaryLeastSquares } from './ols.js';

export interface ExpectedCoefficient {
  readonly attribute: string;
  /** Whether the attribute entered as its natural logarithm. */
  readonly log: boolean;
  /** Per unit of the (logged) attribute; null when aliased (constant or collinear). */
  readonly estimate: number | null;
  /** Per standard deviation of the (logged) attribute across the fitted units. */
  readonly perSd: number | null;
}

export interface ExpectedFit {
  readonly period: string;
  /** Units in the fit. */
  readonly n: number;
  /** Null when the period has too few complete units for a fit. */
  readonly intercept: number | null;
  readonly coefficients: readonly ExpectedCoefficient[];
  readonly r2: number | null;
  readonly adjustedR2: number | null;
  readonly residualStandardError: number | null;
}

/** Why a unit has no expected score in any period (attribute reasons), by unit. */
export type UnitExclusion =
  | { readonly reason: 'missing_attribute'; readonly attribute: string }
  | { readonly reason: 'not_positive_for_log'; readonly attribute: string };

export interface ExpectedScores {
  readonly attributes: readonly string[];
  readonly log: readonly string[];
  readonly fits: readonly ExpectedFit[];
  /** Per row (period × unit, period-major): NaN where the unit is left out. */
  readonly expected: Float64Array;
  readonly difference: Float64Array;
  readonly standardised: Float64Array;
  /** Per unit: null when the attributes are complete. */
  readonly exclusions: readonly (UnitExclusion | null)[];
}

export interface ExpectedInput {
  readonly periodIds: readonly string[];
  /** The index score per row (period × unit, period-major), NaN when missing. */
  readonly scores: Float64Array;
  /** The base units' register attributes, in the engine's unit order. */
  readonly units: readonly UnitAttributeRecord[];
}

function predictorRows(
  units: readonly UnitAttributeRecord[],
  attributes: readonly string[],
  log: readonly string[],
): { values: Float64Array[]; exclusions: (UnitExclusion | null)[] } {
  const values = attributes.map(() => new Float64Array(units.length));
  const exclusions = units.map((unit, u): UnitExclusion | null => {
    let exclusion: UnitExclusion | null = null;
    attributes.forEach((attribute, j) => {
      let value = attributeNumber(unit[attribute]);
      if (Number.isNaN(value)) exclusion ??= { reason: 'missing_attribute', attribute };
      else if (log.includes(attribute)) {
        if (value <= 0) exclusion ??= { reason: 'not_positive_for_log', attribute };
        value = value > 0 ? Math.log(value) : Number.NaN;
      }
      const column = values[j];
      if (column !== undefined) column[u] = value;
    });
    return exclusion;
  });
  return { values, exclusions };
}

export function expectedScores(input: ExpectedInput, settings: ExpectedSettings): ExpectedScores | null {
  if (settings.method === 'none') return null;
  const { attributes, log } = settings;
  const unitCount = input.units.length;
  const rowCount = unitCount * input.periodIds.length;
  const expected = new Float64Array(rowCount).fill(Number.NaN);
  const difference = new Float64Array(rowCount).fill(Number.NaN);
  const standardised = new Float64Array(rowCount).fill(Number.NaN);
  const { values, exclusions } = predictorRows(input.units, attributes, log);
  const fits = input.periodIds.map((period, t): ExpectedFit => {
    const members: number[] = [];
    for (let u = 0; u < unitCount; u++)
      if (exclusions[u] === null && Number.isFinite(input.scores[t * unitCount + u] ?? Number.NaN))
        members.push(u);
    const none: ExpectedFit = {
      period,
      n: members.length,
      intercept: null,
      coefficients: attributes.map((attribute) => ({
        attribute,
        log: log.includes(attribute),
        estimate: null,
        perSd: null,
      })),
      r2: null,
      adjustedR2: null,
      residualStandardError: null,
    };
    if (members.length < attributes.length + 2) return none;
    const y = Float64Array.from(members, (u) => input.scores[t * unitCount + u] ?? 0);
    const x = values.map((column) => Float64Array.from(members, (u) => column[u] ?? 0));
    const fit = ordinaryLeastSquares(x, y);
    const rse = fit.residualStandardError;
    members.forEach((u, i) => {
      const row = t * unitCount + u;
      const e = fit.fitted[i] ?? Number.NaN;
      expected[row] = e;
      difference[row] = (y[i] ?? Number.NaN) - e;
      standardised[row] = rse > 0 ? ((y[i] ?? Number.NaN) - e) / rse : Number.NaN;
    });
    return {
      ...none,
      intercept: fit.intercept,
      coefficients: fit.coefficients.map((c, j) => ({
        attribute: attributes[j] ?? '',
        log: log.includes(attributes[j] ?? ''),
        estimate: c.estimate,
        perSd: c.standardised,
      })),
      r2: fit.r2,
      adjustedR2: Number.isFinite(fit.adjustedR2) ? fit.adjustedR2 : null,
      residualStandardError: Number.isFinite(rse) ? rse : null,
    };
  });
  return { attributes, log, fits, expected, difference, standardised, exclusions };
}
