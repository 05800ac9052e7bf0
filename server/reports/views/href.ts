/**
 * A link with query parameters, properly encoded, leaving out parameters that are undefined or
 * empty, so pages can build "the same view, sorted differently" links without string surgery.
 *
 * @example href('/evaluations/e1', { sort: 'name', q: '' }) === '/evaluations/e1?sort=name'
 * href('/e', { q: '江 南' }) === '/e?q=%E6%B1%9F%20%E5%8D%97'
 */
export type QueryValues = Readonly<Record<string, string | number | undefined>>;

export function href(path: string, query: QueryValues = {}): string {
  let text = '';
  for (const name in query) {
    const value = query[name];
    if (value === undefined || value === '') continue;
    text += `${text === '' ? '?' : '&'}${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
  }
  return path + text;
}
