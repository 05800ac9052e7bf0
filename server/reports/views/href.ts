/**
 * A link with query parameters, properly encoded, leaving out parameters that are undefined or
 * empty, so pages can build "the same view, sorted differently" links without string surgery.
 *
 * @example href('/evaluations/e1', { sort: 'name', q: '' }) === '/evaluations/e1?sort=name'
 */
export type QueryValues = Readonly<Record<string, string | number | undefined>>;

export function href(path: string, query: QueryValues = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    params.set(name, String(value));
  }
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}
