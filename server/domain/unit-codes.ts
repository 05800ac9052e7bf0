/**
 * The coded unit attributes and their labels, one place for each: the levels of the tree, urban or
 * rural, and the peer groups the demo city and the reports use. A register may give a code or its
 * Chinese or English label (城市大型社区 → urban_large); the report pages show the labels.
 *
 * @example PEER_GROUPS.urban_large.zh === '城市大型社区'
 */
import type { UnitLevel } from './unit.js';

export interface CodeLabel {
  readonly zh: string;
  readonly en: string;
}

export const LEVEL_LABELS: Readonly<Record<UnitLevel, CodeLabel>> = {
  city: { zh: '市', en: 'City' },
  district: { zh: '区（县）', en: 'District' },
  street: { zh: '街道（乡镇）', en: 'Street or township' },
  community: { zh: '社区（村）', en: 'Community or village' },
};

export const URBAN_RURAL_LABELS: Readonly<Record<'urban' | 'rural', CodeLabel>> = {
  urban: { zh: '城镇', en: 'Urban' },
  rural: { zh: '农村', en: 'Rural' },
};

/** Peer groups: communities by size in town, villages; streets by urban or rural. */
export const PEER_GROUPS = {
  urban_large: { zh: '城市大型社区', en: 'Large urban communities' },
  urban_small: { zh: '城市小型社区', en: 'Small urban communities' },
  rural: { zh: '农村', en: 'Rural' },
  urban: { zh: '城市', en: 'Urban' },
} as const satisfies Readonly<Record<string, CodeLabel>>;

export type PeerGroup = keyof typeof PEER_GROUPS;

/** How a code and its labels compare with what a file says: width, case and spaces do not matter. */
export function codeKey(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The code a text stands for: the code itself, its Chinese or English label, or one of `words`.
 *
 * @example codeOf(PEER_GROUPS, '城市大型社区') === 'urban_large'
 */
export function codeOf<K extends string>(
  labels: Readonly<Record<K, CodeLabel>>,
  text: string,
  words?: Readonly<Partial<Record<K, readonly string[]>>>,
): K | undefined {
  const wanted = codeKey(text);
  const codes = Object.keys(labels) as K[];
  return codes.find((code) => {
    const label = labels[code];
    return [code, label.zh, label.en, ...(words?.[code] ?? [])].some((word) => codeKey(word) === wanted);
  });
}

/** The known codes with their labels, for a message: "urban_large (城市大型社区, Large urban communities), …". */
export function describeCodes<K extends string>(labels: Readonly<Record<K, CodeLabel>>): string {
  return (Object.entries(labels) as [K, CodeLabel][])
    .map(([code, label]) => `${code} (${label.zh}, ${label.en})`)
    .join(', ');
}
