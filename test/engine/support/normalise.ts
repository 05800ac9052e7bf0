/** Runs a prepared normalisation over one column, as the normalise stage would. */
import type {
  PreparedNormalisation,
  NormalisationContext,
} from '../../../server/engine/methods/normalisation/contract.js';
import { MissingCode } from '../../../server/engine/missing-reasons.js';
import type { Direction, Goalposts } from '../../../server/engine/types.js';
import { column } from './prepare.js';

export interface Normalised {
  readonly values: Float64Array;
  readonly reasons: Uint8Array;
  readonly flags: Uint8Array;
}

export function normaliseColumn(
  method: PreparedNormalisation,
  values: readonly (number | null)[],
  options: { direction?: Direction; goalposts?: Goalposts; units?: readonly string[] } = {},
): Normalised {
  const input = column(values);
  const output = new Float64Array(input.length);
  const reasons = Uint8Array.from(input, (v) =>
    Number.isNaN(v) ? MissingCode.MissingInput : MissingCode.Ok,
  );
  const flags = new Uint8Array(input.length);
  const units = options.units ?? values.map((_, i) => `u${i}`);
  const context: NormalisationContext = {
    indicator: 'x',
    direction: options.direction ?? 1,
    goalposts: options.goalposts,
    unitCount: units.length,
    unitIndex: (code) => units.indexOf(code),
  };
  method.run(input, output, reasons, flags, context);
  return { values: output, reasons, flags };
}
