/**
 * COINr's single steps written out plainly for the ASEM tests, independently of the engine's code:
 * e1071 type-2 moments, check_SkewKurt, the winsorisation loop and log_CT, on plain number arrays
 * (null = NA).
 */
type Cells = readonly (number | null)[];

function present(x: Cells): number[] {
  return x.filter((v): v is number => v !== null);
}

export function e1071Skew(x: Cells): number {
  const v = present(x);
  const n = v.length;
  const m = v.reduce((s, a) => s + a, 0) / n;
  const d = v.map((a) => a - m);
  const s2 = d.reduce((s, a) => s + a * a, 0);
  const s3 = d.reduce((s, a) => s + a * a * a, 0);
  return ((Math.sqrt(n) * s3) / Math.pow(s2, 1.5)) * (Math.sqrt(n * (n - 1)) / (n - 2));
}

export function e1071Kurt(x: Cells): number {
  const v = present(x);
  const n = v.length;
  const m = v.reduce((s, a) => s + a, 0) / n;
  const d = v.map((a) => a - m);
  const s2 = d.reduce((s, a) => s + a * a, 0);
  const s4 = d.reduce((s, a) => s + a ** 4, 0);
  const r = (n * s4) / (s2 * s2);
  return (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
}

function passes(x: Cells): boolean {
  return Math.abs(e1071Skew(x)) < 2 || e1071Kurt(x) < 3.5;
}

export interface HandTreatment {
  readonly result: 'passed' | 'winsorised' | 'log_transformed';
  readonly values: (number | null)[];
  readonly nwin: number;
}

/** COINr's Treat with winsorise (winmax) then log_CT on the original data. */
export function treatByHand(x: Cells, winmax = 5): HandTreatment {
  if (passes(x)) return { result: 'passed', values: [...x], nwin: 0 };
  const w = [...x];
  let nwin = 0;
  let high = 0;
  let low = 0;
  while (!passes(w) && nwin < winmax) {
    const v = present(w);
    if (e1071Skew(w) >= 0) {
      const top = Math.max(...v);
      const next = Math.max(...v.filter((a) => a !== top));
      high = w.filter((a) => a === top).length;
      for (let i = 0; i < w.length; i++) if (w[i] === top) w[i] = next;
    } else {
      const bottom = Math.min(...v);
      const next = Math.min(...v.filter((a) => a !== bottom));
      low = w.filter((a) => a === bottom).length;
      for (let i = 0; i < w.length; i++) if (w[i] === bottom) w[i] = next;
    }
    nwin = high + low;
  }
  if (passes(w)) return { result: 'winsorised', values: w, nwin };
  const v = present(x);
  const min = Math.min(...v);
  const max = Math.max(...v);
  return {
    result: 'log_transformed',
    values: x.map((a) => (a === null ? null : Math.log(a - min + 0.01 * (max - min)))),
    nwin,
  };
}

/** rank(-x, ties.method = "min"): 1 + the number of values strictly greater; null has no rank. */
export function rankDescending(x: Cells): (number | null)[] {
  return x.map((a) => (a === null ? null : 1 + x.filter((b) => b !== null && b > a).length));
}
