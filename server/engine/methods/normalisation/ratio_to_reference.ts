/**
 * Ratio to a reference: x / reference * `scale` for a "higher is better" indicator and
 * reference / x * `scale` for a "lower is better" one, so that reaching the reference scores `scale`
 * (default 100). The reference is a named unit's value in the same period (`unit`), or by default the
 * best present value in the slice. Ratios need positive values: a value ≤ 0 (or a reference ≤ 0) is
 * left missing as domain_error; a missing reference leaves the period missing (missing_input).
 *
 * @example { "method": "ratio_to_reference", "unit": "BJ-DC" } with the reference at 80:
 * higher is better: [40, 80, 100] → [50, 100, 125]; lower is better: [40, 80, 160] → [200, 100, 50]
 */
import { paramsSchema } from '../param-schemas.js';
import { MissingCode } from '../../missing-reasons.js';
import type { NormalisationMethod } from './contract.js';
import { directedRange } from './spread.js';

export const ratio_to_reference: NormalisationMethod<'ratio_to_reference'> = {
  name: 'ratio_to_reference',
  params: paramsSchema({
    unit: { type: 'string', minLength: 1, title: 'the code of the reference unit' },
    scale: { type: 'number', exclusiveMinimum: 0 },
  }),
  label: { zh: '与参照单位之比', en: 'ratio to a reference unit' },
  explain: {
    zh: '以数值与参照单位数值之比计分。',
    en: "Scores a value as a ratio to a reference unit's value.",
  },
  prepare(reader, input) {
    const unit = reader.string('unit');
    const scale = reader.number('scale', 100, { above: 0 });
    if (unit !== undefined && !input.units.codes.includes(unit)) {
      reader.problem('unit', `no unit has the code "${unit}"; name one of the units being scored`);
    }
    return {
      name: 'ratio_to_reference',
      params: unit === undefined ? { scale } : { unit, scale },
      lowest: undefined,
      censors: false,
      needs: 'nothing',
      run: (x, output, reasons, _flags, { direction, unitCount, unitIndex }) => {
        const best = directedRange(x, direction).max * direction;
        const referenceUnit = unit === undefined ? -1 : unitIndex(unit);
        const references: number[] = [];
        for (let start = 0; start < x.length; start += unitCount) {
          const reference = referenceUnit < 0 ? best : (x[start + referenceUnit] ?? NaN);
          references.push(reference);
          for (let i = start; i < start + unitCount; i++) {
            const v = x[i] ?? NaN;
            output[i] = Number.NaN;
            if (v !== v) continue;
            if (reference !== reference) reasons[i] = MissingCode.MissingInput;
            else if (v <= 0 || reference <= 0) reasons[i] = MissingCode.DomainError;
            else output[i] = (direction === 1 ? v / reference : reference / v) * scale;
          }
        }
        return { data: { references: references.map((r) => (Number.isNaN(r) ? null : r)) } };
      },
    };
  },
};
