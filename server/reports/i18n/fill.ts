/**
 * Fills the {name} slots of a dictionary sentence with values already formatted for the language.
 * Unknown slots stay as written, so a missing value shows up in review instead of vanishing.
 *
 * @example fill('第 {low}–{high} 名', { low: '12', high: '19' }) === '第 12–19 名'
 */
export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (slot, name: string) => {
    const value = values[name];
    return value === undefined ? slot : String(value);
  });
}
