/**
 * A replication block (blocks.ts) as plain JSON, to pass between processes through a file, a pipe or
 * the store: the rank matrices as base64 of their bytes in little-endian order, whatever the machine.
 *
 * @example
 * writeFileSync(file, JSON.stringify(blockToJson(block)));
 * const again = blockFromJson(JSON.parse(readFileSync(file, 'utf8'))); // equal to block
 */
import { ValidationError } from '../../errors.js';
import type { ReplicationBlock } from './blocks.js';

export interface ReplicationBlockJson {
  readonly from: number;
  readonly to: number;
  readonly runs: number;
  readonly rowCount: number;
  readonly levelRowCount: number;
  readonly plan: string;
  /** Uint32 little-endian, base64. */
  readonly ranks: string;
  readonly levelRanks: string;
}

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export function blockToJson(block: ReplicationBlock): ReplicationBlockJson {
  return { ...block, ranks: encode(block.ranks), levelRanks: encode(block.levelRanks) };
}

export function blockFromJson(value: unknown): ReplicationBlock {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const numbers = ['from', 'to', 'runs', 'rowCount', 'levelRowCount'] as const;
  const bad = [
    ...numbers.filter((key) => !Number.isInteger(v[key])),
    ...(['plan', 'ranks', 'levelRanks'] as const).filter((key) => typeof v[key] !== 'string'),
  ];
  if (bad.length > 0) {
    throw new ValidationError(`not a replication block: ${bad.join(', ')} missing or of the wrong type`, [
      {
        where: 'block',
        message: `expected whole numbers from, to, runs, rowCount, levelRowCount and strings plan, ranks, levelRanks`,
      },
    ]);
  }
  return {
    from: v.from as number,
    to: v.to as number,
    runs: v.runs as number,
    rowCount: v.rowCount as number,
    levelRowCount: v.levelRowCount as number,
    plan: v.plan as string,
    ranks: decode(v.ranks as string),
    levelRanks: decode(v.levelRanks as string),
  };
}

function encode(values: Uint32Array): string {
  const copy = littleEndian ? values : values.map(swap);
  return Buffer.from(copy.buffer, copy.byteOffset, copy.byteLength).toString('base64');
}

function decode(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % 4 !== 0) {
    throw new ValidationError('not a replication block: a rank matrix is not a whole number of 4-byte ranks');
  }
  // Copied into a fresh buffer: Buffer's pool may not be 4-byte aligned.
  const values = new Uint32Array(bytes.length / 4);
  new Uint8Array(values.buffer).set(bytes);
  return littleEndian ? values : values.map(swap);
}

function swap(x: number): number {
  return (((x & 0xff) << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24)) >>> 0;
}
