/** coinrTables: the iMeta levels, parents and weights of a small hand-made result, and an uneven tree refused. */
import { expect } from 'chai';
import { ValidationError } from '../../server/errors.js';
import { coinrTables } from '../../server/evaluation/export-coinr.js';
import type { ResultsDocument } from '../../server/evaluation/results-document.js';
import type { FrameworkSnapshotView } from '../../server/reports/context/framework-snapshot.js';

const name = (en: string): { zh: string; en: string } => ({ zh: `${en}中`, en });

function indicator(id: string, direction: 'higher' | 'lower'): FrameworkSnapshotView['indicators'][number] {
  return {
    id,
    version: '1.0.0',
    name: name(id),
    dimension: 'd',
    unit: { zh: '%', en: '%' },
    direction,
    formula: id,
    goalposts: {
      floor: { value: 0, justification: name('f') },
      target: { value: 100, justification: name('t') },
    },
    thresholds: { green: 100, yellow: 66, orange: 33 },
  };
}

const snapshot = {
  framework: {
    id: 'f',
    version: '1.0.0',
    name: name('F'),
    root: { id: 'root', name: name('Root') },
    methods: {},
  },
  dimensions: [{ id: 'd', name: name('D') }],
  indicators: [indicator('a', 'higher'), indicator('b', 'lower')],
} as unknown as FrameworkSnapshotView;

function results(weights: ResultsDocument['weights'], nodes: string[]): ResultsDocument {
  return {
    periods: ['2025'],
    units: ['U1', 'U2'],
    indicators: ['a', 'b'],
    nodes,
    root: 'root',
    register: [
      { code: 'U1', name: { zh: '一', en: 'One' }, level: 'community', parent: null, attributes: {} },
      { code: 'U2', name: { zh: '二', en: 'Two' }, level: 'community', parent: null, attributes: {} },
    ],
    raw: { a: [1.5, null], b: [3, 4] },
    rawReasons: {},
    normalised: {},
    scores: { d: [10, 20], root: [10, 20] },
    ranks: { d: [2, 1], root: [2, 1] },
    flags: {},
    weights,
  } as unknown as ResultsDocument;
}

describe('export as COINr tables', () => {
  it('writes the indicators on level 1, the dimension on 2, the index on 3, with the weights used', () => {
    const doc = results(
      { d: { children: ['a', 'b'], weights: [0.25, 0.75] }, root: { children: ['d'], weights: [1] } },
      ['d', 'root'],
    );
    const tables = coinrTables(doc, snapshot);
    expect(tables.iMeta.trim().split('\n')).to.deep.equal([
      'Level,iCode,iName,iName_zh,Direction,Weight,Parent,Type,Unit,Unit_zh,Target',
      '1,a,a,a中,1,0.25,d,Indicator,%,%,100',
      '1,b,b,b中,-1,0.75,d,Indicator,%,%,100',
      '2,d,D,D中,1,1,root,Aggregate,Score,分,',
      '3,root,Root,Root中,1,1,,Aggregate,Score,分,',
    ]);
    expect(tables.iData.trim().split('\n')).to.deep.equal([
      'uCode,uName,Time,a,b',
      'U1,One,2025,1.5,3',
      'U2,Two,2025,,4',
    ]);
  });

  it('refuses a tree whose branches differ in depth, naming the aggregate', () => {
    const doc = results(
      { d: { children: ['a'], weights: [1] }, root: { children: ['d', 'b'], weights: [1, 1] } },
      ['d', 'root'],
    );
    expect(() => coinrTables(doc, snapshot))
      .to.throw(ValidationError)
      .with.property(
        'message',
        'the children of "root" are on different levels; COINr needs every child of an aggregate one level below it',
      );
  });
});
