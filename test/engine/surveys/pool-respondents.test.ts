import { expect } from 'chai';
import { surveyByUnit, type SurveyUnit } from '../../../server/engine/surveys/pool-respondents.js';

const tree: SurveyUnit[] = [
  { code: 'C', parent: null, level: 'city' },
  { code: 'S', parent: 'C', level: 'street' },
  { code: 'A', parent: 'S', level: 'community' },
  { code: 'B', parent: 'S', level: 'community' },
  { code: 'E', parent: 'S', level: 'community' },
];

const answer = (unit: string, value: number, weight = 1) => ({ unit, value, weight });

describe('survey estimates up the unit tree', () => {
  const respondents = [
    answer('A', 5),
    answer('A', 5),
    answer('A', 1),
    answer('B', 4),
    answer('B', 2),
    answer('B', Number.NaN), // skipped the item: not a respondent to it
  ];

  it('pools the communities’ respondents for a street instead of averaging their estimates', () => {
    // A: 2 of 3 satisfied (0.667), B: 1 of 2 (0.5); the average of the two would be 0.583,
    // the pooled share is 3 of 5 = 0.6.
    const byUnit = surveyByUnit(respondents, tree, { share_at_least: 4 }, 1);
    expect(byUnit.get('A')?.estimate).to.be.closeTo(2 / 3, 1e-12);
    expect(byUnit.get('B')?.estimate).to.equal(0.5);
    expect(byUnit.get('S')?.estimate).to.equal(0.6);
    expect(byUnit.get('S')?.n).to.equal(5);
    expect(byUnit.get('C')?.estimate).to.equal(0.6);
  });

  it('pools weights too: the street’s mean is the weighted mean of every respondent below it', () => {
    // A: 5 (w 2), 1 (w 2); B: 4 (w 1) → Σwx = 10 + 2 + 4 = 16, Σw = 5, mean 3.2;
    // n_eff = 25 / (4 + 4 + 1) = 2.7778.
    const weighted = [answer('A', 5, 2), answer('A', 1, 2), answer('B', 4, 1)];
    const street = surveyByUnit(weighted, tree, 'mean', 1).get('S');
    expect(street?.estimate).to.be.closeTo(3.2, 1e-12);
    expect(street?.nEffective).to.be.closeTo(25 / 9, 1e-12);
  });

  it('marks a unit without enough respondents sample_too_small, while its street has enough', () => {
    const byUnit = surveyByUnit(respondents, tree, { share_at_least: 4 }, 3);
    expect(byUnit.get('B')?.missing).to.equal('sample_too_small');
    expect(byUnit.get('E')).to.include({ n: 0, estimate: null, missing: 'sample_too_small' });
    expect(byUnit.get('S')?.missing).to.equal(null);
  });
});
