/**
 * A period id as a position on a time axis in years: "2024" → 2024, "2024H2" → 2024.5,
 * "2024Q3" → 2024.5, "2024M04" → 2024.25. Trend arrows measure pace per year with it.
 *
 * @example periodPosition('2025Q2') === 2025.25
 */
export function periodPosition(id: string): number {
  const match = /^(\d{4})(?:([HQM])(\d{1,2}))?$/.exec(id);
  if (match === null) return Number.NaN;
  const year = Number(match[1]);
  const part = Number(match[3] ?? '1');
  const perYear = match[2] === 'H' ? 2 : match[2] === 'Q' ? 4 : match[2] === 'M' ? 12 : 1;
  return year + (part - 1) / perYear;
}
