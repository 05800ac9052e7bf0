import { expect } from 'chai';
import iconv from 'iconv-lite';
import { decodeText } from '../../server/intake/decode-text.js';
import { ValidationError } from '../../server/errors.js';

const file = (bytes: Buffer): { fileName: string; bytes: Buffer } => ({ fileName: 'data.csv', bytes });

function failure(bytes: Buffer): ValidationError {
  try {
    decodeText(file(bytes));
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  expect.fail('expected a ValidationError');
}

describe('decodeText', () => {
  it('reads UTF-8 without a byte-order mark', () => {
    expect(decodeText(file(Buffer.from('单位代码,户数\n', 'utf8')))).to.deep.equal({
      text: '单位代码,户数\n',
      encoding: 'utf-8',
    });
  });

  it('drops the UTF-8 byte-order mark Excel writes', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('时期', 'utf8')]);
    expect(decodeText(file(bytes))).to.deep.equal({ text: '时期', encoding: 'utf-8-bom' });
  });

  it('reads GB18030 (as Excel saves CSV on a Chinese Windows) when the bytes are not UTF-8', () => {
    const bytes = iconv.encode('单位代码,常住户数\r\n420102001001,3100\r\n', 'gb18030');
    // 单 is B5 A5 in GBK/GB18030: not valid UTF-8.
    expect([...bytes.subarray(0, 2)]).to.deep.equal([0xb5, 0xa5]);
    expect(decodeText(file(bytes))).to.deep.equal({
      text: '单位代码,常住户数\r\n420102001001,3100\r\n',
      encoding: 'gb18030',
    });
  });

  it('reads UTF-16 little-endian text with its mark (Excel "Unicode text")', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('社区\t户数', 'utf16le')]);
    expect(decodeText(file(bytes))).to.deep.equal({ text: '社区\t户数', encoding: 'utf-16le' });
  });

  it('refuses a file with NUL bytes as binary, naming the file', () => {
    const error = failure(Buffer.from([0x41, 0x00, 0x42, 0x43]));
    expect(error.message).to.equal('data.csv looks like a binary file, not text (it contains NUL bytes)');
  });

  it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    expect(failure(Buffer.from([0x41, 0xff, 0xff, 0x42])).message).to.match(
      /^data\.csv is neither UTF-8 nor GB18030/,
    );
  });

  it('refuses text with control characters as binary junk', () => {
    expect(failure(Buffer.from('a,b\n\u0001\u0002,c', 'utf8')).message).to.match(
      /^data\.csv looks like a binary file.*U\+0001/,
    );
  });
});
