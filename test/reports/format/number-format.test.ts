import { expect } from 'chai';
import { numberFormat } from '../../../server/reports/format/number-format.js';

describe('reports: numberFormat', () => {
  it('writes scores with one decimal', () => {
    expect(numberFormat('zh').score(61.25)).to.equal('61.3');
  });
  it('groups thousands in counts', () => {
    expect(numberFormat('en').count(10000)).to.equal('10,000');
  });
  it('signs changes', () => {
    expect([numberFormat('en').signed(2.8), numberFormat('en').signed(-1.04)]).to.deep.equal([
      '+2.8',
      '-1.0',
    ]);
  });
  it('writes shares as per cent', () => {
    expect(numberFormat('en').share(0.922)).to.equal('92.2%');
  });
  it('gives raw values as many decimals as their size needs', () => {
    const raw = numberFormat('en').raw;
    expect([raw(1262.4), raw(17.44), raw(5.791), raw(0.7125)]).to.deep.equal([
      '1,262',
      '17.4',
      '5.79',
      '0.713',
    ]);
  });
  it('prints a missing value as a dash, never NaN', () => {
    expect([
      numberFormat('zh').score(Number.NaN),
      numberFormat('en').raw(Number.POSITIVE_INFINITY),
    ]).to.deep.equal(['—', '—']);
  });
});
