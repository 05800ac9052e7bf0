/**
 * A formula that cannot be compiled: bad syntax, an unknown function, a string, a property access …
 * `position` is the 0-based offset into the source; `column` is the same, 1-based, for people.
 *
 * @example new FormulaError('unknown function "foo"', 0, 'foo(x)').message === 'unknown function "foo" (column 1)'
 */
export class FormulaError extends Error {
  readonly column: number;

  constructor(
    readonly reason: string,
    readonly position: number,
    readonly source: string,
  ) {
    super(`${reason} (column ${position + 1})`);
    this.name = 'FormulaError';
    this.column = position + 1;
  }
}
