import { expect } from 'chai';
import { setFlagsFromString } from 'node:v8';
import { runInThisContext } from 'node:vm';
import { withFields } from '../../../server/reports/views/with-fields.js';

describe('reports: withFields', () => {
  it('is { ...model, ...fields }: the model copied, fields added or replaced in place, the model untouched', () => {
    const model = { title: 'a', lang: 'zh', nav: ['x'] };
    const made = withFields(model, { nav: [] as string[], csrf: 't' });
    expect(made).to.deep.equal({ ...model, nav: [], csrf: 't' });
    expect(Object.keys(made)).to.deep.equal(['title', 'lang', 'nav', 'csrf']);
    expect(model).to.deep.equal({ title: 'a', lang: 'zh', nav: ['x'] });
    expect(made).to.not.equal(model);
  });

  it('gives every result the same hidden class once optimised, unlike a spread followed by fields', () => {
    setFlagsFromString('--allow-natives-syntax');
    // V8's own test of two objects' hidden classes, allowed by the flag for code compiled after it.
    const sameShape = runInThisContext('(a, b) => %HaveSameMap(a, b)') as (a: object, b: object) => boolean;
    const made = (title: string) =>
      withFields({ title, lang: 'zh', section: 'evaluations' }, { body: title });
    for (let i = 0; i < 50_000; i++) made(String(i));
    expect(sameShape(made('a'), made('b'))).to.equal(true);
  });
});
