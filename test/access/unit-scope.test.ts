import { expect } from 'chai';
import { UnitScope } from '../../server/access/unit-scope.js';

/** 梧阳市 → 江岸区 → 大智街道 → 三阳社区; 江汉区 beside 江岸区. */
const PARENTS: Readonly<Record<string, string | null>> = {
  city: null,
  jiangan: 'city',
  jianghan: 'city',
  dazhi: 'jiangan',
  sanyang: 'dazhi',
};
const parentOf = (code: string): string | null | undefined => PARENTS[code];

describe('unit scope', () => {
  it('allows a scope root and everything below it', () => {
    const scope = UnitScope.of(['jiangan'], parentOf);
    expect(['jiangan', 'dazhi', 'sanyang'].map((code) => scope.allows(code))).to.deep.equal([
      true,
      true,
      true,
    ]);
  });

  it('refuses units beside and above the scope', () => {
    const scope = UnitScope.of(['jiangan'], parentOf);
    expect(scope.allows('jianghan')).to.equal(false);
    expect(scope.allows('city')).to.equal(false);
  });

  it('allows the subtrees of several roots', () => {
    const scope = UnitScope.of(['dazhi', 'jianghan'], parentOf);
    expect(['sanyang', 'jianghan', 'jiangan'].map((code) => scope.allows(code))).to.deep.equal([
      true,
      true,
      false,
    ]);
  });

  it('refuses a unit the tree does not know, unless it is itself a root', () => {
    expect(UnitScope.of(['jiangan'], parentOf).allows('nowhere')).to.equal(false);
    expect(UnitScope.of(['nowhere'], parentOf).allows('nowhere')).to.equal(true);
  });

  it('stops on a cycle in the parent links instead of looping', () => {
    const cyclic = (code: string): string => (code === 'a' ? 'b' : 'a');
    expect(UnitScope.of(['root'], cyclic).allows('a')).to.equal(false);
  });

  it('allows everything without roots, and says it is unrestricted', () => {
    const all = UnitScope.of(null, parentOf);
    expect(all.unrestricted).to.equal(true);
    expect(all.allows('nowhere')).to.equal(true);
    expect(UnitScope.everything().allows('sanyang')).to.equal(true);
    expect(UnitScope.of([], parentOf).unrestricted).to.equal(false);
  });

  it('allows nothing with an empty list of roots', () => {
    expect(UnitScope.of([], parentOf).allows('city')).to.equal(false);
  });
});
