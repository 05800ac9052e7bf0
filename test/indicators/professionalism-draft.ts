/**
 * Test helper: a whole draft of catalogue changes that adds a sixth dimension, 专业性
 * (professionalism), with two indicators on new variables, and puts it into the default framework
 * as version 1.1.0 (the same content as sixth-dimension.test.ts, as draft files).
 */
import type { DraftChange } from '../../server/domain/definition-draft.js';
import type { Registry } from '../../server/indicators/registry-types.js';

const bi = (zh: string, en: string) => ({ zh, en });
const people = bi('人', 'people');

/** community_workers as the catalogue declares it, or a fresh declaration if it has none. */
function communityWorkers(registry: Registry): Record<string, unknown> {
  for (const { definition } of registry.indicators.values()) {
    const declared = definition.inputs.properties.community_workers;
    if (declared !== undefined) return { ...declared };
  }
  return { type: 'integer', minimum: 0, unit: people, label: bi('社区专职工作者人数', 'Community workers') };
}

function indicator(
  id: string,
  name: { zh: string; en: string },
  properties: Record<string, unknown>,
  formula: string,
  fixtures: unknown[],
): Record<string, unknown> {
  return {
    kind: 'indicator',
    id,
    version: '1.0.0',
    name,
    description: bi(`${name.zh}。`, `${name.en}.`),
    dimension: 'professionalism',
    rationale: bi(
      '专业化是熊易寒提出的评价维度之一。',
      'Professionalism is one of the dimensions Xiong Yihan proposes.',
    ),
    source: [{ ref: 'seeds/004' }],
    unit: bi('%', '%'),
    direction: 'higher',
    inputs: { type: 'object', properties, required: Object.keys(properties) },
    formula,
    goalposts: {
      floor: { value: 0, justification: bi('无专业人员。', 'No professionals at all.') },
      target: { value: 60, justification: bi('多数工作者持证。', 'Most workers certified.') },
    },
    thresholds: { green: 60, yellow: 40, orange: 20 },
    weight: 1,
    applies_to: 'all',
    fixtures,
  };
}

export const PROFESSIONALISM_FILES = {
  dimension: 'professionalism/dimension.json',
  certified: 'professionalism/certified_worker_share.json',
  training: 'professionalism/training_hours_per_worker.json',
  framework: 'frameworks/default.json',
} as const;

export function professionalismDefinitions(
  registry: Registry,
): Record<keyof typeof PROFESSIONALISM_FILES, Record<string, unknown>> {
  const workers = communityWorkers(registry);
  const framework = registry.frameworks.get('default')?.definition;
  if (framework === undefined) throw new Error('the catalogue has no default framework');
  return {
    dimension: {
      kind: 'dimension',
      id: 'professionalism',
      name: bi('专业性', 'Professionalism'),
      description: bi(
        '社区工作者是否具备专业资质和持续培训。',
        'Whether community workers are qualified and keep learning.',
      ),
      weight: 0.1,
    },
    certified: indicator(
      'certified_worker_share',
      bi('持证社会工作者占比', 'Community workers holding a social-work certificate'),
      {
        certified_social_workers: {
          type: 'integer',
          minimum: 0,
          unit: people,
          label: bi('持证社会工作者人数', 'Certified social workers'),
        },
        community_workers: workers,
      },
      'certified_social_workers / community_workers * 100',
      [
        {
          name: 'six of twenty certified',
          inputs: { certified_social_workers: 6, community_workers: 20 },
          expected: 30,
        },
        {
          name: 'no workers',
          inputs: { certified_social_workers: 0, community_workers: 0 },
          expected: null,
          reason: 'division_by_zero',
        },
      ],
    ),
    training: indicator(
      'training_hours_per_worker',
      bi('人均年培训学时', 'Training hours per community worker per year'),
      {
        training_hours: {
          type: 'number',
          minimum: 0,
          unit: bi('学时', 'hours'),
          label: bi('全年培训总学时', 'Training hours in the year'),
        },
        community_workers: workers,
      },
      'community_workers > 0 ? training_hours / community_workers : 0',
      [
        {
          name: '480 hours for 20 workers',
          inputs: { training_hours: 480, community_workers: 20 },
          expected: 24,
        },
        { name: 'no workers', inputs: { training_hours: 0, community_workers: 0 }, expected: 0 },
      ],
    ),
    framework: {
      ...framework,
      version: '1.1.0',
      dimensions: [...framework.dimensions, { id: 'professionalism', weight: 0.1 }],
      indicators: [
        ...framework.indicators,
        { id: 'certified_worker_share', weight: 1 },
        { id: 'training_hours_per_worker', weight: 1 },
      ],
    },
  };
}

/** The four files of the draft, each edited by `edit` when given (to plant a problem). */
export function professionalismDraft(
  registry: Registry,
  edit: Partial<
    Record<keyof typeof PROFESSIONALISM_FILES, (definition: Record<string, unknown>) => unknown>
  > = {},
): DraftChange[] {
  const definitions = professionalismDefinitions(registry);
  return (Object.keys(PROFESSIONALISM_FILES) as (keyof typeof PROFESSIONALISM_FILES)[]).map((key) => {
    const definition = definitions[key];
    const edited = edit[key]?.(definition) ?? definition;
    return { file: PROFESSIONALISM_FILES[key], text: JSON.stringify(edited, null, 2) };
  });
}
