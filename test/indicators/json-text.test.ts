import { expect } from 'chai';
import { parseJsonText } from '../../server/indicators/json-text.js';

describe('reading definition files as JSON', () => {
  it('parses valid JSON and ignores a byte-order mark', () => {
    expect(parseJsonText('\uFEFF{"a": [1, 2]}')).to.deep.equal({ ok: true, value: { a: [1, 2] } });
  });

  it('refuses text nested deeper than 64 levels at the bracket that goes too deep, without recursing', () => {
    const text = `{\n  "a": ${'['.repeat(100_000)}${']'.repeat(100_000)}\n}`;
    expect(parseJsonText(text)).to.deep.equal({
      ok: false,
      line: 2,
      column: 8 + 63,
      expected: 'at most 64 levels of nested arrays and objects',
      found: '"[" opening level 65',
    });
    expect(parseJsonText('['.repeat(100_000))).to.deep.include({ ok: false, column: 65 });
  });

  it('says where a value is missing', () => {
    expect(parseJsonText('{"a": }')).to.deep.equal({
      ok: false,
      line: 1,
      column: 7,
      expected: 'a value',
      found: '"}"',
    });
  });

  it('counts lines and columns: a missing comma on line 3', () => {
    expect(parseJsonText('{\n  "a": 1\n  "b": 2\n}')).to.deep.include({
      line: 3,
      column: 3,
      expected: '"," or "}"',
    });
  });

  it('refuses trailing commas, unquoted names and text after the value', () => {
    expect(parseJsonText('[1, 2,]')).to.deep.include({
      column: 7,
      expected: 'a value after "," (no trailing commas)',
    });
    expect(parseJsonText('{a: 1}')).to.deep.include({ column: 2, expected: 'a double-quoted string' });
    expect(parseJsonText('{} x')).to.deep.include({ column: 4, expected: 'the end of the file' });
  });

  it('refuses a raw line break inside a string and an empty file', () => {
    expect(parseJsonText('{"a": "x\ny"}')).to.deep.include({ line: 1, column: 9 });
    expect(parseJsonText('')).to.deep.include({ found: 'the end of the file' });
  });
});
