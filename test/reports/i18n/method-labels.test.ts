import { expect } from 'chai';
import { METHODS, stageDeclarations, type Stage } from '../../../server/engine/method-names.js';
import { labelOf } from '../../../server/reports/i18n/labels.js';

describe('method labels', () => {
  it("label every declared method in both languages with the method's own declaration", () => {
    for (const stage of Object.keys(METHODS) as Stage[]) {
      for (const declaration of stageDeclarations(stage)) {
        expect(labelOf('zh', `m_${stage}`, declaration.name)).to.equal(declaration.label.zh);
        expect(labelOf('en', `m_${stage}`, declaration.name)).to.equal(declaration.label.en);
        expect(labelOf('en', `mx_${stage}`, declaration.name)).to.equal(declaration.explain.en);
      }
    }
  });

  it('keep the labels the reports have always shown (熵权法 for entropy weighting)', () => {
    expect(labelOf('zh', 'm_weighting', 'entropy')).to.equal('熵权法');
    expect(labelOf('en', 'm_normalisation', 'minmax')).to.equal('min–max');
  });
});
