/**
 * The results' survey section: estimates per indicator, level, unit and period, the respondents of
 * a street's communities pooled, a community below the minimum sample missing with its reason.
 */
import { expect } from 'chai';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import type { ResolvedSurvey } from '../../server/indicators/registry-types.js';
import { indicatorsDir } from '../../server/paths.js';
import type { ResponseRow } from '../../server/domain/response.js';
import type { Unit } from '../../server/store/models/unit.js';
import { surveysDocument } from '../../server/evaluation/surveys-document.js';

const unit = (code: string, level: Unit['level'], parent: string | null): Unit => ({
  code,
  name: { zh: code, en: code },
  level,
  parent,
  attributes: {},
});

const register = [unit('S', 'street', null), unit('A', 'community', 'S'), unit('B', 'community', 'S')];

/** `count` respondents of `unit` answering `value` to satisfaction. */
const many = (unitCode: string, count: number, value: number): ResponseRow[] =>
  Array.from({ length: count }, () => ({
    unit: unitCode,
    period: '2025',
    answers: { satisfaction: value },
    weight: 1,
  }));

describe('survey section of the results', () => {
  let surveys: readonly ResolvedSurvey[];
  before(async () => {
    surveys = (await loadRegistry(indicatorsDir)).resolveFramework('default').surveys;
  });

  it('lays out each indicator per level, unit and period, pooling the street and withholding a small community', () => {
    // A: 30 respondents, 24 answering 5 and 6 answering 2 → share satisfied 24/30 = 0.8;
    // B: 10 respondents answering 4 → below the minimum of 30: missing;
    // the street pools all 40: (24 + 10) / 40 = 0.85 (the mean of 0.8 and 1 would be 0.9).
    const respondents = [...many('A', 24, 5), ...many('A', 6, 2), ...many('B', 10, 4)];
    const doc = surveysDocument(surveys, register, [{ id: '2025', respondents }], 'fp');
    const share = doc?.indicators.find((i) => i.id === 'satisfaction_share');
    expect(share?.minSample).to.equal(30);
    expect(share?.levels.community?.units).to.deep.equal(['A', 'B']);
    expect(share?.levels.community?.estimate).to.deep.equal([0.8, null]);
    expect(share?.levels.community?.missing).to.deep.equal([null, 'sample_too_small']);
    expect(share?.levels.community?.n).to.deep.equal([30, 10]);
    expect(share?.levels.street?.estimate).to.deep.equal([0.85]);
    expect(share?.levels.street?.n).to.deep.equal([40]);
    expect(share?.levels.district).to.equal(undefined);
    // The mean of A: (24·5 + 6·2) / 30 = 132 / 30 = 4.4.
    const mean = doc?.indicators.find((i) => i.id === 'satisfaction_mean');
    expect(mean?.levels.community?.estimate[0]).to.be.closeTo(4.4, 1e-12);
    // Nobody answered the sense-of-gain item: missing everywhere, n = 0.
    const gain = doc?.indicators.find((i) => i.id === 'gain_share');
    expect(gain?.levels.street?.n).to.deep.equal([0]);
    expect(gain?.levels.street?.missing).to.deep.equal(['sample_too_small']);
  });

  it('is absent when the framework reports no survey indicators', () => {
    expect(surveysDocument([], register, [], 'fp')).to.equal(undefined);
  });
});
