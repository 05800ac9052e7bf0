import { expect } from 'chai';
import { NotFoundError } from '../../server/errors.js';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import type { Registry } from '../../server/indicators/registry-types.js';
import { goodDir } from './fixture-paths.js';

describe('indicator registry', () => {
  let registry: Registry;

  before(async () => {
    registry = await loadRegistry(goodDir);
  });

  it('loads every definition under the folder, at any depth', () => {
    expect([...registry.indicators.keys()].sort()).to.deep.equal([
      'grid_coverage',
      'resolution_rate',
      'response_days',
      'workers_per_1k',
    ]);
    expect([...registry.dimensions.keys()].sort()).to.deep.equal(['reach', 'service', 'voice']);
    expect([...registry.frameworks.keys()]).to.deep.equal(['small']);
    expect(registry.indicators.get('grid_coverage')?.file).to.equal('service/reach/grid_coverage.json');
  });

  it('freezes every definition', () => {
    const definition = registry.indicators.get('grid_coverage')!.definition;
    expect(Object.isFrozen(definition)).to.be.true;
    expect(Object.isFrozen(definition.inputs.properties.households)).to.be.true;
    expect(() => {
      (definition as { weight: number }).weight = 2;
    }).to.throw(TypeError);
  });

  it('compiles each formula once, ready to evaluate', () => {
    const formula = registry.indicators.get('workers_per_1k')!.formula;
    expect(formula.evaluate({ community_workers: 12, resident_population: 8000 })).to.deep.equal({
      ok: true,
      value: 1.5,
    });
  });

  describe('a resolved framework', () => {
    it('lists its dimensions parents first, with depth, parent and the framework weights', () => {
      const framework = registry.resolveFramework('small');
      expect(framework.root.id).to.equal('index');
      expect(
        framework.dimensions.map(({ id, parentId, depth, weight }) => ({ id, parentId, depth, weight })),
      ).to.deep.equal([
        { id: 'service', parentId: 'index', depth: 1, weight: 0.6 },
        { id: 'reach', parentId: 'service', depth: 2, weight: 1 },
        { id: 'voice', parentId: 'index', depth: 1, weight: 0.4 },
      ]);
    });

    it("lists its indicators in order, weighted by the framework rather than the definition's default", () => {
      const framework = registry.resolveFramework('small');
      expect(
        framework.indicators.map(({ id, parentId, depth, weight }) => ({ id, parentId, depth, weight })),
      ).to.deep.equal([
        { id: 'grid_coverage', parentId: 'reach', depth: 3, weight: 2 },
        { id: 'workers_per_1k', parentId: 'reach', depth: 3, weight: 1 },
        { id: 'resolution_rate', parentId: 'voice', depth: 2, weight: 1 },
        { id: 'response_days', parentId: 'voice', depth: 2, weight: 1 },
      ]);
      expect(framework.indicators[0]?.definition.weight).to.equal(1);
    });

    it('merges the variables of its indicators in order of first use, with who uses each', () => {
      const framework = registry.resolveFramework('small');
      expect(framework.variables.map((v) => v.name)).to.deep.equal([
        'households_in_grids',
        'households',
        'community_workers',
        'resident_population',
        'requests_resolved',
        'requests_received',
        'median_resolution_days',
      ]);
      const households = framework.variables[1]!;
      expect(households).to.deep.include({ type: 'integer', minimum: 0, usedBy: ['grid_coverage'] });
      expect(households.unit).to.deep.equal({ zh: '户', en: 'households' });
    });

    it('validates a record: types and bounds enforced, every variable optional, null allowed', () => {
      const { validateRecord } = registry.resolveFramework('small');
      expect(validateRecord({})).to.deep.equal({ ok: true });
      expect(
        validateRecord({ households: 300, households_in_grids: null, median_resolution_days: 2.5 }),
      ).to.deep.equal({
        ok: true,
      });
      const negative = validateRecord({ households: -1 });
      expect(negative.ok).to.be.false;
      if (!negative.ok)
        expect(negative.problems[0]).to.deep.include({
          pointer: '/households',
          expected: '≥ 0',
          found: '-1',
        });
    });

    it('refuses a fractional count and an unknown variable in a record', () => {
      const { validateRecord } = registry.resolveFramework('small');
      const fractional = validateRecord({ households: 2.5 });
      expect(fractional.ok).to.be.false;
      if (!fractional.ok)
        expect(fractional.problems[0]).to.deep.include({ pointer: '/households', message: 'wrong type' });
      const unknown = validateRecord({ househods: 3 });
      expect(unknown.ok).to.be.false;
      if (!unknown.ok)
        expect(unknown.problems[0]).to.deep.include({ pointer: '/househods', message: 'unknown property' });
    });

    it('carries the method choices as the framework wrote them', () => {
      const { methods } = registry.resolveFramework('small');
      expect(methods.normalisation).to.deep.equal({ method: 'minmax', range: [0, 100] });
      expect(methods.screening).to.deep.equal({ method: 'by_availability', threshold: 0.66, action: 'flag' });
    });

    it('is resolved once: the same object every time', () => {
      expect(registry.resolveFramework('small')).to.equal(registry.resolveFramework('small'));
    });
  });

  it('refuses an unknown framework with a NotFoundError naming the known ones', () => {
    expect(() => registry.resolveFramework('nope')).to.throw(
      NotFoundError,
      'no framework "nope"; known: small',
    );
  });
});
