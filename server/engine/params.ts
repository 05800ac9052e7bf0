/**
 * Reads a method's parameters from a framework's `methods.<stage>` object. Each reader checks one key,
 * records what to fix when it is wrong and returns a usable fallback, so that every problem of every
 * stage is reported at once, before any work is done.
 *
 * @example
 * const reader = new ParamReader({ method: 'minmax', range: [0, 100] }, 'methods.normalisation');
 * reader.range('range', [0, 100]); // [0, 100]
 * reader.finish();                 // problems: [] (an unknown key would be listed here)
 */
import type { ProblemDetail } from '../errors.js';

export type MethodParams = Readonly<Record<string, unknown>>;

interface NumberRule {
  readonly min?: number;
  readonly max?: number;
  /** Values must be strictly greater than this. */
  readonly above?: number;
  readonly integer?: boolean;
}

export class ParamReader {
  readonly problems: ProblemDetail[] = [];
  private readonly read = new Set<string>(['method']);

  constructor(
    private readonly params: MethodParams,
    readonly where: string,
  ) {}

  /** Records a problem with one parameter. */
  problem(key: string, message: string): void {
    this.problems.push({ where: `${this.where}.${key}`, message });
  }

  has(key: string): boolean {
    return this.params[key] !== undefined;
  }

  /** The raw value of a parameter that a method checks itself (a matrix, a map of weights …). */
  raw(key: string): unknown {
    this.read.add(key);
    return this.params[key];
  }

  number(key: string, fallback: number, rule: NumberRule = {}): number {
    const value = this.raw(key);
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.problem(key, `must be a finite number, found ${describe(value)}`);
      return fallback;
    }
    const broken = brokenRule(value, rule);
    if (broken !== undefined) {
      this.problem(key, `${broken}, found ${value}`);
      return fallback;
    }
    return value;
  }

  optionalNumber(key: string, rule: NumberRule = {}): number | undefined {
    if (!this.has(key)) {
      this.read.add(key);
      return undefined;
    }
    return this.number(key, Number.NaN, rule);
  }

  boolean(key: string, fallback: boolean): boolean {
    const value = this.raw(key);
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean') {
      this.problem(key, `must be true or false, found ${describe(value)}`);
      return fallback;
    }
    return value;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(key);
    if (value === undefined) return fallback;
    const found = allowed.find((candidate) => candidate === value);
    if (found === undefined) {
      this.problem(
        key,
        `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}, found ${describe(value)}`,
      );
      return fallback;
    }
    return found;
  }

  string(key: string): string | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value === '') {
      this.problem(key, `must be a non-empty string, found ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  /** A pair [low, high] of finite numbers with low < high. */
  range(key: string, fallback: readonly [number, number]): readonly [number, number] {
    const value = this.raw(key);
    if (value === undefined) return fallback;
    if (
      !Array.isArray(value) ||
      value.length !== 2 ||
      typeof value[0] !== 'number' ||
      typeof value[1] !== 'number' ||
      !Number.isFinite(value[0]) ||
      !Number.isFinite(value[1])
    ) {
      this.problem(key, `must be two finite numbers [low, high], found ${describe(value)}`);
      return fallback;
    }
    if (value[0] >= value[1]) {
      this.problem(key, `the low end must be below the high end, found [${value[0]}, ${value[1]}]`);
      return fallback;
    }
    return [value[0], value[1]];
  }

  /** Lists every key that no reader asked for: a typo should not be silently ignored. */
  finish(): ProblemDetail[] {
    for (const key of Object.keys(this.params)) {
      if (!this.read.has(key))
        this.problem(key, 'is not a parameter of this method; remove it or fix its name');
    }
    return this.problems;
  }
}

function brokenRule(value: number, rule: NumberRule): string | undefined {
  if (rule.integer === true && !Number.isInteger(value)) return 'must be a whole number';
  if (rule.min !== undefined && value < rule.min) return `must be at least ${rule.min}`;
  if (rule.max !== undefined && value > rule.max) return `must be at most ${rule.max}`;
  if (rule.above !== undefined && value <= rule.above) return `must be greater than ${rule.above}`;
  return undefined;
}

/** A short description of an unexpected value for an error message. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
