/**
 * Why a value is missing. Columns hold NaN for a missing cell and a parallel Uint8Array
 * holds one of these codes, so that every output can say why instead of printing NaN.
 *
 * @example MISSING_REASONS[MissingCode.DivisionByZero] === 'division_by_zero'
 */
export const MISSING_REASONS = [
  'ok',
  'missing_input',
  'division_by_zero',
  'domain_error',
  'not_finite',
  'invalid_input',
  'screened_out',
  'not_applicable',
  'no_variation',
  'sample_too_small',
] as const;

export type MissingReason = Exclude<(typeof MISSING_REASONS)[number], 'ok'>;

export const MissingCode = {
  Ok: 0,
  MissingInput: 1,
  DivisionByZero: 2,
  DomainError: 3,
  NotFinite: 4,
  /** The raw input broke its declared range (a negative count, a numerator above its denominator …). */
  InvalidInput: 5,
  /** The unit fell below the data-availability threshold. */
  ScreenedOut: 6,
  /** The indicator does not apply to this unit (urban-only indicator for a village …). */
  NotApplicable: 7,
  /**
   * Every unit has the same value (or a single unit has one), so a normalisation that scales by the
   * spread (min-max, z-score, distance to max) has nothing to scale: the indicator is skipped.
   */
  NoVariation: 8,
  /** A survey estimate rests on fewer respondents than the survey indicator's minimum sample. */
  SampleTooSmall: 9,
} as const;

export type MissingCodeValue = (typeof MissingCode)[keyof typeof MissingCode];
