/**
 * Goalpost normalisation under target overrides: for one block of rows, each override with goalposts
 * that applies to some row is run over the whole block (so a data-dependent bound such as
 * distance_to_target's worst value still comes from every unit) and its output, reasons and flags are
 * copied into the rows it applies to. Rows without an override keep the default run's cells, so an
 * indicator without overrides takes exactly the default path.
 *
 * @example overrideBlock(rows, overrides, run, buffers, context, (k, data) => log.push(...))
 */
import type {
  NormalisationContext,
  NormalisationOutcome,
  NormalisationRun,
} from '../methods/normalisation/contract.js';
import type { TargetOverride } from '../types.js';

export interface BlockBuffers {
  readonly input: Float64Array;
  readonly output: Float64Array;
  readonly reasons: Uint8Array;
  readonly flags: Uint8Array;
}

/** The overrides with goalposts applying to some row of the block, in list order. */
export function blockOverrides(rows: Int32Array, overrides: readonly TargetOverride[]): number[] {
  const used = new Set<number>();
  for (const k of rows) if (k >= 0 && overrides[k]?.goalposts !== undefined) used.add(k);
  return [...used].sort((a, b) => a - b);
}

/**
 * Runs the method once per override in `used` over copies of the block's cells as they were before
 * the default run (`before`), then copies the override's rows back into `block`.
 */
export function overrideBlock(
  rows: Int32Array,
  used: readonly number[],
  overrides: readonly TargetOverride[],
  run: NormalisationRun,
  block: BlockBuffers,
  before: { readonly reasons: Uint8Array; readonly flags: Uint8Array },
  context: NormalisationContext,
): { readonly override: number; readonly outcome: NormalisationOutcome }[] {
  return used.map((k) => {
    const output = new Float64Array(block.output.length);
    const reasons = before.reasons.slice();
    const flags = before.flags.slice();
    const outcome = run(block.input, output, reasons, flags, {
      ...context,
      goalposts: overrides[k]?.goalposts,
    });
    for (let i = 0; i < rows.length; i++) {
      if (rows[i] !== k) continue;
      block.output[i] = output[i] ?? Number.NaN;
      block.reasons[i] = reasons[i] ?? 0;
      // A method that never censors leaves the flags alone, so a shared empty array stays untouched.
      if (block.flags[i] !== flags[i]) block.flags[i] = flags[i] ?? 0;
    }
    return { override: k, outcome };
  });
}
