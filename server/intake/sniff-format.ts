/**
 * Which parser a file needs, from its first bytes (the content decides, not the name): a ZIP
 * signature is XLSX, a leading "[" or "{" is JSON, anything else is read as CSV text. Formats we
 * cannot read (legacy .xls, PDF, images, archives) are refused with a message naming the file.
 *
 * @example sniffFormat({ fileName: 'a.csv', bytes: Buffer.from('PK\x03\x04…') }) === 'xlsx'
 */
import { ValidationError } from '../errors.js';
import type { IntakeFile } from './intake-file.js';
import type { TableFormat } from './table.js';

const SIGNATURES: readonly { readonly bytes: readonly number[]; readonly what: string }[] = [
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    what: 'a legacy Excel 97–2003 (.xls) workbook; save it as .xlsx or CSV',
  },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document, not a data table' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image, not a data table' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image, not a data table' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive; unpack it first' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive; unpack it first' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive; unpack it first' },
];

const ZIP = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Buffer, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

/** The first character that is not a byte-order mark or white space, as a byte. */
function firstSignificantByte(bytes: Buffer): number | undefined {
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i] ?? 0)) i += 1;
  return bytes[i];
}

export function sniffFormat(file: IntakeFile): TableFormat {
  const { bytes, fileName } = file;
  if (firstSignificantByte(bytes) === undefined) {
    throw new ValidationError(`${fileName} is empty`, [{ where: fileName, message: 'no data in the file' }]);
  }
  if (startsWith(bytes, ZIP)) return 'xlsx';
  const known = SIGNATURES.find((signature) => startsWith(bytes, signature.bytes));
  if (known !== undefined) {
    throw new ValidationError(`${fileName} is ${known.what}`, [{ where: fileName, message: known.what }]);
  }
  const first = firstSignificantByte(bytes);
  if (first === 0x5b || first === 0x7b) return 'json';
  return 'csv';
}
