/**
 * Test helper: a complete, valid indicator draft that the catalogue does not have yet (its own
 * variables, dimension coverage, two hand-computed fixtures), and a way to vary it.
 */
export type DraftIndicator = Record<string, unknown>;

const text = (zh: string, en: string) => ({ zh, en });

export function draftIndicator(changes: DraftIndicator = {}): DraftIndicator {
  return {
    kind: 'indicator',
    id: 'elders_alone_visited',
    version: '1.0.0',
    name: text('独居老人走访率', 'Elders living alone who were visited'),
    description: text(
      '本期至少被走访一次的独居老人占独居老人总数的百分比。',
      'Share of elders living alone who were visited at least once in the period.',
    ),
    dimension: 'coverage',
    rationale: text(
      '走访独居老人是社区把服务送到最需要的人身边的直接证据。',
      'Visiting elders who live alone is direct evidence that the community reaches those most in need.',
    ),
    source: [{ ref: 'seeds/001' }],
    unit: text('%', '%'),
    direction: 'higher',
    inputs: {
      type: 'object',
      properties: {
        alone_elders_visited: {
          type: 'integer',
          minimum: 0,
          unit: text('人', 'persons'),
          label: text('本期被走访的独居老人数', 'Elders living alone visited in the period'),
        },
        alone_elders: {
          type: 'integer',
          minimum: 0,
          unit: text('人', 'persons'),
          label: text('独居老人数', 'Elders living alone'),
        },
      },
      required: ['alone_elders_visited', 'alone_elders'],
    },
    formula: 'alone_elders_visited / alone_elders * 100',
    goalposts: {
      floor: { value: 50, justification: text('一半没有走访即为失职。', 'Half not visited is a failure.') },
      target: { value: 100, justification: text('每位独居老人都应被走访。', 'Every elder living alone.') },
    },
    thresholds: { green: 95, yellow: 85, orange: 70 },
    weight: 1,
    applies_to: 'all',
    fixtures: [
      {
        name: '30 of 40 visited → 30 / 40 × 100 = 75',
        inputs: { alone_elders_visited: 30, alone_elders: 40 },
        expected: 75,
      },
      {
        name: 'no elders living alone → missing (division by zero)',
        inputs: { alone_elders_visited: 0, alone_elders: 0 },
        expected: null,
        reason: 'division_by_zero',
      },
    ],
    ...changes,
  };
}
