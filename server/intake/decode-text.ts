/**
 * Bytes of a text file → text, the way files from Chinese offices arrive: UTF-8 with or without a
 * byte-order mark, UTF-16 with a mark (Excel's "Unicode text"), or GB18030/GBK (Excel's "CSV" on a
 * Chinese Windows). UTF-8 is tried strictly first; only bytes that are not valid UTF-8 are read as
 * GB18030 (a superset of GBK and GB2312). Bytes that are neither, UTF-16 without its mark, or
 * bytes that hold NUL or other control characters, are refused with a message naming the file.
 *
 * @example decodeText({ fileName: 'a.csv', bytes: Buffer.from([0xb5, 0xa5]) }) // { text: '单', encoding: 'gb18030' }
 */
import { ValidationError } from '../errors.js';
import type { IntakeFile } from './intake-file.js';

export interface DecodedText {
  readonly text: string;
  readonly encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

function strict(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function refuse(fileName: string, why: string): never {
  throw new ValidationError(`${fileName} ${why}`, [{ where: fileName, message: why }]);
}

/** Control characters other than tab, line feed, carriage return and form feed: a binary file. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point here
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

function checked(fileName: string, decoded: DecodedText): DecodedText {
  const match = CONTROL.exec(decoded.text);
  if (match !== null) {
    const code = match[0].charCodeAt(0).toString(16).padStart(4, '0');
    refuse(
      fileName,
      `looks like a binary file, not text (control character U+${code} at character ${match.index})`,
    );
  }
  return decoded;
}

/** Text saved as UTF-16 without its mark: its ASCII characters put NUL in every other byte. */
function looksLikeUtf16(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i += 1) {
    if (sample[i] === 0) {
      if (i % 2 === 0) even += 1;
      else odd += 1;
    }
  }
  const more = Math.max(even, odd);
  // At least one character in four is ASCII, and the NULs keep to one side of each pair.
  return more >= 4 && more >= sample.length / 8 && Math.min(even, odd) <= more / 10;
}

export function decodeText(file: IntakeFile): DecodedText {
  const { bytes, fileName } = file;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = strict('utf-16le', bytes.subarray(2));
    if (text === undefined) refuse(fileName, 'starts with a UTF-16 mark but is not valid UTF-16 text');
    return checked(fileName, { text, encoding: 'utf-16le' });
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = strict('utf-16be', bytes.subarray(2));
    if (text === undefined) refuse(fileName, 'starts with a UTF-16 mark but is not valid UTF-16 text');
    return checked(fileName, { text, encoding: 'utf-16be' });
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strict('utf-8', bytes.subarray(3));
    if (text === undefined) refuse(fileName, 'starts with a UTF-8 mark but is not valid UTF-8 text');
    return checked(fileName, { text, encoding: 'utf-8-bom' });
  }
  if (looksLikeUtf16(bytes)) {
    refuse(fileName, 'looks like UTF-16 text without a byte-order mark; save it from Excel as "CSV UTF-8"');
  }
  if (bytes.includes(0)) refuse(fileName, 'looks like a binary file, not text (it contains NUL bytes)');
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== undefined) return checked(fileName, { text: utf8, encoding: 'utf-8' });
  const gb = strict('gb18030', bytes);
  if (gb !== undefined) return checked(fileName, { text: gb, encoding: 'gb18030' });
  return refuse(fileName, 'is neither UTF-8 nor GB18030/GBK text; save it from Excel as "CSV UTF-8"');
}
