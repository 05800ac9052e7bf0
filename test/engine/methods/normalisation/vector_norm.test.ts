import { expect } from 'chai';
import { topsis } from '../../../../server/engine/methods/aggregation/topsis.js';
import { MissingCode } from '../../../../server/engine/missing-reasons.js';
import { vector_norm } from '../../../../server/engine/methods/normalisation/vector_norm.js';
import { aggregateRows } from '../../support/aggregate.js';
import { normaliseColumn } from '../../support/normalise.js';
import { plain, prepared } from '../../support/prepare.js';

describe('normalisation: vector_norm', () => {
  it('divides by the square root of the sum of squares', () => {
    // ‖(3, 4)‖ = 5
    expect(plain(normaliseColumn(prepared(vector_norm), [3, 4]).values)).to.deep.equal([0.6, 0.8]);
  });

  it('skips missing values in the norm', () => {
    expect(plain(normaliseColumn(prepared(vector_norm), [3, null, 4]).values)).to.deep.equal([
      0.6,
      null,
      0.8,
    ]);
  });

  it('turns a lower-is-better indicator around so that the smallest value is the largest score', () => {
    expect(plain(normaliseColumn(prepared(vector_norm), [3, 4], { direction: -1 }).values)).to.deep.equal([
      -0.6, -0.8,
    ]);
  });

  it('leaves a column of zeros missing: it has no norm', () => {
    const { reasons } = normaliseColumn(prepared(vector_norm), [0, 0]);
    expect(Array.from(reasons)).to.deep.equal([MissingCode.NoVariation, MissingCode.NoVariation]);
  });

  it("with topsis aggregation gives textbook TOPSIS's closeness (Hwang & Yoon's fighter aircraft)", () => {
    // Hwang & Yoon (1981): four aircraft on max speed, ferry range, payload, cost (lower is better),
    // reliability and manoeuvrability; weights 0.2, 0.1, 0.1, 0.1, 0.2, 0.3.
    const data = [
      [2.0, 1500, 20000, 5.5, 5, 9],
      [2.5, 2700, 18000, 6.5, 3, 5],
      [1.8, 2000, 21000, 4.5, 7, 7],
      [2.2, 1800, 20000, 5.0, 5, 5],
    ];
    const weights = [0.2, 0.1, 0.1, 0.1, 0.2, 0.3];
    const benefit = [true, true, true, false, true, true];
    // The textbook steps, written out: r = x / ‖x‖, v = w r, ideal = best v, distances, closeness.
    const norms = weights.map((_, j) => Math.sqrt(data.reduce((s, row) => s + row[j]! ** 2, 0)));
    const v = data.map((row) => row.map((x, j) => (weights[j]! * x) / norms[j]!));
    const column = (j: number): number[] => v.map((row) => row[j]!);
    const ideal = weights.map((_, j) => (benefit[j] ? Math.max(...column(j)) : Math.min(...column(j))));
    const anti = weights.map((_, j) => (benefit[j] ? Math.min(...column(j)) : Math.max(...column(j))));
    const distance = (row: number[], to: number[]): number =>
      Math.sqrt(row.reduce((s, x, j) => s + (x - to[j]!) ** 2, 0));
    const closeness = v.map((row) => distance(row, anti) / (distance(row, ideal) + distance(row, anti)));

    const normalised = weights.map(
      (_, j) =>
        normaliseColumn(
          prepared(vector_norm),
          data.map((row) => row[j]!),
          { direction: benefit[j] ? 1 : -1 },
        ).values,
    );
    const rows = data.map((_, i) => normalised.map((col) => col[i]!));
    const { values } = aggregateRows(prepared(topsis), rows, weights);
    Array.from(values).forEach((c, i) => expect(c).to.be.closeTo(closeness[i]!, 1e-12));
    // A1 ranks first, as in the book.
    expect(closeness.indexOf(Math.max(...closeness))).to.equal(0);
  });
});
