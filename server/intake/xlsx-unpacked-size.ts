/**
 * Guards the XLSX reader against decompression bombs: an upload of a few megabytes whose ZIP
 * entries inflate to gigabytes (exceljs inflates every entry into memory, so one such file could
 * take the server down). Before exceljs sees the file:
 * - every entry of the central directory is counted (ZIP64 included, media too, see
 *   zip-directory.ts), and the file is refused when the sizes it declares add up to more than the
 *   limit;
 * - every entry is then inflated as a stream whose output is counted and dropped, and the file is
 *   refused as soon as an entry unpacks to more than it declared (or ends short of it): declared
 *   sizes that lie are how a bomb hides.
 * An archive that cannot be read is refused as damaged, naming the file.
 *
 * @example const unpacked = await assertUnpackedSize({ fileName: 'form.xlsx', bytes }) // bytes once unpacked
 */
import { createInflateRaw } from 'node:zlib';
import { PayloadTooLargeError, ValidationError } from '../errors.js';
import type { IntakeFile } from './intake-file.js';
import { DamagedZipError, zipEntries, type ZipDirectoryEntry } from './zip-directory.js';

/** 256 MiB of XML: twice a 100,000-row × 40-column sheet as exceljs writes it. */
export const MAX_XLSX_UNPACKED_BYTES = 256 * 1024 * 1024;

const STORED = 0;
const DEFLATED = 8;

/** The refusal for an archive that cannot be read, in the words read-workbook.ts uses for exceljs's. */
export function damagedXlsx(fileName: string, reason: string): ValidationError {
  return new ValidationError(
    `${fileName} is not a readable XLSX workbook (damaged or truncated: ${reason}); ` +
      `${fileName} 不是可读取的 XLSX 工作簿（已损坏或不完整）`,
    [{ where: fileName, message: reason }],
  );
}

function tooLarge(fileName: string, limit: number, declared: number): PayloadTooLargeError {
  const megabytes = Math.round(limit / (1024 * 1024));
  return new PayloadTooLargeError(
    `${fileName} unpacks to more than ${megabytes} MB (an XLSX file is a ZIP archive), too much to read; ` +
      `save the sheet as CSV, or split it. ${fileName} 解压后超过 ${megabytes} MB（XLSX 文件是 ZIP 压缩包），` +
      '无法读取；请另存为 CSV，或拆分文件。',
    [{ where: fileName, message: `${declared} bytes when unpacked > ${limit}` }],
  );
}

function untrue(fileName: string, entry: ZipDirectoryEntry, unpacked: number): ValidationError {
  const over = unpacked > entry.size;
  const found = over ? 'more' : `${unpacked} bytes`;
  return new ValidationError(
    `${fileName} is not a trustworthy XLSX workbook: its part ${entry.name} declares ${entry.size} bytes ` +
      `unpacked but unpacks to ${found}. ${fileName} 不是可信的 XLSX 工作簿：其中 ${entry.name} 声明解压后为 ` +
      `${entry.size} 字节，${over ? '实际超过此数' : `实际为 ${unpacked} 字节`}。`,
    [{ where: `${fileName}, ${entry.name}`, message: `declared ${entry.size} bytes, unpacks to ${found}` }],
  );
}

/** Bytes `data` inflates to, counting no further than one byte past `cap`; rejects when the data is not deflate. */
async function inflatedLength(data: Buffer, cap: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let total = 0;
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > cap) {
        inflate.destroy();
        resolve(total);
      }
    });
    inflate.on('end', () => {
      resolve(total);
    });
    inflate.on('error', reject);
    inflate.end(data);
  });
}

async function checkEntry(file: IntakeFile, entry: ZipDirectoryEntry): Promise<void> {
  if (entry.method === STORED) {
    if (entry.compressedSize !== entry.size) throw untrue(file.fileName, entry, entry.compressedSize);
    return;
  }
  if (entry.method !== DEFLATED)
    throw damagedXlsx(file.fileName, `${entry.name} uses compression method ${entry.method}`);
  const data = file.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  let unpacked: number;
  try {
    unpacked = await inflatedLength(data, entry.size);
  } catch (error) {
    throw damagedXlsx(
      file.fileName,
      `${entry.name}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (unpacked !== entry.size) throw untrue(file.fileName, entry, unpacked);
}

/** Resolves to the bytes the workbook unpacks to; throws when that is too much, untrue or unreadable. */
export async function assertUnpackedSize(file: IntakeFile, limit = MAX_XLSX_UNPACKED_BYTES): Promise<number> {
  let entries: ZipDirectoryEntry[];
  try {
    entries = zipEntries(file.bytes);
  } catch (error) {
    if (error instanceof DamagedZipError) throw damagedXlsx(file.fileName, error.message);
    throw error;
  }
  const declared = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (declared > limit) throw tooLarge(file.fileName, limit, declared);
  for (const entry of entries) await checkEntry(file, entry);
  return declared;
}
