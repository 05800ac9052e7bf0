/**
 * Ordinary least squares of y on a few predictors, solved the careful way for small p: every
 * predictor is standardised (mean 0, standard deviation 1) and y centred, then the normal equations
 * Z'Z β = Z'y are solved by a Cholesky factorisation. A predictor that is constant, or a linear
 * combination of the predictors before it, is aliased (its coefficient null, as R's lm() reports NA)
 * and left out of the fit. Coefficients come back per standard deviation of the predictor and in the
 * predictor's own unit, with R², adjusted R², the residual standard error and the fitted values.
 *
 * @example
 * const fit = ordinaryLeastSquares([Float64Array.of(1, 2, 3)], Float64Array.of(3, 5, 7));
 * // fit.intercept === 1, fit.coefficients[0].estimate === 2, fit.r2 === 1
 */

export interface OlsCoefficient {
  /** Change in y per unit of the predictor; null when aliased. */
  readonly estimate: number | null;
  /** Change in y per standard deviation of the predictor; null when aliased. */
  readonly standardised: number | null;
  readonly mean: number;
  readonly sd: number;
}

export interface OlsFit {
  readonly n: number;
  /** Predictors in the fit (aliased ones not counted). */
  readonly p: number;
  readonly intercept: number;
  readonly coefficients: readonly OlsCoefficient[];
  readonly r2: number;
  readonly adjustedR2: number;
  /** sqrt(residual sum of squares / (n − p − 1)). */
  readonly residualStandardError: number;
  readonly fitted: Float64Array;
}

/** A pivot this small, relative to the predictor's own sum of squares, marks it as aliased. */
const ALIAS_TOLERANCE = 1e-9;

function meanOf(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

function sdOf(values: Float64Array, mean: number): number {
  let sum = 0;
  for (const v of values) sum += (v - mean) * (v - mean);
  return values.length > 1 ? Math.sqrt(sum / (values.length - 1)) : 0;
}

/**
 * Cholesky of the p × p matrix `a` (row-major) in place of `l`, skipping aliased columns: returns
 * which columns were kept. Rows and columns of an aliased predictor stay zero.
 */
function cholesky(a: Float64Array, p: number): { l: Float64Array; kept: boolean[] } {
  const l = new Float64Array(p * p);
  const kept: boolean[] = [];
  for (let j = 0; j < p; j++) {
    let d = a[j * p + j] ?? 0;
    for (let k = 0; k < j; k++) d -= (l[j * p + k] ?? 0) ** 2;
    const own = a[j * p + j] ?? 0;
    if (!(own > 0) || d <= ALIAS_TOLERANCE * own) {
      kept.push(false);
      continue;
    }
    kept.push(true);
    const root = Math.sqrt(d);
    l[j * p + j] = root;
    for (let i = j + 1; i < p; i++) {
      let s = a[i * p + j] ?? 0;
      for (let k = 0; k < j; k++) s -= (l[i * p + k] ?? 0) * (l[j * p + k] ?? 0);
      l[i * p + j] = s / root;
    }
  }
  return { l, kept };
}

/** Solves L L' β = b for the kept columns (forward, then back substitution). */
function solve(l: Float64Array, kept: readonly boolean[], b: Float64Array, p: number): Float64Array {
  const z = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    if (kept[i] !== true) continue;
    let s = b[i] ?? 0;
    for (let k = 0; k < i; k++) if (kept[k] === true) s -= (l[i * p + k] ?? 0) * (z[k] ?? 0);
    z[i] = s / (l[i * p + i] ?? 1);
  }
  const beta = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    if (kept[i] !== true) continue;
    let s = z[i] ?? 0;
    for (let k = i + 1; k < p; k++) if (kept[k] === true) s -= (l[k * p + i] ?? 0) * (beta[k] ?? 0);
    beta[i] = s / (l[i * p + i] ?? 1);
  }
  return beta;
}

/**
 * Fits y on the predictor columns (each of y's length, no missing values: the caller leaves out
 * incomplete units first). Needs at least p + 2 observations so that the residual standard error
 * has a degree of freedom; the caller checks that.
 */
export function ordinaryLeastSquares(predictors: readonly Float64Array[], y: Float64Array): OlsFit {
  const n = y.length;
  const p = predictors.length;
  const yMean = meanOf(y);
  const stats = predictors.map((x) => {
    const mean = meanOf(x);
    return { mean, sd: sdOf(x, mean) };
  });
  const z = predictors.map((x, j) => {
    const { mean, sd } = stats[j] ?? { mean: 0, sd: 0 };
    return Float64Array.from(x, (v) => (sd > 0 ? (v - mean) / sd : 0));
  });
  const zz = new Float64Array(p * p);
  const zy = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    const zi = z[i] ?? new Float64Array(n);
    for (let r = 0; r < n; r++) zy[i] = (zy[i] ?? 0) + (zi[r] ?? 0) * ((y[r] ?? 0) - yMean);
    for (let j = 0; j <= i; j++) {
      const zj = z[j] ?? new Float64Array(n);
      let s = 0;
      for (let r = 0; r < n; r++) s += (zi[r] ?? 0) * (zj[r] ?? 0);
      zz[i * p + j] = s;
      zz[j * p + i] = s;
    }
  }
  const { l, kept } = cholesky(zz, p);
  const beta = solve(l, kept, zy, p);
  const fitted = new Float64Array(n).fill(yMean);
  for (let j = 0; j < p; j++) {
    if (kept[j] !== true) continue;
    const zj = z[j] ?? new Float64Array(n);
    const b = beta[j] ?? 0;
    for (let r = 0; r < n; r++) fitted[r] = (fitted[r] ?? 0) + b * (zj[r] ?? 0);
  }
  let ssr = 0;
  let sst = 0;
  for (let r = 0; r < n; r++) {
    ssr += ((y[r] ?? 0) - (fitted[r] ?? 0)) ** 2;
    sst += ((y[r] ?? 0) - yMean) ** 2;
  }
  const used = kept.filter(Boolean).length;
  const r2 = sst > 0 ? Math.max(0, 1 - ssr / sst) : 0;
  const df = n - used - 1;
  const coefficients = stats.map(({ mean, sd }, j): OlsCoefficient => {
    const b = beta[j] ?? 0;
    return kept[j] === true
      ? { estimate: b / sd, standardised: b, mean, sd }
      : { estimate: null, standardised: null, mean, sd };
  });
  let intercept = yMean;
  for (const c of coefficients) if (c.estimate !== null) intercept -= c.estimate * c.mean;
  return {
    n,
    p: used,
    intercept,
    coefficients,
    r2,
    adjustedR2: df > 0 ? 1 - ((1 - r2) * (n - 1)) / df : Number.NaN,
    residualStandardError: df > 0 ? Math.sqrt(ssr / df) : Number.NaN,
    fitted,
  };
}
