/**
 * Fills the {name} slots of a dictionary sentence with values already formatted for the language.
 * Unknown slots stay as written, so a missing value shows up in review instead of vanishing. Each
 * sentence is split into text and slots once and remembered (pages fill the same few sentences
 * many times).
 *
 * @example fill('第 {low}–{high} 名', { low: '12', high: '19' }) === '第 12–19 名'
 */
const parsed = new Map<string, readonly string[]>();

/** Text at even positions, slot names at odd positions. */
function parts(text: string): readonly string[] {
  let known = parsed.get(text);
  if (known === undefined) {
    known = text.split(/\{(\w+)\}/);
    if (parsed.size < 10_000) parsed.set(text, known);
  }
  return known;
}

export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  const pieces = parts(text);
  let out = pieces[0] ?? '';
  for (let i = 1; i < pieces.length; i += 2) {
    const name = pieces[i] ?? '';
    const value = values[name];
    out += (value === undefined ? `{${name}}` : String(value)) + (pieces[i + 1] ?? '');
  }
  return out;
}
