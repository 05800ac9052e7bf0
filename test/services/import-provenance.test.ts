import { expect } from 'chai';
import { ValidationError } from '../../server/errors.js';
import { provenanceOf } from '../../server/services/import-provenance.js';

describe('an import’s provenance as the doors send it', () => {
  it('takes a known source and a correction with its reason', () => {
    expect(provenanceOf({ source: 'street', corrects: 'imp_1', reason: ' typo ' })).to.deep.equal({
      source: 'street',
      corrects: 'imp_1',
      correctionReason: 'typo',
    });
    expect(provenanceOf({ source: '' })).to.deep.equal({});
  });

  it('refuses an unknown source, naming the field it came in', () => {
    let error: unknown;
    try {
      provenanceOf({ source: 'rumour', fieldPrefix: 'query.' });
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(ValidationError);
    expect((error as ValidationError).details.map((d) => d.where)).to.deep.equal(['query.source']);
  });

  it('refuses a correction without its reason', () => {
    let error: unknown;
    try {
      provenanceOf({ corrects: 'imp_1', fieldPrefix: '--' });
    } catch (caught) {
      error = caught;
    }
    expect((error as ValidationError).details.map((d) => d.where)).to.deep.equal(['--reason']);
  });
});
