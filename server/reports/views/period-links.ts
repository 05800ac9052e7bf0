/**
 * Links to the same page in each period of the evaluation, the shown one marked current.
 *
 * @example periodLinks(['2024', '2025'], 1, (p) => `/e?period=${p}`)
 * // [{ label: '2024', href: '/e?period=2024', current: false }, { label: '2025', …, current: true }]
 */
export interface PeriodLink {
  readonly label: string;
  readonly href: string;
  readonly current: boolean;
}

export function periodLinks(
  periods: readonly string[],
  shown: number,
  link: (period: string) => string,
): PeriodLink[] {
  return periods.map((period, i) => ({ label: period, href: link(period), current: i === shown }));
}
