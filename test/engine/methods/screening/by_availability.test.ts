import { expect } from 'chai';
import { MissingCode } from '../../../../server/engine/missing-reasons.js';
import { by_availability } from '../../../../server/engine/methods/screening/by_availability.js';
import { column, prepareWith, prepared } from '../../support/prepare.js';

/** Ten indicators over two rows: row 0 has `present0` of them, row 1 `present1`. */
function rows(
  present0: number,
  present1: number,
): { values: Float64Array[]; reasons: Uint8Array[]; rowCount: number } {
  const values = Array.from({ length: 10 }, (_, c) =>
    column([c < present0 ? 1 : null, c < present1 ? 1 : null]),
  );
  const reasons = values.map((v) =>
    Uint8Array.from(v, (x) => (Number.isNaN(x) ? MissingCode.MissingInput : 0)),
  );
  return { values, reasons, rowCount: 2 };
}

describe('screening: by_availability', () => {
  it('keeps a unit exactly at the threshold and catches one just below', () => {
    const outcome = prepared(by_availability, { threshold: 0.9 }).run(rows(9, 8));
    expect(Array.from(outcome.availability)).to.deep.equal([0.9, 0.8]);
    expect(Array.from(outcome.below)).to.deep.equal([0, 1]);
  });

  it('leaves indicators that do not apply out of the count', () => {
    const input = rows(9, 9);
    input.reasons[9]![0] = MissingCode.NotApplicable;
    const outcome = prepared(by_availability, { threshold: 1 }).run(input);
    expect(Array.from(outcome.availability)).to.deep.equal([1, 0.9]);
  });

  it('defaults to a 0.66 threshold, flagging, on the raw data', () => {
    const p = prepared(by_availability);
    expect(p.params).to.deep.equal({ threshold: 0.66, action: 'flag', basis: 'raw' });
    expect(Array.from(p.run(rows(7, 6)).below)).to.deep.equal([0, 1]);
  });

  it('refuses a threshold above 1 and an unknown action', () => {
    const { problems } = prepareWith(by_availability, { threshold: 1.5, action: 'delete' });
    expect(problems.map((p) => p.where)).to.deep.equal(['methods.test.threshold', 'methods.test.action']);
  });

  it('refuses a parameter it does not know', () => {
    const { problems } = prepareWith(by_availability, { treshold: 0.5 });
    expect(problems[0]?.message).to.contain('not a parameter');
  });
});
