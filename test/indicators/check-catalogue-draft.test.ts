import { expect } from 'chai';
import { checkCatalogueDraft } from '../../server/indicators/check-catalogue-draft.js';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import type { Problem } from '../../server/indicators/problem.js';
import type { Registry } from '../../server/indicators/registry-types.js';
import { indicatorsDir } from '../../server/paths.js';
import { PROFESSIONALISM_FILES, professionalismDraft } from './professionalism-draft.js';

const where = (problems: readonly Problem[]): string[] =>
  problems.map((problem) => `${problem.file} ${problem.pointer}: ${problem.message}`);

describe('checking a whole draft of catalogue changes', () => {
  let registry: Registry;

  before(async () => {
    registry = await loadRegistry(indicatorsDir);
  });

  it('passes a new dimension with two indicators and the revised framework, every fixture run', () => {
    const check = checkCatalogueDraft(registry, professionalismDraft(registry));
    expect(where(check.problems)).to.deep.equal([]);
    expect(
      check.fixtures.map((fixture) => `${fixture.indicator}: ${fixture.name} ${fixture.ok}`),
    ).to.deep.equal([
      'certified_worker_share: six of twenty certified true',
      'certified_worker_share: no workers true',
      'training_hours_per_worker: 480 hours for 20 workers true',
      'training_hours_per_worker: no workers true',
    ]);
    const framework = check.registry?.resolveFramework('default');
    expect(framework?.definition.version).to.equal('1.1.0');
    expect(framework?.dimensions.map((dimension) => dimension.id)).to.include('professionalism');
  });

  it('finds schema and cross-check problems in one pass, so fixing the schema ones reveals nothing new', () => {
    const broken = {
      dimension: (d: Record<string, unknown>) => ({ ...d, weight: 'heavy' }),
      certified: (d: Record<string, unknown>) => ({
        ...d,
        unit: 5,
        formula: 'certified_social_workers / staff * 100',
      }),
      framework: (d: Record<string, unknown>) => ({
        ...d,
        version: '1.1',
        indicators: [...(d.indicators as unknown[]), { id: 'no_such_indicator', weight: 1 }],
      }),
    };
    const first = where(checkCatalogueDraft(registry, professionalismDraft(registry, broken)).problems);
    expect(first).to.include.members([
      `${PROFESSIONALISM_FILES.dimension} /weight: wrong type`,
      `${PROFESSIONALISM_FILES.certified} /unit: wrong type`,
      `${PROFESSIONALISM_FILES.certified} /formula: formula uses an undeclared variable`,
      `${PROFESSIONALISM_FILES.framework} /indicators/35/id: unknown indicator`,
    ]);
    const schemaFixed = {
      certified: (d: Record<string, unknown>) => ({
        ...d,
        formula: 'certified_social_workers / staff * 100',
      }),
      framework: (d: Record<string, unknown>) => ({
        ...d,
        indicators: [...(d.indicators as unknown[]), { id: 'no_such_indicator', weight: 1 }],
      }),
    };
    const second = where(checkCatalogueDraft(registry, professionalismDraft(registry, schemaFixed)).problems);
    const schemaOnes = [
      `${PROFESSIONALISM_FILES.framework} /version: wrong format`,
      `${PROFESSIONALISM_FILES.certified} /unit: wrong type`,
      `${PROFESSIONALISM_FILES.dimension} /weight: wrong type`,
    ];
    expect(first).to.include.members(schemaOnes);
    expect(second).to.deep.equal(first.filter((line) => !schemaOnes.includes(line)));
  });

  it('asks a revised framework for a higher version', () => {
    const changes = professionalismDraft(registry, {
      framework: (d) => ({ ...d, version: registry.frameworks.get('default')?.definition.version }),
    });
    const problems = checkCatalogueDraft(registry, changes).problems;
    expect(where(problems)).to.deep.equal([
      `${PROFESSIONALISM_FILES.framework} /version: a revised definition needs a higher version`,
    ]);
  });

  it('reports a framework that still lists an indicator the draft removes', () => {
    const file = registry.indicators.get('digital_group_reach')?.file ?? '';
    const problems = checkCatalogueDraft(registry, [{ file, text: null }]).problems;
    expect(
      where(problems).some((line) =>
        /^frameworks\/default\.json \/indicators\/\d+\/id: unknown indicator$/.test(line),
      ),
    ).to.equal(true);
  });
});
