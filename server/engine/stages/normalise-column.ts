/**
 * One indicator's normalisation over its blocks of periods, for an indicator without target
 * overrides: what normaliseStage does for it, in a function the engine's helper threads run too
 * (parallel/tasks.ts), so both give the same numbers.
 *
 * @example normaliseColumn(input, reasons, flags, blocks, context, choices.normalisation)
 */
import type { LogValue } from '../log.js';
import type { NormalisationContext, PreparedNormalisation } from '../methods/normalisation/contract.js';
import { sharedFloat64, writableCopy } from '../parallel/shared.js';
import { sealMissing } from './normalise.js';

export interface NormalisedColumn {
  readonly values: Float64Array;
  readonly reasons: Uint8Array;
  /** The flags with censored cells marked (methods that censor only). */
  readonly flags: Uint8Array | undefined;
  /** The bounds each block used, for the log. */
  readonly blocks: readonly Readonly<Record<string, LogValue>>[];
}

export function normaliseColumn(
  input: Float64Array,
  inputReasons: Uint8Array,
  previousFlags: Uint8Array | undefined,
  blocks: readonly (readonly [number, number])[],
  context: NormalisationContext,
  method: Pick<PreparedNormalisation, 'run' | 'censors'>,
  /** Make the columns on shared memory, for the engine's threads (no copy after). */
  shared = false,
): NormalisedColumn {
  const { unitCount } = context;
  const rowCount = input.length;
  const output = shared ? sharedFloat64(rowCount) : new Float64Array(rowCount);
  const why = writableCopy(inputReasons, shared);
  // Only censoring methods write flags; the others get a scratch array that is thrown away.
  const cellFlags = method.censors
    ? writableCopy(previousFlags ?? new Uint8Array(rowCount), shared)
    : new Uint8Array(rowCount);
  const data: Readonly<Record<string, LogValue>>[] = [];
  for (const [first, end] of blocks) {
    const from = first * unitCount;
    const to = end * unitCount;
    const outcome = method.run(
      input.subarray(from, to),
      output.subarray(from, to),
      why.subarray(from, to),
      cellFlags.subarray(from, to),
      context,
    );
    data.push(outcome.data);
  }
  sealMissing(output, why);
  return { values: output, reasons: why, flags: method.censors ? cellFlags : undefined, blocks: data };
}
