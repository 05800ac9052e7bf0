import { expect } from 'chai';
import { ResultsBodyCache } from '../../server/services/results-body-cache.js';
import type { JsonValue } from '../../server/domain/json-value.js';

function counter(results: JsonValue): { read: () => Promise<JsonValue>; reads: () => number } {
  let reads = 0;
  return {
    read: async () => {
      reads++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return results;
    },
    reads: () => reads,
  };
}

describe('results body cache', () => {
  it('reads once for many concurrent requests and answers the JSON text', async () => {
    const cache = new ResultsBodyCache();
    const source = counter({ units: ['a', 'b'], score: [1.5, 2] });
    const bodies = await Promise.all(Array.from({ length: 50 }, () => cache.body('ev1', 'h1', source.read)));
    expect(source.reads()).to.equal(1);
    expect(bodies.every((b) => b?.toString('utf8') === '{"units":["a","b"],"score":[1.5,2]}')).to.equal(true);
    await cache.body('ev1', 'h1', source.read);
    expect(source.reads()).to.equal(1);
  });

  it('reads again when the results of a draft were replaced (another hash)', async () => {
    const cache = new ResultsBodyCache();
    const first = counter({ v: 1 });
    const second = counter({ v: 2 });
    await cache.body('ev1', 'h1', first.read);
    const body = await cache.body('ev1', 'h2', second.read);
    expect(body?.toString('utf8')).to.equal('{"v":2}');
    expect(second.reads()).to.equal(1);
  });

  it('forgets the least recently used bodies beyond its byte budget', async () => {
    const cache = new ResultsBodyCache(20);
    const a = counter('aaaaaaaa');
    const b = counter('bbbbbbbb');
    const c = counter('cccccccc');
    await cache.body('a', 'x', a.read);
    await cache.body('b', 'x', b.read);
    await cache.body('a', 'x', a.read);
    await cache.body('c', 'x', c.read);
    await cache.body('a', 'x', a.read);
    await cache.body('b', 'x', b.read);
    expect(a.reads()).to.equal(1);
    expect(b.reads()).to.equal(2);
  });

  it('does not keep a failed read', async () => {
    const cache = new ResultsBodyCache();
    let calls = 0;
    const failing = (): Promise<JsonValue> => {
      calls++;
      return Promise.reject(new Error('store down'));
    };
    let failure: unknown;
    try {
      await cache.body('ev', 'h', failing);
    } catch (error) {
      failure = error;
    }
    expect((failure as Error).message).to.equal('store down');
    const body = await cache.body('ev', 'h', () => Promise.resolve({ ok: true }));
    expect(body?.toString('utf8')).to.equal('{"ok":true}');
    expect(calls).to.equal(1);
  });
});
