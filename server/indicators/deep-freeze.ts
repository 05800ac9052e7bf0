/**
 * Freezes a value and everything reachable through its properties (already-frozen objects are
 * still walked, since their children may not be), so that loaded definitions cannot change after
 * they were validated and hashed. Typed arrays cannot be frozen and are left alone.
 *
 * @example Object.isFrozen(deepFreeze({ a: { b: [1] } }).a.b) === true
 */
export function deepFreeze<T>(value: T): T {
  const seen = new WeakSet<object>();
  const visit = (current: unknown): void => {
    if (current === null || typeof current !== 'object' || seen.has(current) || ArrayBuffer.isView(current))
      return;
    seen.add(current);
    Object.freeze(current);
    for (const child of Object.values(current)) visit(child);
  };
  visit(value);
  return value;
}
