/**
 * The ranking's search marks the units whose code or names contain the text, as testing each unit's
 * search text would (the joined texts are only a faster way to the same marks).
 */
import { expect } from 'chai';
import { searchMatches } from '../../../server/reports/views/search-matches.js';
import { tinyContext } from '../tiny-context.js';

function byUnit(search: readonly string[], needle: string): number[] {
  return search.map((text) => (text.includes(needle) ? 1 : 0));
}

describe('reports: search matches', () => {
  const context = tinyContext();
  const { search } = context.units;

  it('marks the same units as testing each text, for every piece of every text', () => {
    for (const text of search)
      for (let from = 0; from < text.length; from++)
        for (const length of [1, 2, 5]) {
          const needle = text.slice(from, from + length);
          expect(Array.from(searchMatches(context, needle)), needle).to.deep.equal(byUnit(search, needle));
        }
  });

  it('marks no unit for a text none holds, nor for one that would span two units', () => {
    expect(Array.from(searchMatches(context, 'no such unit')).every((mark) => mark === 0)).to.equal(true);
    const spanning = `${(search[0] ?? '').slice(-2)}${(search[1] ?? '').slice(0, 2)}`;
    expect(Array.from(searchMatches(context, spanning))).to.deep.equal(byUnit(search, spanning));
  });

  it('tests a text holding the joint unit by unit', () => {
    expect(Array.from(searchMatches(context, `${search[0] ?? ''}\u0000`))).to.deep.equal(
      byUnit(search, `${search[0] ?? ''}\u0000`),
    );
  });
});
