import { expect } from 'chai';
import { ValidationError } from '../../server/errors.js';
import { MAX_COLUMNS } from '../../server/intake/column-limit.js';
import { columnLetter } from '../../server/intake/column-letter.js';
import { readTable } from '../../server/intake/read-table.js';

async function refusal(fileName: string, text: string): Promise<ValidationError> {
  try {
    await readTable({ fileName, bytes: Buffer.from(text, 'utf8') });
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  expect.fail('expected a ValidationError');
}

const header = (columns: number): string => Array.from({ length: columns }, (_, i) => `c${i}`).join(',');

describe('the column limit', () => {
  it('is column ZZZ, the last with three letters', () => {
    expect(columnLetter(MAX_COLUMNS - 1)).to.equal('ZZZ');
    expect(columnLetter(MAX_COLUMNS)).to.equal('AAAA');
  });

  it('refuses a CSV whose header is one column wider than ZZZ, naming the count and the limit in both languages', async () => {
    const error = await refusal('wide.csv', `${header(18_279)}\n${'1,'.repeat(18_278)}1\n`);
    expect(error.message).to.equal(
      'wide.csv, row 1: 18279 列，超过上限 18278 列（A–ZZZ）；has 18279 columns, more than the limit of ' +
        '18278 (A to ZZZ). Delete the unused columns, or split the file.',
    );
    expect(error.details).to.deep.equal([{ where: 'wide.csv, row 1', message: '18279 columns > 18278' }]);
  });

  it('refuses a CSV with a narrow header whose data row runs past ZZZ, naming the row', async () => {
    const error = await refusal('ragged.csv', `a,b\n1,2\n${'1,'.repeat(18_999)}1\n`);
    expect(error.message).to.match(/^ragged\.csv, row 3: 19000 列，超过上限 18278 列/);
  });

  it('reads a CSV exactly ZZZ wide', async () => {
    const table = await readTable({
      fileName: 'widest.csv',
      bytes: Buffer.from(`${header(18_278)}\n${'1,'.repeat(18_277)}1\n`),
    });
    expect(table.headers).to.have.length(18_278);
  });
});
