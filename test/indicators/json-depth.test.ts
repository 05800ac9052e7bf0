import { expect } from 'chai';
import { MAX_JSON_DEPTH, textDeeperThan, valueDeeperThan } from '../../server/indicators/json-depth.js';

/** `levels` arrays, one inside the next, around `inner`. */
function nested(levels: number, inner: unknown = 1): unknown {
  let value = inner;
  for (let i = 0; i < levels; i += 1) value = [value];
  return value;
}

describe('how deeply JSON may nest', () => {
  it('allows 64 levels of arrays and objects', () => {
    expect(MAX_JSON_DEPTH).to.equal(64);
    expect(valueDeeperThan(nested(64))).to.equal(undefined);
    expect(textDeeperThan(JSON.stringify(nested(64)))).to.equal(undefined);
  });

  it('names the pointer of the 65th level, through objects and escaped keys', () => {
    const value = { 'a/b': nested(62, { '~': [] }) };
    expect(valueDeeperThan(value)).to.equal(`/a~1b${'/0'.repeat(62)}/~0`);
  });

  it('finds the offset of the bracket that opens the 65th level', () => {
    const text = `{"a": ${'['.repeat(70)}${']'.repeat(70)}}`;
    expect(textDeeperThan(text)).to.equal(6 + 63);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ text: `\\"${'['.repeat(100)}`, list: nested(60) });
    expect(textDeeperThan(text)).to.equal(undefined);
  });

  it('walks 200,000 levels without overflowing the stack', () => {
    expect(valueDeeperThan(nested(200_000))).to.equal('/0'.repeat(64));
    expect(textDeeperThan('['.repeat(200_000))).to.equal(64);
  });
});
