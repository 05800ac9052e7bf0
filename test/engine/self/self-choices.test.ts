/**
 * The method choices of a self-evaluation: always goalposts; the framework's other choices kept
 * unless they read other units' data (data-driven weights, all-unit aggregations) or bend one
 * unit's own history (outlier treatment), each change named by a note.
 */
import { expect } from 'chai';
import { selfChoices } from '../../../server/engine/self/self-choices.js';

describe('self-evaluation method choices', () => {
  it('normalises by goalposts whatever the framework chose', () => {
    const { choices, notes } = selfChoices({ normalisation: { method: 'minmax', range: [0, 100] } });
    expect(choices.normalisation).to.deep.equal({ method: 'goalposts', range: [0, 100] });
    expect(notes).to.deep.equal(['normalisation_goalposts']);
  });

  it('keeps fixed weights, a row-local aggregation, imputation and screening', () => {
    const framework = {
      imputation: { method: 'last_period' },
      screening: { method: 'by_availability', threshold: 0.5, action: 'flag' },
      weighting: { method: 'equal' },
      aggregation: { method: 'geometric' },
    };
    const { choices, notes } = selfChoices(framework);
    expect(choices).to.deep.include(framework);
    expect(notes).to.deep.equal(['normalisation_goalposts']);
  });

  it('replaces data-driven weights, outlier treatment and an all-unit aggregation, saying so', () => {
    const { choices, notes } = selfChoices({
      treatment: { method: 'winsorise_log' },
      weighting: { method: 'entropy' },
      aggregation: { method: 'topsis' },
    });
    expect(choices).to.deep.include({
      treatment: { method: 'none' },
      weighting: { method: 'framework' },
      aggregation: { method: 'arithmetic' },
    });
    expect(notes).to.deep.equal([
      'normalisation_goalposts',
      'treatment_none',
      'weighting_framework',
      'aggregation_arithmetic',
    ]);
  });
});
