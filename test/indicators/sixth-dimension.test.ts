import { expect } from 'chai';
import { checkFolder, loadRegistry } from '../../server/indicators/load-registry.js';
import { formatProblem } from '../../server/indicators/problem.js';
import { fixtureProblems } from '../../server/indicators/run-fixtures.js';
import { templateCsv } from '../../server/indicators/template/template-csv.js';
import { variableFromHeader } from '../../server/indicators/template/template-header.js';
import { indicatorsDir } from '../../server/paths.js';
import { runPipeline } from '../../server/engine/pipeline.js';
import { engineChoices, toEngineInput } from '../../server/indicators/to-engine-input.js';
import { copyFolder, type TempFolder } from './temp-folder.js';

const bi = (zh: string, en: string) => ({ zh, en });
const people = bi('人', 'people');

/** A declaration of community_workers that agrees with the catalogue's, or a fresh one if it has none. */
async function communityWorkers(folder: TempFolder): Promise<Record<string, unknown>> {
  const registry = await loadRegistry(folder.dir);
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
) {
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

describe('a sixth dimension added as files only', () => {
  let folder: TempFolder;

  before(async () => {
    folder = await copyFolder(indicatorsDir);
    const workers = await communityWorkers(folder);
    await folder.writeJson('professionalism/dimension.json', {
      kind: 'dimension',
      id: 'professionalism',
      name: bi('专业性', 'Professionalism'),
      description: bi(
        '社区工作者是否具备专业资质和持续培训。',
        'Whether community workers are qualified and keep learning.',
      ),
      weight: 0.1,
    });
    await folder.writeJson(
      'professionalism/certified_worker_share.json',
      indicator(
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
    );
    await folder.writeJson(
      'professionalism/training_hours_per_worker.json',
      indicator(
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
    );
    const framework = await folder.readJson('frameworks/default.json');
    await folder.writeJson('frameworks/default.json', {
      ...framework,
      dimensions: [...(framework.dimensions as unknown[]), { id: 'professionalism', weight: 0.1 }],
      indicators: [
        ...(framework.indicators as unknown[]),
        { id: 'certified_worker_share', weight: 1 },
        { id: 'training_hours_per_worker', weight: 1 },
      ],
    });
  });

  after(async () => {
    await folder.remove();
  });

  it('passes the check, fixtures included', async () => {
    const { problems, indicators } = await checkFolder(folder.dir);
    const fixtures = [...indicators.values()].flatMap(fixtureProblems);
    expect([...problems, ...fixtures].map(formatProblem)).to.deep.equal([]);
  });

  it('appears in the resolved default framework under the root, with its two indicators', async () => {
    const framework = (await loadRegistry(folder.dir)).resolveFramework('default');
    const dimension = framework.dimensions.find((d) => d.id === 'professionalism');
    expect(dimension).to.deep.include({ parentId: framework.root.id, depth: 1, weight: 0.1 });
    const added = framework.indicators.filter((i) => i.parentId === 'professionalism').map((i) => i.id);
    expect(added).to.deep.equal(['certified_worker_share', 'training_hours_per_worker']);
  });

  it('adds its new variables to the framework and shares community_workers', async () => {
    const framework = (await loadRegistry(folder.dir)).resolveFramework('default');
    const names = framework.variables.map((v) => v.name);
    expect(names).to.include.members(['certified_social_workers', 'training_hours', 'community_workers']);
    expect(names.filter((name) => name === 'community_workers')).to.have.length(1);
    const workers = framework.variables.find((v) => v.name === 'community_workers')!;
    expect(workers.usedBy).to.include.members(['certified_worker_share', 'training_hours_per_worker']);
  });

  it('puts its variables in the data template', async () => {
    const framework = (await loadRegistry(folder.dir)).resolveFramework('default');
    const header = templateCsv(framework).split('\r\n')[0]!.split(',').map(variableFromHeader);
    expect(header).to.include.members(['certified_social_workers', 'training_hours']);
    expect(header.filter((name) => name === 'community_workers')).to.have.length(1);
  });

  it('is scored by the engine with no code change', async () => {
    const framework = (await loadRegistry(folder.dir)).resolveFramework('default');
    const column = (...values: number[]): Float64Array => Float64Array.from(values);
    const variables = new Map([
      ['certified_social_workers', column(6, 12, 3)],
      ['community_workers', column(20, 20, 20)],
      ['training_hours', column(480, 200, 800)],
    ]);
    const input = toEngineInput(framework, { codes: ['A', 'B', 'C'] }, [{ id: '2025', variables }]);
    const result = runPipeline(input, { ...engineChoices(framework), treatment: { method: 'none' } });
    // Shares 30, 60, 15 % → min-max 33.3, 100, 0; hours per worker 24, 10, 40 → 46.7, 0, 100;
    // professionalism = the mean of the two: 40, 50, 50.
    const share = [100 * (15 / 45), 100, 0];
    const hours = [100 * (14 / 30), 0, 100];
    const expected = share.map((s, i) => (s + hours[i]!) / 2);
    const scores = Array.from(result.scores.values.get('professionalism')!);
    scores.forEach((score, i) => expect(score).to.be.closeTo(expected[i]!, 1e-9));
  });
});
