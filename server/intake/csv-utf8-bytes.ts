/**
 * A CSV file's text as UTF-8 bytes, for the fast path's byte scanner: a UTF-8 file (with or
 * without its mark) as it is, without decoding it; any other encoding decodeText accepts (UTF-16,
 * GB18030) decoded and encoded again as UTF-8. In UTF-8 every byte of a multi-byte character is
 * ≥ 0x80, so separators, quotes and line breaks are the ASCII bytes they look like, and a cell's
 * bytes decode to exactly the text decodeText's string holds between the same separators.
 *
 * What decodeText would still refuse in a valid UTF-8 file is a control character (NUL included),
 * always a single byte: the scanner gives up on those, and the general way reports them.
 *
 * @example utf8CsvBytes({ fileName: 'a.csv', bytes }) // { bytes, start: 3, encoding: 'utf-8-bom' }
 */
import { isUtf8 } from 'node:buffer';
import { decodeText, type DecodedText } from './decode-text.js';
import type { IntakeFile } from './intake-file.js';

export interface Utf8CsvBytes {
  /** UTF-8 text from `start` on (past a byte-order mark). */
  readonly bytes: Buffer;
  readonly start: number;
  readonly encoding: DecodedText['encoding'];
}

/** Control characters decodeText refuses: all below a space but tab, LF, FF and CR, and DEL. */
export function isRefusedControl(byte: number): boolean {
  return byte < 32 ? byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13 : byte === 127;
}

/** The file's text as UTF-8 bytes, or undefined when decodeText refuses it. */
export function utf8CsvBytes(file: IntakeFile): Utf8CsvBytes | undefined {
  const { bytes } = file;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return isUtf8(bytes.subarray(3)) ? { bytes, start: 3, encoding: 'utf-8-bom' } : undefined;
  }
  // A UTF-16 mark (0xff 0xfe or 0xfe 0xff) is never valid UTF-8, so such files go on below.
  if (isUtf8(bytes)) return { bytes, start: 0, encoding: 'utf-8' };
  let decoded: DecodedText;
  try {
    decoded = decodeText(file);
  } catch {
    return undefined;
  }
  return { bytes: Buffer.from(decoded.text, 'utf8'), start: 0, encoding: decoded.encoding };
}
