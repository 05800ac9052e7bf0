/**
 * Issue 19, finding 1: the XLSX decompression guard. The ZIP64 bomb of the report (a 4.4 MB
 * upload holding three 1.5 GB zero-filled xl/media entries, every size and count at its 32-bit or
 * 16-bit maximum with the real values in ZIP64 records) is built here, never committed.
 */
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { AppError, PayloadTooLargeError, ValidationError } from '../../server/errors.js';
import { readTable } from '../../server/intake/read-table.js';
import { assertUnpackedSize } from '../../server/intake/xlsx-unpacked-size.js';
import { readZip, writeZip, writeZip64, type PackedEntry, type ZipEntry } from './zip-parts.js';

const MIB = 1024 * 1024;

/**
 * `mebibytes` MiB of zeros as raw deflate, built in constant time and memory: the deflate stream
 * of one MiB, fully flushed (so it refers to nothing before it), repeated, then an empty final
 * block. Its CRC is computed a MiB at a time, so nothing near the unpacked size is ever held.
 */
function zeros(name: string, mebibytes: number): PackedEntry {
  const mebibyte = Buffer.alloc(MIB);
  const block = deflateRawSync(mebibyte, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const finalBlock = Buffer.from([0x03, 0x00]);
  let crc = 0;
  for (let i = 0; i < mebibytes; i += 1) crc = crc32(mebibyte, crc);
  const deflated = Buffer.concat([...Array.from({ length: mebibytes }, () => block), finalBlock]);
  return { name, deflated, size: mebibytes * MIB, crc };
}

async function workbookEntries(): Promise<ZipEntry[]> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Data').addRows([
    ['unit_code', 'households'],
    ['A1', 12],
  ]);
  return readZip(Buffer.from(await workbook.xlsx.writeBuffer()));
}

async function refusal(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  expect.fail('expected a refusal');
}

