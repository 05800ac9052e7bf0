/**
 * The expected-score columns kept as typed arrays read back as the stored cells: numbers as they
 * were (−0 included), null where the document had null and past its end.
 */
import { expect } from 'chai';
import type { ExpectedDocument } from '../../../server/evaluation/expected-section.js';
import { cellAt, compactExpected } from '../../../server/reports/context/compact-expected.js';

const section: ExpectedDocument = {
  attributes: ['population'],
  log: [],
  fits: [],
  expected: [61.25, null, 0],
  difference: [-3.5, null, -0],
  standardised: [null, 1.75, 0.5],
  excluded: { C2: { reason: 'missing_attribute', attribute: 'population' } },
};

describe('reports: expected scores as typed columns', () => {
  it('reads every cell back as stored, and keeps the rest of the section', () => {
    const compact = compactExpected(section);
    expect(compact).to.not.equal(null);
    if (compact === null) return;
    for (const name of ['expected', 'difference', 'standardised'] as const) {
      section[name].forEach((cell, row) => {
        expect(cellAt(compact[name], row), `${name}[${row}]`).to.equal(cell);
      });
      expect(cellAt(compact[name], 3)).to.equal(null);
    }
    expect(Object.is(cellAt(compact.difference, 2), -0)).to.equal(true);
    expect(compact.excluded).to.deep.equal(section.excluded);
    expect(compact.attributes).to.deep.equal(['population']);
    expect(compactExpected(null)).to.equal(null);
  });
});
