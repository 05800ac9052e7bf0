import { expect } from 'chai';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { checkFolder, loadRegistry } from '../../server/indicators/load-registry.js';
import { RegistryError } from '../../server/indicators/registry-error.js';
import { brokenDir } from './fixture-paths.js';

/** Each folder under test/fixtures/indicators/broken holds one mistake; these are its exact problems. */
const CASES: Record<
  string,
  { file: string; pointer: string; message: string; expected?: string; found?: string }[]
> = {
  'malformed-json': [
    {
      file: 'reach/grid_coverage.json',
      pointer: '',
      message: 'malformed JSON at line 87, column 15',
      expected: 'a double-quoted string',
      found: '","',
    },
  ],
  'unknown-property': [
    { file: 'reach/grid_coverage.json', pointer: '/weight', message: 'missing required property' },
    { file: 'reach/grid_coverage.json', pointer: '/weigth', message: 'unknown property', found: '"weigth"' },
  ],
  'missing-kind': [
    { file: 'reach/grid_coverage.json', pointer: '/kind', message: 'missing kind', found: 'nothing' },
  ],
  'unknown-kind': [
    {
      file: 'reach/grid_coverage.json',
      pointer: '/kind',
      message: 'unknown kind',
      expected: 'one of "indicator", "dimension", "framework", "survey"',
      found: '"indicatr"',
    },
  ],
  'duplicate-id': [
    {
      file: 'reach/workers_per_1k.json',
      pointer: '/id',
      message: 'duplicate id',
      found: '"grid_coverage", already the id of indicator reach/grid_coverage.json',
    },
  ],
  'unknown-dimension': [
    {
      file: 'reach/grid_coverage.json',
      pointer: '/dimension',
      message: 'unknown dimension',
      found: '"reech"',
    },
  ],
  'unknown-parent': [
    {
      file: 'reach/dimension.json',
      pointer: '/parent',
      message: 'unknown parent dimension',
      found: '"servce"',
    },
  ],
  'parent-cycle': [
    {
      file: 'reach/dimension.json',
      pointer: '/parent',
      message: 'cycle in dimension parents',
      found: 'reach → service → reach',
    },
    {
      file: 'service/dimension.json',
      pointer: '/parent',
      message: 'cycle in dimension parents',
      found: 'service → reach → service',
    },
  ],
  'formula-syntax': [
    {
      file: 'reach/grid_coverage.json',
      pointer: '/formula',
      message: 'formula does not compile: Unclosed (',
      found: 'the end of the formula',
    },
  ],
  'undeclared-variable': [
    {
      file: 'reach/grid_coverage.json',
      pointer: '/formula',
      message: 'formula uses an undeclared variable',
      found: '"households_in_grid"',
    },
    {
      file: 'reach/grid_coverage.json',
      pointer: '/inputs/properties/households_in_grids',
      message: 'declared variable is not used by the formula',
    },
  ],
  'required-not-declared': [
    {
      file: 'reach/grid_coverage.json',
      pointer: '/inputs/required/2',
      message: 'required variable is not declared',
      found: '"grid_workers"',
    },
  ],
  'declared-but-unused': [
    {
      file: 'reach/grid_coverage.json',
      pointer: '/inputs/properties/grid_workers',
      message: 'declared variable is not used by the formula',
    },
  ],
  'conflicting-variable': [
    {
      file: 'reach/households_per_worker.json',
      pointer: '/inputs/properties/households/type',
      message: 'variable declared with a different type by another indicator',
      expected: 'integer ≥ 0 in 户/households, as declared by grid_coverage (reach/grid_coverage.json)',
      found: 'number ≥ 0 in 户/households',
    },
  ],
  'inputs-schema': [
    {
      file: 'reach/grid_coverage.json',
      pointer: '/inputs/properties/households/unit',
      message: 'missing required property',
    },
    {
      file: 'reach/grid_coverage.json',
      pointer: '/inputs/properties/households/type',
      message: 'not an allowed value',
      expected: 'one of "number", "integer"',
      found: '"string"',
    },
  ],
  'invalid-semver': [
    {
      file: 'reach/grid_coverage.json',
      pointer: '/version',
      message: 'wrong format',
      expected: 'a semantic version such as 1.0.0',
      found: '"1.0"',
    },
  ],
  'thresholds-against-direction': [
    {
      file: 'reach/grid_coverage.json',
      pointer: '/thresholds/yellow',
      message: 'thresholds out of order for a "higher is better" indicator',
      expected: '≤ green (85)',
      found: '95',
    },
  ],
  'goalposts-equal': [
    {
      file: 'reach/grid_coverage.json',
      pointer: '/goalposts/target/value',
      message: 'goalposts are equal',
      found: '50',
    },
  ],
  'fixture-breaks-inputs': [
    {
      file: 'reach/grid_coverage.json',
      pointer: '/fixtures/0/inputs/households',
      message: 'fixture input breaks the inputs schema',
      expected: 'integer ≥ 0 in 户/households',
      found: '-300',
    },
  ],
  'fixture-null-without-reason': [
    {
      file: 'reach/grid_coverage.json',
      pointer: '/fixtures/1/reason',
      message: 'a fixture expecting null needs a reason',
    },
  ],
  'unknown-method': [
    {
      file: 'frameworks/small.json',
      pointer: '/methods/normalisation/method',
      message: 'unknown normalisation method',
      found: '"min_max"',
    },
  ],
  'bad-method-params': [
    {
      file: 'frameworks/small.json',
      pointer: '/methods/imputation/group',
      message: 'group_mean needs this parameter',
    },
    {
      file: 'frameworks/small.json',
      pointer: '/methods/treatment/winmax',
      message: 'none does not take this parameter',
    },
    {
      file: 'frameworks/small.json',
      pointer: '/methods/normalisation/range',
      message: 'the normalisation range is empty or reversed',
      expected: 'low < high',
      found: '[100, 0]',
    },
  ],
  'threshold-out-of-range': [
    {
      file: 'frameworks/small.json',
      pointer: '/methods/screening/threshold',
      message: 'out of range',
      expected: '≤ 1',
      found: '1.5',
    },
  ],
  'framework-unknown-members': [
    {
      file: 'frameworks/small.json',
      pointer: '/dimensions/1/id',
      message: 'unknown dimension',
      found: '"grid_coverage", which is an indicator',
    },
    {
      file: 'frameworks/small.json',
      pointer: '/indicators/1/id',
      message: 'unknown indicator',
      found: '"grid_coverag"',
    },
  ],
};

