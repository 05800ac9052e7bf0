/**
 * A viewer may be limited to some units and everything below them. UnitScope answers "may this
 * user see unit X?" from the unit tree (code → parent), walking up from X until it meets a scope
 * root or the top.
 *
 * @example
 * const scope = UnitScope.of(['420102'], parents);
 * scope.allows('420102001'); // true when 420102001's parent chain reaches 420102
 */
export class UnitScope {
  private constructor(
    private readonly roots: ReadonlySet<string> | null,
    private readonly parentOf: (code: string) => string | null | undefined,
  ) {}

  /** roots null means every unit. */
  static of(
    roots: readonly string[] | null,
    parentOf: (code: string) => string | null | undefined,
  ): UnitScope {
    return new UnitScope(roots === null ? null : new Set(roots), parentOf);
  }

  static everything(): UnitScope {
    return new UnitScope(null, () => null);
  }

  get unrestricted(): boolean {
    return this.roots === null;
  }

  allows(code: string): boolean {
    if (this.roots === null) return true;
    const seen = new Set<string>();
    let current: string | null | undefined = code;
    while (typeof current === 'string' && !seen.has(current)) {
      if (this.roots.has(current)) return true;
      seen.add(current);
      current = this.parentOf(current);
    }
    return false;
  }
}
