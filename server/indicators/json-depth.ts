/**
 * How deeply JSON may nest: at most MAX_JSON_DEPTH levels of arrays and objects, for every JSON
 * body the API accepts and every definition or draft the registry reads. Deeper input is refused
 * before anything recursive (JSON.stringify, ajv, the registry's checks) touches it, since those
 * overflow the stack on a few thousand levels. Both checks here are iterative.
 *
 * @example
 * valueDeeperThan([[1]], 1); // '/0' (the array at /0 is a second level)
 * textDeeperThan('{"a":[[]]}', 2); // 6 (the offset of the third "[")
 */
export const MAX_JSON_DEPTH = 64;

/** Bilingual words for the refusal, naming the limit. */
export const TOO_DEEP_MESSAGE = `JSON 嵌套不得超过 ${MAX_JSON_DEPTH} 层 nested deeper than ${MAX_JSON_DEPTH} levels of arrays and objects`;

interface Pending {
  readonly value: unknown;
  readonly pointer: string;
  readonly depth: number;
}

function escapePointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** The JSON pointer of the first array or object nested deeper than `limit` levels, else undefined. */
export function valueDeeperThan(value: unknown, limit = MAX_JSON_DEPTH): string | undefined {
  const pending: Pending[] = [{ value, pointer: '', depth: 1 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value: current, pointer, depth } = next;
    if (typeof current !== 'object' || current === null || Buffer.isBuffer(current)) continue;
    if (depth > limit) return pointer;
    const entries: [string, unknown][] = Array.isArray(current)
      ? current.map((item: unknown, index) => [String(index), item])
      : Object.entries(current);
    for (const [key, item] of entries) {
      if (typeof item === 'object' && item !== null) {
        pending.push({ value: item, pointer: `${pointer}/${escapePointer(key)}`, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

/**
 * The offset of the first "[" or "{" in JSON text that opens a level deeper than `limit`, else
 * undefined. Brackets inside strings do not count; the text need not be valid JSON.
 */
export function textDeeperThan(text: string, limit = MAX_JSON_DEPTH): number | undefined {
  let depth = 0;
  let inString = false;
  for (let at = 0; at < text.length; at++) {
    const char = text.charCodeAt(at);
    if (inString) {
      if (char === 0x5c)
        at++; // a backslash escapes the next character
      else if (char === 0x22) inString = false;
      continue;
    }
    if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      depth++;
      if (depth > limit) return at;
    } else if (char === 0x5d || char === 0x7d) depth--;
  }
  return undefined;
}
