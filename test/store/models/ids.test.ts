import { expect } from 'chai';
import { newId } from '../../../server/store/models/ids.js';

describe('store ids', () => {
  it('sort in the order they were made, also within one millisecond', () => {
    const made = Array.from({ length: 2000 }, () => newId('aud'));
    expect([...made].sort()).to.deep.equal(made);
  });

  it('are unique and carry their prefix', () => {
    const made = Array.from({ length: 2000 }, () => newId('imp'));
    expect(new Set(made).size).to.equal(made.length);
    expect(made.every((id) => /^imp_[0-9a-z]+-[0-9a-z]{6}-[0-9a-f]{10}$/.test(id))).to.equal(true);
  });
});
