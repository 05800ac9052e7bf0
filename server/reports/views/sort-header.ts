/**
 * A sortable column heading: its link sorts by the column (its natural direction first, the other
 * direction when it is already sorted that way), and it says how the table is sorted now, for
 * aria-sort and the arrow shown.
 *
 * @example
 * sortHeader('Score', 'score', { key: 'score', dir: 'desc' }, 'desc', (k, d) => `?sort=${k}&dir=${d}`)
 * // { label: 'Score', key: 'score', natural: 'desc', href: '?sort=score&dir=asc', ariaSort: 'descending', arrow: '▼' }
 */
export type SortDir = 'asc' | 'desc';

export interface SortState {
  readonly key: string;
  readonly dir: SortDir;
}

export interface SortHeader {
  readonly label: string;
  readonly href: string;
  readonly ariaSort: 'ascending' | 'descending' | 'none';
  readonly arrow: string;
  readonly key: string;
  /** The direction the first click sorts in (for the in-page sort script). */
  readonly natural: SortDir;
}

export function sortHeader(
  label: string,
  key: string,
  current: SortState,
  natural: SortDir,
  link: (key: string, dir: SortDir) => string,
): SortHeader {
  const active = current.key === key;
  const next: SortDir = active ? (current.dir === 'asc' ? 'desc' : 'asc') : natural;
  return {
    label,
    key,
    natural,
    href: link(key, next),
    ariaSort: active ? (current.dir === 'asc' ? 'ascending' : 'descending') : 'none',
    arrow: active ? (current.dir === 'asc' ? '▲' : '▼') : '',
  };
}
