/**
 * Guards the XLSX reader against decompression bombs: an upload of a few hundred kilobytes whose
 * ZIP entries inflate to gigabytes (exceljs inflates every entry into memory, so one such file
 * could take the server down). The entries are inflated here first, as streams whose output is
 * counted and dropped, and the file is refused as soon as the total passes the limit. A damaged
 * archive is left for exceljs to refuse with its own message.
 *
 * @example await assertUnpackedSize({ fileName: 'form.xlsx', bytes }) // throws PayloadTooLargeError for a bomb
 */
import { createInflateRaw } from 'node:zlib';
import { PayloadTooLargeError } from '../errors.js';
import type { IntakeFile } from './intake-file.js';

/** 256 MiB of XML: twice a 100,000-row × 40-column sheet as exceljs writes it. */
export const MAX_XLSX_UNPACKED_BYTES = 256 * 1024 * 1024;

const END_OF_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const DEFLATE = 8;

interface Entry {
  readonly data: Buffer;
  readonly deflated: boolean;
}

/** The entries the central directory lists, as far as the archive is readable. */
function entriesOf(zip: Buffer): Entry[] {
  const end = zip.lastIndexOf(END_OF_DIRECTORY);
  if (end < 0 || end + 22 > zip.length) return [];
  const entries: Entry[] = [];
  let at = zip.readUInt32LE(end + 16);
  for (let i = zip.readUInt16LE(end + 10); i > 0; i -= 1) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== DIRECTORY_ENTRY) break;
    const local = zip.readUInt32LE(at + 42);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL_HEADER) break;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    entries.push({
      data: zip.subarray(start, start + zip.readUInt32LE(at + 20)),
      deflated: zip.readUInt16LE(at + 10) === DEFLATE,
    });
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** Bytes `data` inflates to, counting no further than just past `limit`. */
async function inflatedLength(data: Buffer, limit: number): Promise<number> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let total = 0;
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        inflate.destroy();
        resolve(total);
      }
    });
    inflate.on('end', () => {
      resolve(total);
    });
    inflate.on('error', () => {
      resolve(total);
    });
    inflate.end(data);
  });
}

export async function assertUnpackedSize(file: IntakeFile, limit = MAX_XLSX_UNPACKED_BYTES): Promise<void> {
  let total = 0;
  for (const entry of entriesOf(file.bytes)) {
    total += entry.deflated ? await inflatedLength(entry.data, limit - total) : entry.data.length;
    if (total > limit) {
      const megabytes = Math.round(limit / (1024 * 1024));
      throw new PayloadTooLargeError(
        `${file.fileName} unpacks to more than ${megabytes} MB (an XLSX file is a ZIP archive), ` +
          'too much to read; save the sheet as CSV, or split it',
        [{ where: file.fileName, message: `more than ${limit} bytes when unpacked` }],
      );
    }
  }
}
