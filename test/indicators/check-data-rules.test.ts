import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkDataRules } from '../../server/indicators/check-data-rules.js';
import type { IndicatorDefinition } from '../../server/indicators/definitions.js';
import { compileFormula } from '../../server/indicators/formula/compile.js';
import { indicatorsDir } from '../../server/paths.js';

/** The catalogue's grid coverage indicator (rule households_in_grids <= households, range 0–100). */
function gridCoverage(): IndicatorDefinition {
  const file = path.join(indicatorsDir, 'coverage', 'grid_household_coverage.json');
  return JSON.parse(readFileSync(file, 'utf8')) as IndicatorDefinition;
}

const problemsOf = (definition: IndicatorDefinition): string[] =>
  checkDataRules(definition, compileFormula(definition.formula)).map((p) => `${p.pointer}: ${p.message}`);

describe('indicator import rules at load', () => {
  it('accepts the catalogue indicator whose fixtures show each rule at work', () => {
    expect(problemsOf(gridCoverage())).to.deep.equal([]);
  });

  it('refuses a rule over an undeclared variable', () => {
    const definition = gridCoverage();
    const rules = [{ ...definition.rules![0]!, check: 'households_in_grids <= dwellings' }];
    expect(problemsOf({ ...definition, rules })).to.deep.equal([
      '/rules/0/check: rule uses an undeclared variable',
    ]);
  });

  it('refuses a rule that is not a condition', () => {
    const definition = gridCoverage();
    const rules = [{ ...definition.rules![0]!, check: 'households_in_grids - households' }];
    expect(problemsOf({ ...definition, rules })).to.deep.equal([
      '/rules/0/check: a rule must say when a row is plausible',
    ]);
  });

  it('refuses a fixture that breaks a rule it does not name', () => {
    const definition = gridCoverage();
    const fixtures = definition.fixtures.map((f) => ({ ...f, breaches: [] }));
    expect(problemsOf({ ...definition, fixtures })).to.deep.equal([
      '/fixtures/4/breaches: the fixture breaks other rules than it says',
    ]);
  });

  it('refuses a rule no fixture breaks', () => {
    const definition = gridCoverage();
    const fixtures = definition.fixtures.filter((f) => f.breaches === undefined);
    expect(problemsOf({ ...definition, fixtures })).to.deep.equal([
      '/rules/0: no fixture shows the rule "households_in_grids <= households" at work',
      '/valid_range: no fixture shows the rule "valid_range" at work',
    ]);
  });

  it('refuses an empty valid range', () => {
    const definition = gridCoverage();
    expect(
      problemsOf({ ...definition, valid_range: { minimum: 100, maximum: 0, severity: 'error' } }),
    ).to.deep.equal(['/valid_range/maximum: valid range is empty']);
  });
});
