/**
 * JSON for a <script type="application/json"> block (how chart data reach the page under a strict
 * CSP): the characters that could end the block or start markup are written as \u escapes, which
 * JSON.parse reads back unchanged.
 *
 * @example safeJson({ name: '</script><script>' }) === '{"name":"\\u003c/script\\u003e\\u003cscript\\u003e"}'
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
