/**
 * The seven districts of the demo city 梧阳市 (Wuyang, fictional) and the story each tells.
 * Dimension offsets are in standard deviations of the latent governance capacity.
 */
export type DemoDimension =
  'coverage' | 'responsiveness' | 'autonomy' | 'intelligence' | 'institutionalization';

export interface DemoDistrict {
  readonly code: string;
  readonly name: { readonly zh: string; readonly en: string };
  /** Share of its streets that are rural townships (乡镇) with villages. */
  readonly ruralShare: number;
  /** Overall capacity, then per-dimension offsets. */
  readonly level: number;
  readonly offsets: Partial<Record<DemoDimension, number>>;
  /** Gain in capacity per period (the fast improver has a large one). */
  readonly trend: number;
  /** Share of its data cells left empty (the patchy reporter). */
  readonly missingShare: number;
}

export const DEMO_DISTRICTS: readonly DemoDistrict[] = [
  {
    code: 'WY01',
    name: { zh: '江南区', en: 'Jiangnan District' },
    ruralShare: 0,
    level: 0.6,
    offsets: {},
    trend: 0.05,
    missingShare: 0.01,
  },
  {
    code: 'WY02',
    name: { zh: '江北区', en: 'Jiangbei District' },
    ruralShare: 0,
    level: 0.2,
    offsets: { responsiveness: 0.3 },
    trend: 0.05,
    missingShare: 0.01,
  },
  {
    // Strong in intelligence, weak in autonomy: a smart-city showcase whose residents govern little themselves.
    code: 'WY03',
    name: { zh: '光谷区', en: 'Guanggu District' },
    ruralShare: 0,
    level: 0.3,
    offsets: { intelligence: 1.6, autonomy: -1.4 },
    trend: 0.04,
    missingShare: 0.01,
  },
  {
    // Improving fast: starts low and climbs period after period.
    code: 'WY04',
    name: { zh: '新港区', en: 'Xingang District' },
    ruralShare: 0.2,
    level: -0.7,
    offsets: {},
    trend: 0.55,
    missingShare: 0.02,
  },
  {
    code: 'WY05',
    name: { zh: '东湖区', en: 'Donghu District' },
    ruralShare: 0.1,
    level: 0,
    offsets: { institutionalization: 0.4 },
    trend: 0.03,
    missingShare: 0.01,
  },
  {
    // Patchy data: many communities leave cells empty, a few report almost nothing.
    code: 'WY06',
    name: { zh: '青山区', en: 'Qingshan District' },
    ruralShare: 0.6,
    level: -0.3,
    offsets: { coverage: -0.2 },
    trend: 0.02,
    missingShare: 0.25,
  },
  {
    code: 'WY07',
    name: { zh: '云岭区', en: 'Yunling District' },
    ruralShare: 0.8,
    level: -0.5,
    offsets: { autonomy: 0.5, intelligence: -0.6 },
    trend: 0.06,
    missingShare: 0.03,
  },
];
