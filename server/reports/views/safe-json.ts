/**
 * JSON for a <script type="application/json"> block (how chart data reach the page under a strict
 * CSP): the characters that could end the block or start markup are written as \u escapes, which
 * JSON.parse reads back unchanged.
 *
 * @example safeJson({ name: '</script><script>' }) === '{"name":"\\u003c/script\\u003e\\u003cscript\\u003e"}'
 */
const ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => ESCAPES[c] ?? c);
}
