/**
 * The heat-map shade (0 = lightest … 9 = darkest) of a score: scores on the 0–100 scale by tens,
 * others by their position between `low` and `high`; null for a missing score. The CSS classes
 * heat-0 … heat-9 carry a colour-blind-safe sequential blue scale.
 *
 * @example heatClass(57, 0, 100) === 5; heatClass(100, 0, 100) === 9
 */
export function heatClass(score: number, low = 0, high = 100): number | null {
  if (!Number.isFinite(score)) return null;
  const span = high > low ? high - low : 1;
  return Math.max(0, Math.min(9, Math.floor(((score - low) / span) * 10)));
}
