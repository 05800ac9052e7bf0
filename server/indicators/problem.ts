/**
 * One thing wrong with a definition folder: where (file relative to the folder, JSON pointer),
 * what was expected and what was found, and a short message. The registry collects them all
 * before failing, so a researcher fixes everything in one pass.
 *
 * @example formatProblem(p) === 'coverage/x.json /weight: out of range (expected > 0, found -1)'
 */
export interface Problem {
  readonly file: string;
  readonly pointer: string;
  readonly expected: string;
  readonly found: string;
  readonly message: string;
}

export function formatProblem(problem: Problem): string {
  const where = problem.pointer === '' ? problem.file : `${problem.file} ${problem.pointer}`;
  return `${where}: ${problem.message} (expected ${problem.expected}, found ${problem.found})`;
}

/** Escapes one JSON-pointer segment (RFC 6901). */
export function pointerSegment(key: string | number): string {
  return String(key).replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Joins segments into a JSON pointer: pointer('inputs', 'required', 0) === '/inputs/required/0'. */
export function pointer(...segments: (string | number)[]): string {
  return segments.map((segment) => `/${pointerSegment(segment)}`).join('');
}

const MAX_SHOWN = 80;

/** A short description of a JSON value for "found …". */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (value !== null && typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

/** Quotes a list of names for "expected one of …". */
export function oneOf(values: readonly unknown[]): string {
  const shown = values.map((value) => JSON.stringify(value));
  return shown.length === 1 ? (shown[0] ?? '') : `one of ${shown.join(', ')}`;
}
