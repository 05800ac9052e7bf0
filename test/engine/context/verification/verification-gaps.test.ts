import { expect } from 'chai';
import {
  relativeGap,
  verificationGaps,
} from '../../../../server/engine/context/verification/verification-gaps.js';
import type { Direction, EnginePeriod } from '../../../../server/engine/types.js';
import { compileFormula } from '../../../../server/indicators/formula/compile.js';
import { verificationDocument } from '../../../../server/evaluation/verification-document.js';

const NaN_ = Number.NaN;

function period(columns: Record<string, number[]>): EnginePeriod {
  return {
    id: '2025',
    variables: new Map(Object.entries(columns).map(([name, values]) => [name, Float64Array.from(values)])),
  };
}

function indicator(id: string, formula: string, inputs: string[], direction: Direction) {
  return { id, direction, inputs, compute: compileFormula(formula) };
}

// Units A, B, C, D. i1 = x (higher is better); i2 = y / z * 100 (lower is better).
const indicators = [indicator('i1', 'x', ['x'], 1), indicator('i2', 'y / z * 100', ['y', 'z'], -1)];
const own = [period({ x: [110, 50, 80, 5], y: [20, 30, NaN_, NaN_], z: [100, 60, NaN_, NaN_] })];
// The street recounted A's x and y (not z), B's x, nothing of C, and found D's x to be 0.
const checked = [period({ x: [100, 50, NaN_, 0], y: [25, NaN_, NaN_, NaN_], z: [NaN_, NaN_, NaN_, NaN_] })];

describe('self-vs-verified gaps', () => {
  const gaps = verificationGaps(indicators, 4, own, checked);

  it('compares an indicator where one of its inputs was checked, filling the rest from the own figures', () => {
    // A's i2: own 20/100*100 = 20; verified 25/100*100 = 25 (z from the own figures).
    expect(Array.from(gaps.indicators.get('i2')?.self ?? [])).to.deep.equal([20, NaN_, NaN_, NaN_]);
    expect(Array.from(gaps.indicators.get('i2')?.verified ?? [])).to.deep.equal([25, NaN_, NaN_, NaN_]);
    expect(Array.from(gaps.indicators.get('i1')?.verified ?? [])).to.deep.equal([100, 50, NaN_, 0]);
  });

  it('signs the relative gap so that a flattering own figure is positive', () => {
    expect(relativeGap(110, 100, 1)).to.be.closeTo(0.1, 1e-12);
    // Lower is better: reporting 20 where 25 was found flatters by 5/25 = 0.2.
    expect(relativeGap(20, 25, -1)).to.be.closeTo(0.2, 1e-12);
    expect(relativeGap(5, 0, 1)).to.be.NaN;
  });

  it("counts each unit's compared and overstated indicators", () => {
    expect(Array.from(gaps.units.compared)).to.deep.equal([2, 1, 0, 1]);
    expect(Array.from(gaps.units.overstated)).to.deep.equal([2, 0, 0, 1]);
    expect(Array.from(gaps.units.understated)).to.deep.equal([0, 0, 0, 0]);
  });

  it("takes a unit's median relative gap over its compared indicators", () => {
    const median = Array.from(gaps.units.medianRelativeGap);
    // A: median of 0.1 and 0.2; B: 0; C none; D: its only gap has a verified 0, so none.
    expect(median[0]).to.be.closeTo(0.15, 1e-12);
    expect(median[1]).to.equal(0);
    expect(median[2]).to.be.NaN;
    expect(median[3]).to.be.NaN;
  });

  it('stores only checked units, largest habitual gap first', () => {
    const doc = verificationDocument(
      gaps,
      ['A', 'B', 'C', 'D'],
      ['2025'],
      new Map([
        ['i1', 1],
        ['i2', -1],
      ]),
    );
    expect(doc.units.map((u) => [u.code, u.compared, u.overstated])).to.deep.equal([
      ['A', 2, 2],
      ['B', 1, 0],
      ['D', 1, 1],
    ]);
    expect(doc.units[0]?.medianRelativeGap).to.be.closeTo(0.15, 1e-12);
    expect(doc.units.slice(1).map((u) => u.medianRelativeGap)).to.deep.equal([0, null]);
    expect(doc.units[2]?.gaps).to.deep.equal([
      { indicator: 'i1', period: '2025', self: 5, verified: 0, relative: null },
    ]);
  });
});
