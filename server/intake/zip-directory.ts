/**
 * The entries of a ZIP archive as its central directory declares them, ZIP64 included: name,
 * method, compressed and unpacked size, and where the data starts. It reads the directory the
 * way JSZip (inside exceljs) does: the ZIP64 end record when a classic field is at its maximum,
 * every directory entry for as long as the signature repeats (not just as many as the end record
 * counts), ZIP64 sizes from an entry's last 0x0001 extra field, and every offset shifted by the
 * bytes prepended to the archive. What it cannot read the way JSZip would it reports as damaged,
 * so an archive is either fully accounted for or refused.
 *
 * @example zipEntries(xlsx).map((e) => e.name) // ['[Content_Types].xml', '_rels/.rels', …]
 */

export interface ZipDirectoryEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressedSize: number;
  /** What the directory declares the entry unpacks to. */
  readonly size: number;
  /** Offset of the entry's data (after its local header). */
  readonly dataStart: number;
}

/** The archive's structure is not readable; the message says where it breaks. */
export class DamagedZipError extends Error {
  override readonly name = 'DamagedZipError';
}

const END = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
const ZIP64_EXTRA = 0x0001;

function need(zip: Buffer, at: number, bytes: number, what: string): void {
  if (at < 0 || at + bytes > zip.length) throw new DamagedZipError(`${what} lies outside the file`);
}

/** A 64-bit field as a number (beyond 2^53 it is only approximate, which is still far too large). */
function u64(zip: Buffer, at: number): number {
  return Number(zip.readBigUInt64LE(at));
}

function endRecordAt(zip: Buffer): number {
  const earliest = Math.max(0, zip.length - 22 - MAX16);
  for (let at = zip.length - 22; at >= earliest; at -= 1) {
    if (zip.readUInt32LE(at) === END) return at;
  }
  throw new DamagedZipError('no end of central directory record');
}

interface Directory {
  /** Where the first directory entry is, as the end record states it. */
  readonly offset: number;
  /**
   * Bytes before the archive proper (data prepended to it): JSZip adds this to every offset the
   * archive states, when the end record lies further on than the directory's offset and size say.
   */
  readonly shift: number;
}

/** The central directory's place, from the classic end record or its ZIP64 successor. */
function directoryOf(zip: Buffer): Directory {
  const end = endRecordAt(zip);
  const fields16 = [4, 6, 8, 10].map((offset) => zip.readUInt16LE(end + offset));
  const fields32 = [12, 16].map((offset) => zip.readUInt32LE(end + offset));
  const zip64 = fields16.includes(MAX16) || fields32.includes(MAX32);
  let size = zip.readUInt32LE(end + 12);
  let offset = zip.readUInt32LE(end + 16);
  let expectedEnd = offset + size;
  if (zip64) {
    need(zip, end - 20, 20, 'the ZIP64 end locator');
    if (zip.readUInt32LE(end - 20) !== ZIP64_LOCATOR) throw new DamagedZipError('no ZIP64 end locator');
    const record = u64(zip, end - 20 + 8);
    need(zip, record, 56, 'the ZIP64 end record');
    if (zip.readUInt32LE(record) !== ZIP64_END) throw new DamagedZipError('no ZIP64 end record');
    size = u64(zip, record + 40);
    offset = u64(zip, record + 48);
    expectedEnd = offset + size + 20 + 12 + u64(zip, record + 4);
  }
  const shift = end - expectedEnd;
  if (shift < 0) throw new DamagedZipError(`${-shift} bytes missing before the end record`);
  return { offset, shift };
}

/** Sizes and local offset, with the ZIP64 extra field's values where the classic ones are at their maximum. */
function widened(
  zip: Buffer,
  extraStart: number,
  extraEnd: number,
  classic: { size: number; compressedSize: number; local: number },
): { size: number; compressedSize: number; local: number } {
  // As JSZip: fields are read while a header and more fit, and the last 0x0001 field counts.
  let zip64: { start: number; end: number } | undefined;
  for (let at = extraStart; at + 4 < extraEnd;) {
    const length = zip.readUInt16LE(at + 2);
    if (zip.readUInt16LE(at) === ZIP64_EXTRA) zip64 = { start: at + 4, end: at + 4 + length };
    at += 4 + length;
  }
  if (zip64 === undefined) return classic;
  const { end } = zip64;
  let field = zip64.start;
  const next = (what: string, value: number): number => {
    if (value !== MAX32) return value;
    if (field + 8 > end || field + 8 > zip.length)
      throw new DamagedZipError(`the ZIP64 field lacks the ${what}`);
    const wide = u64(zip, field);
    field += 8;
    return wide;
  };
  const size = next('size', classic.size);
  const compressedSize = next('compressed size', classic.compressedSize);
  return { size, compressedSize, local: next('local header offset', classic.local) };
}

export function zipEntries(zip: Buffer): ZipDirectoryEntry[] {
  if (zip.length < 22) throw new DamagedZipError('too short to be a ZIP archive');
  const entries: ZipDirectoryEntry[] = [];
  const { offset, shift } = directoryOf(zip);
  let at = offset + shift;
  need(zip, at, 4, 'the central directory');
  while (at + 4 <= zip.length && zip.readUInt32LE(at) === DIRECTORY_ENTRY) {
    need(zip, at, 46, 'a central directory entry');
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    need(zip, at + 46, nameLength + extraLength + commentLength, 'a central directory entry');
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const extraStart = at + 46 + nameLength;
    const {
      size,
      compressedSize,
      local: stated,
    } = widened(zip, extraStart, extraStart + extraLength, {
      size: zip.readUInt32LE(at + 24),
      compressedSize: zip.readUInt32LE(at + 20),
      local: zip.readUInt32LE(at + 42),
    });
    const local = stated + shift;
    need(zip, local, 30, `the local header of ${name}`);
    if (zip.readUInt32LE(local) !== LOCAL_HEADER) throw new DamagedZipError(`no local header for ${name}`);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    need(zip, dataStart, compressedSize, `the data of ${name}`);
    entries.push({ name, method: zip.readUInt16LE(at + 10), compressedSize, size, dataStart });
    at = extraStart + extraLength + commentLength;
  }
  if (entries.length === 0) throw new DamagedZipError('an empty central directory');
  return entries;
}
