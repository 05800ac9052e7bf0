/**
 * The whitelisted functions of the formula language and how each is evaluated. Arguments are
 * evaluated left to right; the first missing argument makes the call missing with that reason.
 * log of ≤ 0, sqrt of < 0, a non-integer number of digits for round and clamp with lo > hi are
 * domain errors.
 *
 * @example FORMULA_FUNCTIONS.clamp.minArgs === 3
 */
import { MissingCode } from '../../engine/missing-reasons.js';
import { finiteOrMissing, missing, type EvaluationContext, type RowFunction } from './row-function.js';

export interface FormulaFunction {
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly usage: string;
  build(args: readonly RowFunction[], context: EvaluationContext): RowFunction;
}

function argument(args: readonly RowFunction[], index: number): RowFunction {
  const fn = args[index];
  if (fn === undefined) throw new RangeError(`argument ${index} is missing`);
  return fn;
}

/** Builds a one-argument function from its numeric kernel; the kernel may return NaN after setting a reason. */
function unary(kernel: (x: number, context: EvaluationContext) => number): FormulaFunction['build'] {
  return (args, context) => {
    const x = argument(args, 0);
    return (row) => {
      const a = x(row);
      return a !== a ? NaN : kernel(a, context);
    };
  };
}

function extremum(pick: (a: number, b: number) => number): FormulaFunction['build'] {
  return (args) => {
    if (args.length === 2) {
      const left = argument(args, 0);
      const right = argument(args, 1);
      return (row) => {
        const a = left(row);
        if (a !== a) return NaN;
        const b = right(row);
        return b !== b ? NaN : pick(a, b);
      };
    }
    const all = [...args];
    return (row) => {
      let best = argument(all, 0)(row);
      if (best !== best) return NaN;
      for (let k = 1; k < all.length; k++) {
        const next = argument(all, k)(row);
        if (next !== next) return NaN;
        best = pick(best, next);
      }
      return best;
    };
  };
}

/** Moves the decimal point by `digits` without binary noise (1.005 → 100.5, not 100.49999…). */
function shiftDecimal(value: number, digits: number): number {
  const [mantissa = '0', exponent = '0'] = String(value).split('e');
  return Number(`${mantissa}e${Number(exponent) + digits}`);
}

/**
 * Rounds half away from zero, as spreadsheets do: round(2.5) = 3, round(-2.5) = -3,
 * round(1.005, 2) = 1.01. Only values within a hair of a half take the exact (string) path.
 */
export function roundHalfAwayFromZero(value: number, digits: number): number {
  const magnitude = Math.abs(value);
  const scale = 10 ** Math.abs(digits);
  const scaled = digits >= 0 ? magnitude * scale : magnitude / scale;
  const fraction = scaled - Math.floor(scaled);
  let rounded: number;
  if (Math.abs(fraction - 0.5) < 1e-6) {
    rounded = shiftDecimal(Math.round(shiftDecimal(magnitude, digits)), -digits);
  } else {
    rounded = digits >= 0 ? Math.round(scaled) / scale : Math.round(scaled) * scale;
  }
  return (value < 0 ? -rounded : rounded) + 0;
}

const MAX_ROUND_DIGITS = 15;

export const FORMULA_FUNCTIONS = {
  min: { minArgs: 2, maxArgs: Infinity, usage: 'min(a, b, …)', build: extremum(Math.min) },
  max: { minArgs: 2, maxArgs: Infinity, usage: 'max(a, b, …)', build: extremum(Math.max) },
  abs: { minArgs: 1, maxArgs: 1, usage: 'abs(x)', build: unary((x) => Math.abs(x)) },
  log: {
    minArgs: 1,
    maxArgs: 1,
    usage: 'log(x)',
    build: unary((x, context) => (x <= 0 ? missing(MissingCode.DomainError, context) : Math.log(x))),
  },
  log10: {
    minArgs: 1,
    maxArgs: 1,
    usage: 'log10(x)',
    build: unary((x, context) => (x <= 0 ? missing(MissingCode.DomainError, context) : Math.log10(x))),
  },
  sqrt: {
    minArgs: 1,
    maxArgs: 1,
    usage: 'sqrt(x)',
    build: unary((x, context) => (x < 0 ? missing(MissingCode.DomainError, context) : Math.sqrt(x))),
  },
  round: {
    minArgs: 1,
    maxArgs: 2,
    usage: 'round(x) or round(x, digits)',
    build: (args, context) => {
      const x = argument(args, 0);
      const digitsOf = args[1];
      if (digitsOf === undefined) {
        return (row) => {
          const a = x(row);
          return a !== a ? NaN : roundHalfAwayFromZero(a, 0);
        };
      }
      return (row) => {
        const a = x(row);
        if (a !== a) return NaN;
        const digits = digitsOf(row);
        if (digits !== digits) return NaN;
        if (!Number.isInteger(digits) || Math.abs(digits) > MAX_ROUND_DIGITS) {
          return missing(MissingCode.DomainError, context);
        }
        return finiteOrMissing(roundHalfAwayFromZero(a, digits), context);
      };
    },
  },
  clamp: {
    minArgs: 3,
    maxArgs: 3,
    usage: 'clamp(x, lo, hi)',
    build: (args, context) => {
      const x = argument(args, 0);
      const low = argument(args, 1);
      const high = argument(args, 2);
      return (row) => {
        const a = x(row);
        if (a !== a) return NaN;
        const lo = low(row);
        if (lo !== lo) return NaN;
        const hi = high(row);
        if (hi !== hi) return NaN;
        if (lo > hi) return missing(MissingCode.DomainError, context);
        return a < lo ? lo : a > hi ? hi : a;
      };
    },
  },
} as const satisfies Record<string, FormulaFunction>;

export type FunctionName = keyof typeof FORMULA_FUNCTIONS;

export function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(FORMULA_FUNCTIONS, name);
}
