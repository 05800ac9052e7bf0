/**
 * Finds text of the other language in a rendered page: in a Chinese page a run of three or more
 * English words, in an English page any Chinese character. Only the page's own text counts: what
 * sits in <script>, <style>, <code> or <pre>, in an element marked translate="no" or with its own
 * lang attribute (the language switch), and the data strings a test names (unit names, user names)
 * are left out, as are the visible attributes' values of those elements. Words that are codes a test
 * names (indicator and dimension ids such as Flights) do not count as English words.
 *
 * @example languageLeaks('zh', '<p>找不到 the unit scope names units</p>', []) // ['the unit scope names units']
 */
import type { Lang } from '../../server/reports/i18n/lang.js';

const SKIPPED_ELEMENTS = new Set(['script', 'style', 'code', 'pre', 'head', 'textarea']);
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const VISIBLE_ATTRIBUTES = ['title', 'aria-label', 'placeholder', 'alt'];

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  nbsp: ' ',
  '#x27': "'",
  '#x60': '`',
  '#x3D': '=',
  '#39': "'",
};

function decode(text: string): string {
  return text.replace(/&(#x?[0-9a-fA-F]+|[a-z]+);/g, (whole, name: string) => {
    const known = ENTITIES[name];
    if (known !== undefined) return known;
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return whole;
  });
}

function attributeValue(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}="([^"]*)"`, 'i').exec(attributes);
  return match?.[1];
}

/** The page's own text pieces: text between tags and the visible attributes, outside skipped elements. */
export function ownText(html: string): string[] {
  const pieces: string[] = [];
  const body = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<!doctype[^>]*>/i, '');
  let skipping: { tag: string; depth: number } | null = null;
  let last = 0;
  for (const match of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    const [whole, closing, rawTag, attributes = ''] = match;
    const tag = (rawTag ?? '').toLowerCase();
    const at = match.index;
    if (skipping === null) pieces.push(decode(body.slice(last, at)));
    last = at + whole.length;
    const selfClosing = VOID_ELEMENTS.has(tag) || attributes.endsWith('/');
    if (skipping !== null) {
      if (tag === skipping.tag && !selfClosing) skipping.depth += closing === '/' ? -1 : 1;
      if (skipping.depth === 0) skipping = null;
      continue;
    }
    if (closing === '/') continue;
    const marked =
      SKIPPED_ELEMENTS.has(tag) ||
      attributeValue(attributes, 'translate') === 'no' ||
      (tag !== 'html' && attributeValue(attributes, 'lang') !== undefined);
    if (marked) {
      if (!selfClosing) skipping = { tag, depth: 1 };
      continue;
    }
    for (const name of VISIBLE_ATTRIBUTES) {
      const value = attributeValue(attributes, name);
      if (value !== undefined) pieces.push(decode(value));
    }
  }
  if (skipping === null) pieces.push(decode(body.slice(last)));
  return pieces.map((piece) => piece.replace(/\s+/g, ' ').trim()).filter((piece) => piece !== '');
}

const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60]/;
/** A word of English: letters only (codes such as WY01 or p95 are not words), with its punctuation. */
const ENGLISH_WORD = /^[("'“‘]?[A-Za-z][a-z]*(?:['’-][A-Za-z]+)*[)"'”’,.;:!?]*$/;

/** Runs of three or more English words in one piece of text. */
function englishRuns(text: string, codes: ReadonlySet<string>): string[] {
  const runs: string[] = [];
  let run: string[] = [];
  const close = () => {
    if (run.length >= 3) runs.push(run.join(' '));
    run = [];
  };
  for (const token of text.split(' ')) {
    if (ENGLISH_WORD.test(token) && !codes.has(token.replace(/^[("'“‘]+|[)"'”’,.;:!?]+$/g, '')))
      run.push(token);
    else close();
  }
  close();
  return runs;
}

function withoutData(text: string, data: readonly string[]): string {
  let rest = text;
  for (const value of data) if (value !== '') rest = rest.split(value).join(' ');
  return rest.replace(/\s+/g, ' ').trim();
}

/** Text of the other language in a page of `lang`, after leaving out the `data` strings and `codes`. */
export function languageLeaks(
  lang: Lang,
  html: string,
  data: readonly string[],
  codes: ReadonlySet<string> = new Set(),
): string[] {
  const sorted = [...data].sort((a, b) => b.length - a.length);
  const leaks: string[] = [];
  for (const piece of ownText(html)) {
    const text = withoutData(piece, sorted);
    if (lang === 'zh') leaks.push(...englishRuns(text, codes));
    else if (CJK.test(text)) leaks.push(text);
  }
  return [...new Set(leaks)];
}
