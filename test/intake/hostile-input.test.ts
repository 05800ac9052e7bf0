import { expect } from 'chai';
import { AppError, ValidationError } from '../../server/errors.js';
import { decodeText } from '../../server/intake/decode-text.js';
import { readTable } from '../../server/intake/read-table.js';
import { checkUnits } from '../../server/intake/validate-units.js';

function failure(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

async function asyncFailure(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('intake of hostile input', () => {
  it('names UTF-16 text without a byte-order mark as such, little-endian', () => {
    const bytes = Buffer.from('单位代码,时期,常住户数\r\nC1,2025,300\r\n', 'utf16le');
    const error = failure(() => decodeText({ fileName: 'unicode.txt', bytes }));
    expect(error).to.be.instanceOf(ValidationError);
    expect(error.message).to.equal(
      'unicode.txt looks like UTF-16 text without a byte-order mark; save it from Excel as "CSV UTF-8"',
    );
  });

  it('names UTF-16 text without a byte-order mark as such, big-endian', () => {
    const bytes = Buffer.from('unit_code,households\r\nC1,300\r\n', 'utf16le').swap16();
    expect(failure(() => decodeText({ fileName: 'be.csv', bytes })).message).to.match(
      /^be\.csv looks like UTF-16 text without a byte-order mark/,
    );
  });

  it('still calls bytes with NULs on both sides of the pairs binary', () => {
    const bytes = Buffer.from([0x00, 0x01, 0x00, 0x41, 0x00, 0x00, 0x42, 0x00, 0x00, 0x00, 0x43, 0x44]);
    expect(failure(() => decodeText({ fileName: 'junk.bin', bytes })).message).to.match(
      /^junk\.bin looks like a binary file/,
    );
  });

  it('refuses a JSON cell nested too deeply to write back, naming the file, item and key', async () => {
    const depth = 200_000;
    const text = `[{"code":"C1","name":${'['.repeat(depth)}${']'.repeat(depth)}}]`;
    const error = await asyncFailure(() => readTable({ fileName: 'deep.json', bytes: Buffer.from(text) }));
    expect(error).to.be.instanceOf(ValidationError);
    expect(error.message).to.equal('deep.json: item 1, "name" is nested too deeply to be a cell');
  });

  it('keeps "constructor" and "prototype" columns out of unit attributes, with a warning each', async () => {
    const text = 'code,name,level,constructor,prototype,ward_no\r\nD1,东区,区,x,y,7\r\n';
    const table = await readTable({ fileName: 'units.csv', bytes: Buffer.from(text) });
    const { units, report } = checkUnits({ table, existing: new Map() });
    expect(units).to.have.length(1);
    expect(Object.keys(units[0]!.attributes)).to.deep.equal(['ward_no']);
    expect(report.issues.map((i) => [i.column?.letter, i.reason, i.severity])).to.deep.equal([
      ['D', 'unknown_column', 'warning'],
      ['E', 'unknown_column', 'warning'],
    ]);
  });
});
