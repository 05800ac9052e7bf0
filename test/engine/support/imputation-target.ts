/** An ImputationTarget over plain arrays, for imputation method tests. */
import { MissingCode } from '../../../server/engine/missing-reasons.js';
import type { ImputationTarget, UnitGroups } from '../../../server/engine/methods/imputation/contract.js';
import { column } from './prepare.js';

export function imputationTarget(
  values: readonly (number | null)[],
  options: {
    groups?: readonly (string | null)[];
    previous?: readonly (number | null)[];
    reasons?: readonly number[];
  } = {},
): ImputationTarget {
  const x = column(values);
  const reasons = Uint8Array.from(
    options.reasons ?? values.map((v) => (v === null ? MissingCode.MissingInput : MissingCode.Ok)),
  );
  const labels = options.groups ?? [];
  const names = [...new Set(labels.filter((l) => l !== null))];
  const groups: UnitGroups = {
    index: Int32Array.from(labels, (l) => (l === null ? -1 : names.indexOf(l))),
    count: names.length,
  };
  return {
    values: x,
    reasons,
    flags: new Uint8Array(x.length),
    previous: options.previous === undefined ? undefined : column(options.previous),
    groups: () => groups,
    periods: { index: 0, columns: [x] },
  };
}
