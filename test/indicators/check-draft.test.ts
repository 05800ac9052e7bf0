import { expect } from 'chai';
import { checkIndicatorDraft, checkIndicatorDraftText } from '../../server/indicators/check-draft.js';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import type { Registry } from '../../server/indicators/registry-types.js';
import { indicatorsDir } from '../../server/paths.js';
import { draftIndicator } from './draft-indicator.js';

describe('checking an indicator draft against the catalogue', () => {
  let registry: Registry;

  before(async () => {
    registry = await loadRegistry(indicatorsDir);
  });

  /** A copy of a catalogue indicator, editable. */
  function catalogued(id: string): Record<string, unknown> {
    return JSON.parse(JSON.stringify(registry.indicators.get(id)!.definition)) as Record<string, unknown>;
  }

  it('accepts a valid new indicator and runs each of its fixtures', () => {
    const result = checkIndicatorDraft(registry, draftIndicator());
    expect(result.problems).to.deep.equal([]);
    expect(result.ok).to.equal(true);
    expect(result.revises).to.equal(undefined);
    expect(result.fixtures).to.deep.equal([
      {
        name: '30 of 40 visited → 30 / 40 × 100 = 75',
        expected: { value: 75 },
        computed: { value: 75 },
        ok: true,
      },
      {
        name: 'no elders living alone → missing (division by zero)',
        expected: { value: null, reason: 'division_by_zero' },
        computed: { value: null, reason: 'division_by_zero' },
        ok: true,
      },
    ]);
  });

  it('names each problem of a broken draft by its JSON pointer', () => {
    const draft = draftIndicator({
      dimension: 'happiness',
      formula: 'alone_elders_visited / alone_elders * 100 + bonus',
    });
    (draft.fixtures as { expected: number | null }[])[0]!.expected = 80;
    const result = checkIndicatorDraft(registry, draft);
    expect(result.ok).to.equal(false);
    const where = result.problems.map((p) => `${p.where}: ${p.message}`);
    expect(where).to.include('/dimension: unknown dimension');
    expect(where).to.include('/formula: formula uses an undeclared variable');
    // bonus is no input of the fixture, so the formula gives a missing value, not 80.
    expect(where).to.include('/fixtures/0/expected: fixture "30 of 40 visited → 30 / 40 × 100 = 75" fails');
    expect(result.problems.find((p) => p.where === '/formula')?.found).to.equal('"bonus"');
  });

  it('reports a wrong fixture with expected and computed values', () => {
    const draft = draftIndicator();
    const fixtures = draft.fixtures as { expected: number | null }[];
    fixtures[0]!.expected = 80;
    const result = checkIndicatorDraft(registry, draft);
    expect(result.ok).to.equal(false);
    expect(result.problems).to.have.length(1);
    expect(result.problems[0]).to.include({ where: '/fixtures/0/expected', expected: '80', found: '75' });
    expect(result.fixtures[0]).to.deep.include({
      expected: { value: 80 },
      computed: { value: 75 },
      ok: false,
    });
    expect(result.fixtures[1]?.ok).to.equal(true);
  });

  it('reports schema problems with their pointer', () => {
    const result = checkIndicatorDraft(registry, draftIndicator({ weight: -1, colour: 'red' }));
    const pointers = result.problems.map((p) => p.where);
    expect(pointers).to.include('/weight');
    expect(result.problems.some((p) => p.message.includes('colour') || p.found.includes('colour'))).to.equal(
      true,
    );
    expect(result.fixtures).to.deep.equal([]);
  });

  it('refuses thresholds that run against the direction', () => {
    const result = checkIndicatorDraft(
      registry,
      draftIndicator({ thresholds: { green: 70, yellow: 85, orange: 95 } }),
    );
    expect(result.ok).to.equal(false);
    expect(result.problems.map((p) => p.where).some((w) => w.startsWith('/thresholds'))).to.equal(true);
  });

  it('refuses a variable the catalogue declares with another type', () => {
    const draft = draftIndicator();
    const inputs = draft.inputs as { properties: Record<string, unknown>; required: string[] };
    inputs.properties.households = {
      type: 'number',
      minimum: 0,
      unit: { zh: '户', en: 'households' },
      label: { zh: '常住户数', en: 'Resident households' },
    };
    inputs.required.push('households');
    const result = checkIndicatorDraft(registry, {
      ...draft,
      formula: 'alone_elders_visited / alone_elders * 100 + households * 0',
    });
    const conflict = result.problems.find((p) => p.where === '/inputs/properties/households/type');
    expect(conflict?.message).to.equal('variable declared with a different type by another indicator');
  });

  it('refuses an existing id whose version is not higher than the catalogue’s', () => {
    const lower = checkIndicatorDraft(registry, {
      ...catalogued('grid_household_coverage'),
      version: '0.9.0',
    });
    expect(lower.ok).to.equal(false);
    expect(lower.revises).to.equal(undefined);
    expect(lower.problems[0]).to.include({ where: '/version', found: '"0.9.0"' });
    expect(lower.problems[0]?.message).to.match(/^duplicate id/);
    expect(lower.problems[0]?.expected).to.include('above 1.0.1');
    const same = checkIndicatorDraft(registry, catalogued('grid_household_coverage'));
    expect(same.problems.map((p) => p.where)).to.deep.equal(['/version']);
  });

  it('allows a revision with a higher version and says which indicator it revises', () => {
    const result = checkIndicatorDraft(registry, {
      ...catalogued('grid_household_coverage'),
      version: '1.1.0',
    });
    expect(result.problems).to.deep.equal([]);
    expect(result.ok).to.equal(true);
    expect(result.revises).to.deep.equal({
      id: 'grid_household_coverage',
      version: '1.0.1',
      file: 'coverage/grid_household_coverage.json',
    });
    expect(result.fixtures.every((f) => f.ok)).to.equal(true);
  });

  it('refuses the id of a dimension as a duplicate id', () => {
    const result = checkIndicatorDraft(registry, draftIndicator({ id: 'coverage' }));
    expect(result.problems.map((p) => `${p.where}: ${p.message}`)).to.include('/id: duplicate id');
  });

  it('says where malformed JSON text breaks, and refuses other kinds of definition', () => {
    const malformed = checkIndicatorDraftText(registry, '{\n  "kind": "indicator",\n}');
    expect(malformed.ok).to.equal(false);
    expect(malformed.problems[0]?.message).to.equal('malformed JSON at line 3, column 1');
    const dimension = checkIndicatorDraft(registry, { kind: 'dimension', id: 'x' });
    expect(dimension.problems).to.deep.equal([
      {
        where: '/kind',
        message: 'only an indicator can be checked here',
        expected: '"indicator"',
        found: '"dimension"',
      },
    ]);
    expect(checkIndicatorDraft(registry, undefined).problems[0]?.message).to.equal('not a definition');
  });
});
