import { expect } from 'chai';
import { heatClass } from '../../../server/reports/format/heat-class.js';

describe('reports format: heatClass', () => {
  it('shades by tens of points, 100 in the darkest shade', () => {
    expect([heatClass(0), heatClass(57), heatClass(100)]).to.deep.equal([0, 5, 9]);
  });
  it('has no shade for a missing score', () => {
    expect(heatClass(Number.NaN)).to.equal(null);
  });
});