describe('the XLSX decompression guard', () => {
  it('refuses the ZIP64 bomb (three 1.5 GB zero-filled media parts in 4.4 MB) from its declared sizes, before inflating or exceljs', async () => {
    const zeroes = zeros('xl/media/image.png', 1536);
    const bombs = [1, 2, 3].map((n) => ({ ...zeroes, name: `xl/media/image${n}.png` }));
    const bytes = writeZip64([...(await workbookEntries()), ...bombs]);
    expect(bytes.length).to.be.within(4 * MIB, 5 * MIB);
    const started = performance.now();
    const guard = await refusal(() => assertUnpackedSize({ fileName: 'bomb64.xlsx', bytes }));
    expect(performance.now() - started).to.be.below(1000);
    expect(guard).to.be.instanceOf(PayloadTooLargeError);
    expect(guard.message).to.equal(
      'bomb64.xlsx unpacks to more than 256 MB (an XLSX file is a ZIP archive), too much to read; save the ' +
        'sheet as CSV, or split it. bomb64.xlsx 解压后超过 256 MB（XLSX 文件是 ZIP 压缩包），无法读取；请另存为 ' +
        'CSV，或拆分文件。',
    );
    const read = await refusal(() => readTable({ fileName: 'bomb64.xlsx', bytes }));
    expect(read.message).to.equal(guard.message);
  });

  it('reads a well-formed ZIP64 workbook, counting what its ZIP64 records declare', async () => {
    const entries = await workbookEntries();
    const bytes = writeZip64(entries);
    const unpacked = entries.reduce((sum, entry) => sum + entry.data.length, 0);
    expect(await assertUnpackedSize({ fileName: 'small64.xlsx', bytes })).to.equal(unpacked);
    const table = await readTable({ fileName: 'small64.xlsx', bytes });
    expect(table.headers).to.deep.equal(['unit_code', 'households']);
  });

  it('counts every entry of the central directory, also those past the count in the end record', async () => {
    const entries = await workbookEntries();
    const bytes = writeZip([...entries, zeros('xl/media/pad.bin', 300)]);
    const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    bytes.writeUInt16LE(1, end + 8);
    bytes.writeUInt16LE(1, end + 10);
    const error = await refusal(() => assertUnpackedSize({ fileName: 'hidden.xlsx', bytes }));
    expect(error).to.be.instanceOf(PayloadTooLargeError);
    const declared = entries.reduce((sum, entry) => sum + entry.data.length, 0) + 300 * MIB;
    expect(error.details).to.deep.equal([
      { where: 'hidden.xlsx', message: `${declared} bytes when unpacked > ${256 * MIB}` },
    ]);
  });

  it('follows the archive where exceljs does when data is prepended, so a decoy directory at the stated offset hides nothing', async () => {
    const entries = await workbookEntries();
    /** The archive behind a prefix that holds, at the directory offset the end record states, a decoy directory of one tiny part. */
    const behindDecoy = (archive: Buffer): Buffer => {
      const stated = archive.readUInt32LE(archive.length - 22 + 16);
      const decoy = writeZip([{ name: 'a.txt', data: Buffer.from('a') }], false);
      const decoyDirectory = decoy.readUInt32LE(decoy.length - 22 + 16);
      const prefix = Buffer.alloc(stated + 200);
      decoy.copy(prefix, 0, 0, decoyDirectory);
      decoy.copy(prefix, stated, decoyDirectory, decoy.length - 22);
      return Buffer.concat([prefix, archive]);
    };
    const plain = behindDecoy(writeZip(entries));
    const table = await readTable({ fileName: 'prefixed.xlsx', bytes: plain });
    expect(table.headers, 'exceljs reads the archive behind the prefix').to.deep.equal([
      'unit_code',
      'households',
    ]);
    const bomb = behindDecoy(writeZip([...entries, zeros('xl/media/pad.bin', 300)]));
    const error = await refusal(() => assertUnpackedSize({ fileName: 'decoy.xlsx', bytes: bomb }));
    expect(error).to.be.instanceOf(PayloadTooLargeError);
  });

  it('refuses a part that unpacks to more than it declares, stopping just past the declared size', async () => {
    const liar = { ...zeros('xl/media/liar.bin', 200), size: 1000 };
    const bytes = writeZip([...(await workbookEntries()), liar]);
    const started = performance.now();
    const error = await refusal(() => assertUnpackedSize({ fileName: 'liar.xlsx', bytes }));
    expect(performance.now() - started).to.be.below(1000);
    expect(error).to.be.instanceOf(ValidationError);
    expect(error.message).to.equal(
      'liar.xlsx is not a trustworthy XLSX workbook: its part xl/media/liar.bin declares 1000 bytes unpacked but ' +
        'unpacks to more. liar.xlsx 不是可信的 XLSX 工作簿：其中 xl/media/liar.bin 声明解压后为 1000 字节，实际超过此数。',
    );
  });

  it('refuses a part that unpacks to less than it declares', async () => {
    const entries = await workbookEntries();
    const sheet = entries.find((entry) => entry.name === 'xl/worksheets/sheet1.xml')!;
    const padded: PackedEntry = {
      name: sheet.name,
      deflated: deflateRawSync(sheet.data),
      size: sheet.data.length + 10,
      crc: crc32(sheet.data),
    };
    const bytes = writeZip(entries.map((entry) => (entry === sheet ? padded : entry)));
    const error = await refusal(() => assertUnpackedSize({ fileName: 'short.xlsx', bytes }));
    expect(error.details).to.deep.equal([
      {
        where: 'short.xlsx, xl/worksheets/sheet1.xml',
        message: `declared ${sheet.data.length + 10} bytes, unpacks to ${sheet.data.length} bytes`,
      },
    ]);
  });

  it('refuses an archive whose ZIP64 end record is missing, as damaged', async () => {
    const bytes = writeZip64(await workbookEntries());
    const locator = bytes.length - 22 - 20;
    bytes.writeUInt32LE(0, locator);
    const error = await refusal(() => assertUnpackedSize({ fileName: 'cut64.xlsx', bytes }));
    expect(error.message).to.equal(
      'cut64.xlsx is not a readable XLSX workbook (damaged or truncated: no ZIP64 end locator); ' +
        'cut64.xlsx 不是可读取的 XLSX 工作簿（已损坏或不完整）',
    );
  });
});
