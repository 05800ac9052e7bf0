/**
 * One analysis split by replication block, for runs past one machine: every process prepares the same
 * analysis (same input, same settings → the same plan of records, each with its own seeded random
 * stream drawn in design.ts), runs its block [from, to) of the records, and hands back the block's
 * ranks. Merging puts each block's runs at their place in the run-major matrices and summarises
 * them exactly as runUncertaintyInProcess does, so the merged result is bit-identical to a run of
 * the whole analysis in one process, whatever the blocks and their order.
 *
 * Each block carries the plan's fingerprint (seed, records, the nominal ranks): blocks of another
 * input or other settings are refused rather than merged.
 *
 * @example
 * const prepared = prepareUncertainty(input, base, settings); // in each process
 * const a = runReplicationBlock(prepared, 0, 500);             // process 1
 * const b = runReplicationBlock(prepared, 500, 1000);          // process 2
 * mergeReplicationBlocks(prepared, [b, a]) // equal to runUncertaintyInProcess(input, base, settings)
 */
import { ValidationError } from '../../errors.js';
import { runReplications } from './in-process.js';
import type { PreparedUncertainty } from './prepare.js';
import { summariseUncertainty, type UncertaintyResult } from './result.js';

export interface ReplicationBlock {
  /** The first run of the block and the run after its last (records[from] … records[to - 1]). */
  readonly from: number;
  readonly to: number;
  /** Runs in the whole analysis. */
  readonly runs: number;
  readonly rowCount: number;
  readonly levelRowCount: number;
  /** The plan's fingerprint (planFingerprint): blocks merge only with blocks of the same plan. */
  readonly plan: string;
  /** The block's runs, run-major: ranks[(run - from) * rowCount + row]. */
  readonly ranks: Uint32Array;
  readonly levelRanks: Uint32Array;
}

/** Runs records [from, to) of a prepared analysis on the calling thread. */
export function runReplicationBlock(
  prepared: PreparedUncertainty,
  from: number,
  to: number,
): ReplicationBlock {
  const runs = prepared.records.length;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > runs || from >= to) {
    throw new ValidationError(
      `a replication block must satisfy 0 ≤ from < to ≤ ${runs}, found [${from}, ${to})`,
      [{ where: 'block', message: `0 ≤ from < to ≤ ${runs} (the analysis has ${runs} runs)` }],
    );
  }
  // The runner places each run by its record's index: shift them so the block starts at 0.
  const records = prepared.records
    .slice(from, to)
    .map((record) => ({ ...record, index: record.index - from }));
  const { rowCount, levelRowCount } = prepared.nominal;
  const matrices = runReplications(prepared.payload, records, rowCount);
  return { from, to, runs, rowCount, levelRowCount, plan: planFingerprint(prepared), ...matrices };
}

/** The blocks (any order) put together and summarised: they must cover every run exactly once. */
export function mergeReplicationBlocks(
  prepared: PreparedUncertainty,
  blocks: readonly ReplicationBlock[],
): UncertaintyResult {
  const runs = prepared.records.length;
  const { rowCount, levelRowCount } = prepared.nominal;
  const plan = planFingerprint(prepared);
  const ranks = new Uint32Array(runs * rowCount);
  const levelRanks = new Uint32Array(runs * levelRowCount);
  const sorted = [...blocks].sort((a, b) => a.from - b.from);
  let next = 0;
  for (const block of sorted) {
    const where = `block [${block.from}, ${block.to})`;
    if (block.plan !== plan || block.runs !== runs || block.rowCount !== rowCount) {
      throw blockError(where, 'belongs to another analysis (other input or settings)');
    }
    if (block.from !== next) {
      throw blockError(
        where,
        block.from < next ? `overlaps runs before ${next}` : `leaves runs ${next}–${block.from - 1} out`,
      );
    }
    const count = block.to - block.from;
    if (block.ranks.length !== count * rowCount || block.levelRanks.length !== count * levelRowCount) {
      throw blockError(where, `holds ${block.ranks.length} ranks, expected ${count * rowCount}`);
    }
    ranks.set(block.ranks, block.from * rowCount);
    levelRanks.set(block.levelRanks, block.from * levelRowCount);
    next = block.to;
  }
  if (next !== runs)
    throw blockError('blocks', `cover runs 0–${next - 1} of ${runs}: runs ${next}–${runs - 1} are missing`);
  return summariseUncertainty(prepared, ranks, levelRanks);
}

/**
 * A short digest of what decides every run (seed, design records, nominal ranks): a guard against
 * merging blocks of different analyses, not a cryptographic hash. FNV-1a, 2 × 32 bits.
 */
export function planFingerprint(prepared: PreparedUncertainty): string {
  const text = JSON.stringify([
    prepared.spec.seed,
    prepared.nominal.unitCodes,
    prepared.nominal.periodIds,
    prepared.records,
  ]);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  const mix = (code: number): void => {
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x5bd1e995) >>> 0;
  };
  for (let i = 0; i < text.length; i++) mix(text.charCodeAt(i));
  for (const rank of prepared.nominal.ranks) mix(rank);
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

function blockError(where: string, message: string): ValidationError {
  return new ValidationError(
    {
      en: `cannot merge the replication blocks: ${where} ${message}`,
      zh: `无法合并重复运行分块：${where} ${message}`,
    },
    [{ where, message }],
  );
}
