/**
 * Parses a definition file's text as JSON and, when it is malformed, says where: line, column and
 * what was expected. JSON.parse does the parsing; on failure a small RFC 8259 scanner finds the
 * first offending character, because V8's messages do not always carry a position. Text nested
 * deeper than MAX_JSON_DEPTH levels is refused at the bracket that goes too deep.
 *
 * @example parseJsonText('{"a": }') // { ok: false, line: 1, column: 7, message: 'expected a value, found "}"' }
 */
import { MAX_JSON_DEPTH, textDeeperThan } from './json-depth.js';

export type JsonTextResult =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false;
      readonly line: number;
      readonly column: number;
      readonly expected: string;
      readonly found: string;
    };

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    readonly expected: string,
  ) {
    super(expected);
  }
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings.
const STRING_CHAR = /(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*/y;

/** Scans `text` as JSON; throws JsonSyntaxError at the first character that breaks the grammar. */
function scan(text: string): void {
  let at = 0;
  const skip = (): void => {
    while (at < text.length && WHITESPACE.has(text.charAt(at))) at++;
  };
  const expect = (char: string, what: string): void => {
    skip();
    if (text.charAt(at) !== char) throw new JsonSyntaxError(at, what);
    at++;
  };
  const string = (): void => {
    expect('"', 'a double-quoted string');
    STRING_CHAR.lastIndex = at;
    STRING_CHAR.exec(text);
    at = STRING_CHAR.lastIndex;
    if (text.charAt(at) !== '"')
      throw new JsonSyntaxError(at, 'a closing " (control characters must be escaped)');
    at++;
  };
  const value = (): void => {
    skip();
    const char = text.charAt(at);
    if (char === '{') {
      at++;
      skip();
      if (text.charAt(at) === '}') {
        at++;
        return;
      }
      for (;;) {
        skip();
        string();
        expect(':', '":" after a property name');
        value();
        skip();
        if (text.charAt(at) === ',') {
          at++;
          skip();
          if (text.charAt(at) === '}')
            throw new JsonSyntaxError(at, 'a property name after "," (no trailing commas)');
          continue;
        }
        expect('}', '"," or "}"');
        return;
      }
    }
    if (char === '[') {
      at++;
      skip();
      if (text.charAt(at) === ']') {
        at++;
        return;
      }
      for (;;) {
        value();
        skip();
        if (text.charAt(at) === ',') {
          at++;
          skip();
          if (text.charAt(at) === ']')
            throw new JsonSyntaxError(at, 'a value after "," (no trailing commas)');
          continue;
        }
        expect(']', '"," or "]"');
        return;
      }
    }
    if (char === '"') {
      string();
      return;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, at)) {
        at += literal.length;
        return;
      }
    }
    NUMBER.lastIndex = at;
    if (NUMBER.test(text)) {
      at = NUMBER.lastIndex;
      return;
    }
    throw new JsonSyntaxError(at, 'a value');
  };
  value();
  skip();
  if (at < text.length) throw new JsonSyntaxError(at, 'the end of the file');
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

function describeChar(text: string, offset: number): string {
  return offset >= text.length ? 'the end of the file' : JSON.stringify(text.charAt(offset));
}

export function parseJsonText(raw: string): JsonTextResult {
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  // Depth first: the scanner below and everything that later walks the value are recursive.
  const tooDeep = textDeeperThan(text);
  if (tooDeep !== undefined) {
    return {
      ok: false,
      ...lineAndColumn(text, tooDeep),
      expected: `at most ${MAX_JSON_DEPTH} levels of nested arrays and objects`,
      found: `${describeChar(text, tooDeep)} opening level ${MAX_JSON_DEPTH + 1}`,
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    let offset = 0;
    let expected = 'valid JSON';
    try {
      scan(text);
    } catch (error) {
      if (error instanceof JsonSyntaxError) {
        offset = error.offset;
        expected = error.expected;
      } else if (error instanceof RangeError) {
        expected = 'valid JSON (nested too deeply to say where it breaks)';
      } else {
        throw error;
      }
    }
    return { ok: false, ...lineAndColumn(text, offset), expected, found: describeChar(text, offset) };
  }
}
