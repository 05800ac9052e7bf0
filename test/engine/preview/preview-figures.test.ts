import { expect } from 'chai';
import { nodesWithoutData } from '../../../server/engine/preview/nodes-without-data.js';
import { reportingBurden } from '../../../server/engine/preview/reporting-burden.js';
import { variableCoverage } from '../../../server/engine/preview/variable-coverage.js';

const nan = Number.NaN;

describe('preview figures', () => {
  it('counts a unit with data when it reported in any period', () => {
    const periods = [
      { variables: new Map([['x', Float64Array.of(1, nan, nan, nan)]]) },
      { variables: new Map([['x', Float64Array.of(nan, 2, nan, nan)]]) },
    ];
    expect(variableCoverage(4, periods, ['x', 'absent'])).to.deep.equal([
      { name: 'x', unitsWithData: 2, unitCount: 4, share: 0.5 },
      { name: 'absent', unitsWithData: 0, unitCount: 4, share: 0 },
    ]);
  });

  it('counts shared variables once in the reporting burden', () => {
    expect(reportingBurden(['a', 'b', 'b'], ['b', 'c', 'd', 'c'])).to.deep.equal({
      before: 2,
      after: 3,
      added: ['c', 'd'],
      removed: ['a'],
    });
  });

  it('lists an indicator with no value anywhere and a dimension whose children all have none', () => {
    const raw = {
      values: new Map([
        ['x', Float64Array.of(nan, nan)],
        ['y', Float64Array.of(1, nan)],
        ['z', Float64Array.of(nan, nan)],
      ]),
      reasons: new Map(),
    };
    const weights = new Map([
      ['a', { children: ['x', 'z'], weights: Float64Array.of(1, 1) }],
      ['b', { children: ['y', 'x'], weights: Float64Array.of(1, 1) }],
      ['index', { children: ['a', 'b'], weights: Float64Array.of(1, 1) }],
    ]);
    const result = {
      indicatorIds: ['x', 'y', 'z'],
      nodeIds: ['a', 'b', 'index'],
      root: 'index',
      raw,
      weights,
    };
    expect(nodesWithoutData(result)).to.deep.equal({ indicators: ['x', 'z'], dimensions: ['a'] });
  });
});
