import { expect } from 'chai';
import { auditCsv } from '../../../server/http/api/audit-export.js';
import { HOSTILE_CELLS, expectInertCsv } from '../../support/csv-injection.js';

describe('audit log CSV', () => {
  it('keeps an actor, target or detail with a lone CR or LF in one quoted cell', () => {
    const events = HOSTILE_CELLS.map((text) => ({
      id: 'aud_1',
      at: '2026-01-01T00:00:00.000Z',
      actor: text,
      action: 'test.injection',
      target: text,
      detail: text,
    }));
    const records = expectInertCsv(auditCsv(events), 1 + HOSTILE_CELLS.length);
    expect(records.slice(1).map((record) => [record[1], record[3], record[4]])).to.deep.equal(
      HOSTILE_CELLS.map((text) => [text, text, text]),
    );
  });
});
