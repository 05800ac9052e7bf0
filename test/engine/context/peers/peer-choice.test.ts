import { expect } from 'chai';
import { resolvePeerChoice } from '../../../../server/engine/context/peers/peer-choice.js';
import { ValidationError } from '../../../../server/errors.js';

const available = ['resident_population', 'urban_rural', 'area_km2', 'households'];

function problemsOf(choice: unknown): string[] {
  try {
    resolvePeerChoice(choice, available);
  } catch (error) {
    expect(error).to.be.instanceOf(ValidationError);
    return (error as ValidationError).details.map((d) => `${d.where ?? ''}: ${d.message}`);
  }
  throw new Error('expected a refusal');
}

describe('engine peers: the peer definition chosen', () => {
  it('uses the register peer groups when nothing is chosen', () => {
    expect(resolvePeerChoice(undefined, available)).to.deep.equal({ method: 'register' });
  });
  it('fills in k = 10 and the structural attributes the register carries', () => {
    expect(resolvePeerChoice({ method: 'nearest' }, available)).to.deep.equal({
      method: 'nearest',
      k: 10,
      attributes: ['resident_population', 'urban_rural', 'area_km2'],
    });
  });
  it('takes by default only the structural attributes every community carries', () => {
    expect(resolvePeerChoice({ method: 'nearest' }, available, ['urban_rural', 'households'])).to.deep.equal({
      method: 'nearest',
      k: 10,
      attributes: ['urban_rural'],
    });
  });
  it('keeps the attributes and k chosen', () => {
    expect(
      resolvePeerChoice({ method: 'nearest', k: 3, attributes: ['households'] }, available),
    ).to.deep.equal({
      method: 'nearest',
      k: 3,
      attributes: ['households'],
    });
  });
  it('refuses k outside 1–50, naming the field', () => {
    expect(problemsOf({ method: 'nearest', k: 0 })[0]).to.match(/^methods\.peers\.k: .*1 to 50/);
    expect(problemsOf({ method: 'nearest', k: 2.5 })[0]).to.match(/^methods\.peers\.k:/);
  });
  it('refuses an attribute the communities do not carry, listing the known ones', () => {
    expect(problemsOf({ method: 'nearest', attributes: ['floor_space'] })[0]).to.match(
      /^methods\.peers\.attributes: "floor_space" .* known: resident_population, urban_rural/,
    );
  });
  it('refuses an unknown method and reports every problem at once', () => {
    expect(problemsOf({ method: 'cluster' })).to.have.length(1);
    expect(problemsOf({ method: 'nearest', k: -1, attributes: [], extra: 1 })).to.have.length(3);
  });
});
