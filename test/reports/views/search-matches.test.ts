/**
 * The ranking's search marks the units whose code or names contain the text, as testing each unit's
 * search text would (the joined texts are only a faster way to the same marks).
 */
import { expect } from 'chai';
import { searchMatches } from '../../../server/reports/views/search-matches.js';
import type { ReportContext } from '../../../server/reports/context/report-context.js';
import { tinyContext } from '../tiny-context.js';

/** The tiny context with other search texts (and memos of its own). */
function withTexts(search: readonly string[]): ReportContext {
  const base = tinyContext();
  const memos = new Map<string, unknown>();
  return {
    ...base,
    units: { ...base.units, search },
    memo<T>(key: string, build: () => T): T {
      if (!memos.has(key)) memos.set(key, build());
      return memos.get(key) as T;
    },
  };
}

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

  it('finds Latin-1 and other needles in texts that mix scripts, as testing each text would', () => {
    const texts = [
      'wy01s01c03 第3社区 no. 3 community',
      'café 二镇 łódź 3b',
      'ωσ ς 3 × ÷ ü',
      '😀3 emoji ｗｙ０１ wy01',
      '',
      'plain ascii only',
      '全中文名称',
      'wy01s01c03 third time wy01s01c03',
      'tab\there\u0001 and \u007f',
    ];
    const mixed = withTexts(texts);
    const needles = new Set([
      '3',
      'wy01',
      'é',
      'ł',
      ' ',
      'c03 ',
      '社区 n',
      '😀',
      '0１',
      'ü',
      'none',
      '\t',
      'b\th',
      '\u0001',
      '\u007f',
    ]);
    for (const text of texts)
      for (let from = 0; from < text.length; from++)
        for (const length of [1, 2, 3, 6]) needles.add(text.slice(from, from + length));
    for (const needle of needles) {
      expect(Array.from(searchMatches(mixed, needle)), needle).to.deep.equal(byUnit(texts, needle));
    }
  });

  it('tests a text holding the joint unit by unit', () => {
    expect(Array.from(searchMatches(context, `${search[0] ?? ''}\u0000`))).to.deep.equal(
      byUnit(search, `${search[0] ?? ''}\u0000`),
    );
  });
});
