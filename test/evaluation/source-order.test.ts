import { expect } from 'chai';
import { ValidationError } from '../../server/errors.js';
import { resolveSourceOrder } from '../../server/evaluation/source-order.js';
import { storedChoices } from '../../server/evaluation/stored-choices.js';

describe('the sources an evaluation counts', () => {
  it('prefers a third party, then the street, then the community when none are named', () => {
    expect(resolveSourceOrder(undefined)).to.deep.equal(['third_party', 'street', 'self']);
  });

  it('keeps the order it is given', () => {
    expect(resolveSourceOrder(['street', 'self'])).to.deep.equal(['street', 'self']);
  });

  it('refuses an unknown or repeated source, naming its place', () => {
    for (const bad of [['self', 'rumour'], ['self', 'self'], []]) {
      let error: unknown;
      try {
        resolveSourceOrder(bad);
      } catch (caught) {
        error = caught;
      }
      expect(error, JSON.stringify(bad)).to.be.instanceOf(ValidationError);
    }
  });

  it('is read back from the stored choices, so a new version counts the same sources', () => {
    expect(storedChoices({ sources: ['street', 'self'] }).sources).to.deep.equal(['street', 'self']);
  });
});
