/**
 * The file of a report snapshot: one header line of JSON, the value part, then the columns part
 * (snapshot-codec.ts). The header is padded with spaces and the value part with zeros to multiples
 * of 8 bytes, so the columns start aligned and every typed array reads back as a view of the bytes
 * read. The header names the results and the code the snapshot was made from, the parts' lengths
 * and a CRC-32 of the value part and of each block of the columns part.
 *
 * Reading overlaps its work: the column blocks are read on the thread pool (where the kernel's
 * mapping of fresh memory, most of a large read, runs on both cores) while the value part is
 * decoded on the main thread; each block is checked as it arrives.
 *
 * @example await readSnapshotFile(file, identity) // the value; undefined when made by other code
 */
import { open, writeFile, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { aligned, decodeSnapshot, encodeSnapshot } from './snapshot-codec.js';

const KIND = 'zhili-report-snapshot';
/** The longest header line read. */
const HEADER_BYTES = 4096;
/** Column blocks, each read and checked on its own. */
const BLOCK_BYTES = 32 * 1024 * 1024;

/** What a snapshot must have been made from to be read. */
export interface SnapshotIdentity {
  readonly evaluation: string;
  readonly sha256: string;
  /** The fingerprint of the code that shaped it (code-fingerprint.ts). */
  readonly code: string;
}

interface Header extends SnapshotIdentity {
  readonly kind: string;
  readonly valueBytes: number;
  readonly columnBytes: number;
  readonly valueCrc32: number;
  /** One per BLOCK_BYTES of the columns part. */
  readonly blockCrc32: readonly number[];
}

/** Writes the snapshot to `file` (the caller writes it aside and renames it). */
export async function writeSnapshotFile(
  file: string,
  value: unknown,
  identity: SnapshotIdentity,
): Promise<void> {
  const { value: encoded, columns, columnBytes } = encodeSnapshot(value);
  const header: Header = {
    kind: KIND,
    ...identity,
    valueBytes: encoded.length,
    columnBytes,
    valueCrc32: crc32(encoded),
    blockCrc32: blockChecksums(columns, columnBytes),
  };
  const line = JSON.stringify(header);
  const padded = line.padEnd(aligned(line.length + 1) - 1, ' ') + '\n';
  const valuePadding = Buffer.alloc(aligned(encoded.length) - encoded.length);
  await writeFile(file, [Buffer.from(padded, 'ascii'), encoded, valuePadding, ...columns]);
}

/** The CRC-32 of each block of the columns part, given as pieces of any sizes. */
function blockChecksums(pieces: readonly Buffer[], total: number): number[] {
  const sums = new Array<number>(Math.ceil(total / BLOCK_BYTES)).fill(0);
  let at = 0;
  for (const piece of pieces) {
    let from = 0;
    while (from < piece.length) {
      const block = Math.floor(at / BLOCK_BYTES);
      const take = Math.min(piece.length - from, (block + 1) * BLOCK_BYTES - at);
      sums[block] = crc32(piece.subarray(from, from + take), sums[block]);
      from += take;
      at += take;
    }
  }
  return sums;
}

/**
 * The value kept in `file`; undefined when it was made by other code (an upgrade: expected, and
 * not a fault). Throws when the file is not a snapshot of these results, or is damaged.
 */
export async function readSnapshotFile(file: string, identity: SnapshotIdentity): Promise<unknown> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const found = await readHeader(handle, identity.code);
    if (found === undefined) return undefined;
    const { header, valueStart } = found;
    if (header.evaluation !== identity.evaluation || header.sha256 !== identity.sha256) {
      throw new Error('a snapshot of other results');
    }
    const columnStart = valueStart + aligned(header.valueBytes);
    const blocks = Math.ceil(header.columnBytes / BLOCK_BYTES);
    if (columnStart + header.columnBytes !== size || header.blockCrc32.length !== blocks) {
      throw new Error('a snapshot of the wrong length');
    }
    const value = Buffer.allocUnsafe(header.valueBytes);
    const valueRead = readRange(handle, value, 0, header.valueBytes, valueStart);
    // Never from the shared pool: the columns must start at a multiple of 8 bytes of their memory.
    const columns = Buffer.allocUnsafeSlow(header.columnBytes);
    const blockReads = header.blockCrc32.map(async (sum, block) => {
      const from = block * BLOCK_BYTES;
      const to = Math.min(header.columnBytes, from + BLOCK_BYTES);
      await readRange(handle, columns, from, to, columnStart + from);
      if (crc32(columns.subarray(from, to)) !== sum) throw new Error('a damaged snapshot');
    });
    // Reported once awaited below; this only keeps an early failure from being "unhandled" meanwhile.
    for (const read of blockReads) read.catch(() => undefined);
    await valueRead;
    if (crc32(value) !== header.valueCrc32) throw new Error('a damaged snapshot');
    // The columns' views are made now and hold their bytes once every block has arrived.
    const decoded = decodeSnapshot(value, columns);
    await Promise.all(blockReads);
    return decoded;
  } finally {
    await handle.close();
  }
}

/** The header; undefined for a snapshot made by other code, whose header may differ too. */
async function readHeader(
  handle: FileHandle,
  code: string,
): Promise<{ header: Header; valueStart: number } | undefined> {
  const first = Buffer.alloc(HEADER_BYTES);
  const { bytesRead } = await handle.read(first, 0, HEADER_BYTES, 0);
  const end = first.subarray(0, bytesRead).indexOf(0x0a);
  if (end < 0) throw new Error('no snapshot header');
  const header = JSON.parse(first.subarray(0, end).toString('ascii')) as Partial<Header>;
  if (header.kind === KIND && header.code !== code) return undefined;
  if (
    header.kind !== KIND ||
    !isCount(header.valueBytes) ||
    !isCount(header.columnBytes) ||
    typeof header.valueCrc32 !== 'number' ||
    !Array.isArray(header.blockCrc32)
  ) {
    throw new Error('not a report snapshot');
  }
  return { header: header as Header, valueStart: end + 1 };
}

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

async function readRange(
  handle: FileHandle,
  into: Buffer,
  from: number,
  to: number,
  position: number,
): Promise<void> {
  for (let at = from; at < to;) {
    const { bytesRead } = await handle.read(into, at, to - at, position + (at - from));
    if (bytesRead === 0) throw new Error('the snapshot ended early');
    at += bytesRead;
  }
}
