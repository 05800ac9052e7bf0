/**
 * The starting point `indicators new <dimension> <id>` writes: a complete definition that passes
 * `indicators check` as it stands (a share of two counts, with fixtures for half, a zero
 * denominator and a missing input), whose texts tell the researcher what to write in each field.
 * Its variables are prefixed with the id, so they clash with no existing declaration.
 *
 * @example scaffoldIndicator('coverage', 'elder_visits').formula === 'elder_visits_numerator / elder_visits_denominator * 100'
 */
import type { IndicatorDefinition } from './definitions.js';

export function scaffoldIndicator(dimension: string, id: string): IndicatorDefinition {
  const numerator = `${id}_numerator`;
  const denominator = `${id}_denominator`;
  const count = { zh: '个', en: 'items' };
  return {
    kind: 'indicator',
    id,
    version: '0.1.0',
    name: { zh: `新指标 ${id}`, en: `New indicator ${id}` },
    description: {
      zh: '写明这个指标衡量什么、由谁报告、如何计算。',
      en: 'Say what this indicator measures, who reports it and how it is computed.',
    },
    dimension,
    rationale: {
      zh: '写明它为什么属于这个维度，以及下限、目标和红绿灯分界的依据。',
      en: 'Say why it belongs to this dimension and where its floor, target and thresholds come from.',
    },
    source: [
      {
        ref: 'seeds/004',
        note: {
          zh: '换成支持这个指标的种子文献（seeds/000…004）或已发表标准的全称。',
          en: 'Replace with the seed text (seeds/000…004) or the full name of the published standard behind it.',
        },
      },
    ],
    unit: { zh: '%', en: '%' },
    direction: 'higher',
    inputs: {
      type: 'object',
      properties: {
        [numerator]: {
          type: 'integer',
          minimum: 0,
          unit: count,
          label: { zh: '分子：符合条件的数量', en: 'Numerator: how many meet the condition' },
        },
        [denominator]: {
          type: 'integer',
          minimum: 0,
          unit: count,
          label: { zh: '分母：总数', en: 'Denominator: how many in all' },
        },
      },
      required: [numerator, denominator],
    },
    formula: `${numerator} / ${denominator} * 100`,
    goalposts: {
      floor: { value: 0, justification: { zh: '写明下限的依据。', en: 'Say why this is the floor.' } },
      target: { value: 100, justification: { zh: '写明目标的依据。', en: 'Say why this is the target.' } },
    },
    thresholds: { green: 90, yellow: 75, orange: 50 },
    weight: 1,
    applies_to: 'all',
    fixtures: [
      { name: 'half meet the condition', inputs: { [numerator]: 5, [denominator]: 10 }, expected: 50 },
      {
        name: 'zero denominator: missing, not infinite',
        inputs: { [numerator]: 0, [denominator]: 0 },
        expected: null,
        reason: 'division_by_zero',
      },
      { name: 'missing numerator', inputs: { [denominator]: 10 }, expected: null, reason: 'missing_input' },
    ],
  };
}
