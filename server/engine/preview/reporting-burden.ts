/**
 * The data-collection burden of a framework: how many distinct variables a community must report
 * each period, before and after a change, and which ones the change adds and removes. Variables
 * shared by several indicators count once, since a community reports each column once.
 *
 * @example
 * reportingBurden(['a', 'b', 'b'], ['b', 'c', 'd'])
 * // { before: 2, after: 3, added: ['c', 'd'], removed: ['a'] }
 */
export interface ReportingBurden {
  readonly before: number;
  readonly after: number;
  /** In the order of the framework after the change. */
  readonly added: readonly string[];
  /** In the order of the framework before it. */
  readonly removed: readonly string[];
}

export function reportingBurden(before: readonly string[], after: readonly string[]): ReportingBurden {
  const was = new Set(before);
  const is = new Set(after);
  return {
    before: was.size,
    after: is.size,
    added: [...is].filter((name) => !was.has(name)),
    removed: [...was].filter((name) => !is.has(name)),
  };
}