describe('broken definitions', () => {
  it('has a case for every folder and at least 12 distinct mistakes', async () => {
    const folders = (await readdir(brokenDir)).sort();
    expect(folders).to.deep.equal(Object.keys(CASES).sort());
    expect(folders.length).to.be.at.least(12);
  });

  for (const [name, expected] of Object.entries(CASES)) {
    it(`reports ${name} precisely`, async () => {
      const { problems, registry } = await checkFolder(path.join(brokenDir, name));
      expect(registry).to.equal(undefined);
      expect(problems.map(({ file, pointer, message }) => ({ file, pointer, message }))).to.deep.equal(
        expected.map(({ file, pointer, message }) => ({ file, pointer, message })),
      );
      expected.forEach((want, i) => {
        if (want.expected !== undefined) expect(problems[i]?.expected).to.equal(want.expected);
        if (want.found !== undefined) expect(problems[i]?.found).to.equal(want.found);
      });
    });
  }

  it('throws one RegistryError carrying every problem of a folder', async () => {
    let caught: unknown;
    try {
      await loadRegistry(path.join(brokenDir, 'bad-method-params'));
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(RegistryError);
    const error = caught as RegistryError;
    expect(error.problems).to.have.length(3);
    expect(error.message).to.include(
      'frameworks/small.json /methods/normalisation/range: the normalisation range is empty or reversed (expected low < high, found [100, 0])',
    );
  });
});
