import { expect } from 'chai';
import { satisfactionDocument } from '../../server/evaluation/satisfaction-section.js';
import { tinySatisfaction } from '../reports/tiny-satisfaction.js';

describe('satisfaction section of the results (tiny evaluation)', () => {
  it('checks the communities and skips the streets, a level of fewer than three units', () => {
    const section = tinySatisfaction();
    expect(section?.measures.map((m) => m.indicator)).to.deep.equal(['satisfaction_share']);
    expect(section?.measures[0]?.levels.map((l) => l.level)).to.deep.equal(['community']);
  });

  it('correlates the index with the share satisfied in 2025: r = 0.90185, ρ = 1, n = 3', () => {
    const period = tinySatisfaction()?.measures[0]?.levels[0]?.periods[1];
    const index = period?.nodes.find((n) => n.node === 'index');
    expect(period?.period).to.equal('2025');
    expect(index?.n).to.equal(3);
    expect(index?.pearson).to.be.closeTo(47 / 12 / Math.sqrt((14550 / 36) * (7 / 150)), 1e-12);
    expect(index?.spearman).to.be.closeTo(1, 1e-12);
    expect(index?.slope).to.be.closeTo(141 / 14550, 1e-12);
  });

  it('flags c3 as less satisfied than its index predicts, beyond its survey interval', () => {
    const period = tinySatisfaction()?.measures[0]?.levels[0]?.periods[1];
    const index = period?.nodes.find((n) => n.node === 'index');
    expect(index?.residual.map((e) => Math.round((e ?? NaN) * 1e5) / 1e5)).to.deep.equal([
      0.05361, 0.0201, -0.07371,
    ]);
    expect(index?.beyond).to.deep.equal([0, 0, -1]);
    expect(index?.lessSatisfied.map((i) => period?.units[i])).to.deep.equal(['c3']);
    expect(index?.moreSatisfied.map((i) => period?.units[i])).to.deep.equal(['c1', 'c2']);
  });

  it('counts every community as not surveyed in 2024', () => {
    const period = tinySatisfaction()?.measures[0]?.levels[0]?.periods[0];
    expect(period?.notSurveyed).to.equal(3);
    expect(period?.units).to.deep.equal([]);
  });

  it('has no section when the evaluation reports no survey indicator', () => {
    const sources = { periodIds: ['2025'], nodes: ['index'], levels: [], levelOf: new Map<string, string>() };
    expect(satisfactionDocument(sources, [])).to.equal(undefined);
  });
});
