import { expect } from 'chai';
import { ValidationError } from '../../../server/errors.js';
import { readUncertaintySpec } from '../../../server/engine/uncertainty/spec.js';

/** The problems a bad setting raises, as "where: message". */
function problemsOf(settings: unknown): string[] {
  try {
    readUncertaintySpec(settings);
  } catch (error) {
    expect(error).to.be.instanceOf(ValidationError);
    return (error as ValidationError).details.map((p) => `${p.where ?? ''}: ${p.message}`);
  }
  expect.fail('the settings were accepted');
}

const weights = { method: 'uniform', range: 0.2 };

describe('uncertainty: settings', () => {
  it('accepts a full setting and fills in the defaults', () => {
    const spec = readUncertaintySpec({
      replications: 50,
      weights: { method: 'dirichlet', concentration: 40, parents: ['index'] },
      aggregation: [{ method: 'arithmetic' }, { method: 'geometric' }],
      treatment: true,
    });
    expect(spec).to.deep.include({ replications: 50, seed: 0, sensitivity: false, top: 10, treatment: true });
    expect(spec.weights).to.deep.equal({ method: 'dirichlet', concentration: 40, parents: ['index'] });
    expect(spec.aggregation).to.have.length(2);
  });

  it('refuses a negative weight range', () => {
    const found = problemsOf({ replications: 10, weights: { method: 'uniform', range: -0.1 } });
    expect(found).to.have.length(1);
    expect(found[0]).to.match(/^uncertainty\.weights\.range: must be a relative range from 0/);
  });

  it('refuses a range of 1 or more, which could make a weight zero or negative', () => {
    expect(problemsOf({ replications: 10, weights: { method: 'uniform', range: 1 } })[0]).to.contain(
      'weights.range',
    );
  });

  for (const concentration of [0, -2, 'high']) {
    it(`refuses a Dirichlet concentration of ${JSON.stringify(concentration)}`, () => {
      const found = problemsOf({ replications: 10, weights: { method: 'dirichlet', concentration } });
      expect(found).to.have.length(1);
      expect(found[0]).to.match(/^uncertainty\.weights\.concentration: must be a number > 0/);
    });
  }

  for (const replications of [0, -5, 2.5, undefined, '100']) {
    it(`refuses ${replications === undefined ? 'no' : JSON.stringify(replications)} replications`, () => {
      const found = problemsOf({ replications, weights });
      expect(found).to.have.length(1);
      expect(found[0]).to.match(/^uncertainty\.replications: must be a whole number from 1 to/);
    });
  }

  it('refuses a sensitivity analysis on a single sample', () => {
    expect(problemsOf({ replications: 1, sensitivity: true, weights })).to.deep.equal([
      'uncertainty.replications: a sensitivity analysis needs a base sample of at least 2',
    ]);
  });

  it('lists every problem at once: unknown method, unknown key, empty list, bad seed', () => {
    const found = problemsOf({
      replications: 10,
      seed: 1.5,
      normalisation: [{ method: 'minmax' }, { method: 'cube_root' }],
      aggregation: [],
      colour: 'red',
    });
    expect(found).to.have.length(4);
    expect(found.join('\n')).to.contain('uncertainty.seed: must be a whole number');
    expect(found.join('\n')).to.contain('uncertainty.normalisation[1].method: unknown method "cube_root"');
    expect(found.join('\n')).to.contain('uncertainty.aggregation: must be a non-empty list');
    expect(found.join('\n')).to.contain('uncertainty.colour: is not a setting');
  });

  it('refuses settings that vary nothing', () => {
    expect(problemsOf({ replications: 10 })[0]).to.contain('varies nothing');
  });

  it('refuses something that is not an object', () => {
    expect(problemsOf([1, 2])).to.deep.equal(['uncertainty: must be an object, found [1,2]']);
  });
});
