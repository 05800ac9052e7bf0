/** JSON with every awkward kind of content, for the tests of JSON written and read in pieces. */

/** Text that JSON must escape or encode in several bytes: quotes, backslashes, controls, CJK, a surrogate pair, U+2028. */
const HOSTILE = 'say "hi"\\ \n\t\u0001 中文治理 😀 \u2028\u2029 </script>';

/** A results-shaped value with every awkward kind of content, ~`rows` rows per column. */
export function hostileValue(rows: number): Record<string, unknown> {
  const column = (seed: number): (number | null)[] =>
    Array.from({ length: rows }, (_, i) => (i % 11 === 3 ? null : Math.sin(i * seed + 1) * 1000));
  return {
    format: 'zhili-results/2',
    units: Array.from({ length: rows }, (_, i) => `U${i}`),
    register: Array.from({ length: Math.ceil(rows / 10) }, (_, i) => ({
      code: `U${i}`,
      name: `${HOSTILE}${i}`,
      parent: i === 0 ? null : 'U0',
      attributes: {},
    })),
    raw: { a: column(1), b: column(2), 'x y': column(3) },
    // Integer-like keys: objects put them first, ascending, and so must the reader.
    rawReasons: { a: { '10': 2, '2': 1, '100': 3, x: 4 }, b: {} },
    numbers: [-0, 0, 1e21, 1e-7, 5e-324, -1.7976931348623157e308, 123456789012345680000, 0.1 + 0.2],
    nested: { empty: {}, none: [], deep: [[[{}]], [[]], { a: [{ b: {} }] }], nulls: [null, null] },
    '10': HOSTILE,
    '2': { [HOSTILE]: [true, false, null] },
    log: Array.from({ length: rows / 4 }, (_, i) => ({ row: i, note: HOSTILE.slice(0, i % 40) })),
  };
}

/** Every object's keys in order, depth first: what deep equality does not compare. */
export function keyOrder(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => keyOrder(item, out));
  else if (typeof value === 'object' && value !== null) {
    out.push(Object.keys(value).join('|'));
    for (const item of Object.values(value)) keyOrder(item, out);
  }
  return out;
}
