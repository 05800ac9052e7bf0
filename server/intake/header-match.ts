/**
 * Maps a header cell to what it stands for. A header may be the name (households), the
 * registry template's combined cell (households｜常住户数（户）: the text before ｜ is the name),
 * the Chinese label, the English label, or a label followed by its unit in brackets. Matching
 * ignores case, spacing and full-width/half-width differences (NFKC). An alias shared by two
 * targets matches neither.
 *
 * @example
 * const match = headerMatcher([{ key: 'households', aliases: ['households', '常住户数'] }]);
 * match('households｜常住户数（户）') === 'households'; match('常住户数') === 'households'
 */
import type { IntakeVariable } from './intake-variable.js';

export interface ColumnTarget {
  readonly key: string;
  readonly aliases: readonly string[];
}

export function normaliseHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** The ways a variable's column may be headed. */
export function variableAliases(variable: IntakeVariable): string[] {
  const { name, label, unit } = variable;
  return [name, label.zh, label.en, `${label.zh}(${unit.zh})`, `${label.en} (${unit.en})`];
}

const TRAILING_UNIT = /\s*\([^()]*\)\s*$/;

export function headerMatcher(targets: readonly ColumnTarget[]): (header: string) => string | undefined {
  const byAlias = new Map<string, string | null>();
  for (const target of targets) {
    for (const alias of target.aliases) {
      const key = normaliseHeader(alias);
      const seen = byAlias.get(key);
      byAlias.set(key, seen === undefined || seen === target.key ? target.key : null);
    }
  }
  const lookup = (text: string): string | undefined => byAlias.get(text) ?? undefined;
  return (header) => {
    const text = normaliseHeader(header);
    if (text === '') return undefined;
    const direct = lookup(text) ?? lookup(text.replace(TRAILING_UNIT, ''));
    if (direct !== undefined) return direct;
    const bar = text.indexOf('|');
    if (bar === -1) return undefined;
    const before = text.slice(0, bar).trim();
    const after = text.slice(bar + 1).trim();
    return lookup(before) ?? lookup(after) ?? lookup(after.replace(TRAILING_UNIT, ''));
  };
}
