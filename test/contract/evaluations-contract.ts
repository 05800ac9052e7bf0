/**
 * Store contract, evaluations: drafts with a frozen framework, results stored and read back
 * exactly, and publication that makes them immutable.
 */
import { expect } from 'chai';
import { ConflictError, NotFoundError, ValidationError } from '../../server/errors.js';
import type { FreshLocation } from '../support/store-location.js';
import { pathsOf, rejection, storePerSuite } from './contract-helpers.js';

function draft(id: string, frameworkId = 'default'): Record<string, unknown> {
  return {
    id,
    label: { zh: '2025年评估', en: '2025 evaluation' },
    framework: {
      id: frameworkId,
      version: '1.0.0',
      hash: 'sha256:abc',
      hashes: { grid_household_coverage: 'sha256:111', coverage: 'sha256:222' },
      definition: {
        dimensions: [{ id: 'coverage', weight: 0.2 }],
        ahp: {
          matrix: [
            [1, 3],
            [1 / 3, 1],
          ],
        },
      },
    },
    methods: { normalisation: { method: 'minmax', range: [0, 100] } },
    periods: ['2025'],
    dataFingerprint: 'sha256:data',
    createdBy: 'evaluator1',
  };
}

/** A results blob the size of a 2,000-unit evaluation, with numbers that do not compress away. */
function bigResults(units: number): Record<string, unknown> {
  return {
    units: Array.from({ length: units }, (_, i) => ({
      code: `U${i}`,
      score: Math.sin(i) * 50 + 50,
      ranks: [i + 1, (i * 7) % units],
      indicators: Object.fromEntries(
        Array.from({ length: 30 }, (_, k) => [`ind_${k}`, Math.cos(i * k + 1) * 100]),
      ),
    })),
    meta: { note: '说明', missing: null },
  };
}

export function evaluationsContract(fresh: FreshLocation): void {
  describe('evaluations', () => {
    const store = storePerSuite(fresh);

    it('creates a draft that keeps the framework snapshot, nested arrays included', async () => {
      const created = await store.current().evaluations.create(draft('ev1'));
      expect(created.status).to.equal('draft');
      expect(created.results).to.equal(null);
      const read = await store.current().evaluations.get('ev1');
      expect(read?.framework.definition).to.deep.equal({
        dimensions: [{ id: 'coverage', weight: 0.2 }],
        ahp: {
          matrix: [
            [1, 3],
            [1 / 3, 1],
          ],
        },
      });
      expect(read?.framework.hashes).to.deep.equal({
        grid_household_coverage: 'sha256:111',
        coverage: 'sha256:222',
      });
      expect(read?.methods).to.deep.equal({ normalisation: { method: 'minmax', range: [0, 100] } });
    });

    it('refuses a second evaluation with the same id', async () => {
      expect(await rejection(store.current().evaluations.create(draft('ev1')))).to.be.instanceOf(
        ConflictError,
      );
    });

    it('stores results and reads them back exactly', async () => {
      const results = bigResults(2000);
      const stored = await store.current().evaluations.putResults('ev1', results);
      expect(stored.results?.bytes).to.equal(Buffer.byteLength(JSON.stringify(results)));
      expect(await store.current().evaluations.readResults('ev1')).to.deep.equal(results);
    });

    it('replaces the results of a draft', async () => {
      await store.current().evaluations.putResults('ev1', { version: 2 });
      expect(await store.current().evaluations.readResults('ev1')).to.deep.equal({ version: 2 });
    });

    it('rejects results with NaN or a "$" key and names the paths', async () => {
      const error = await rejection(
        store.current().evaluations.putResults('ev1', { a: [1, Number.NaN], b: { $set: 1 } }),
      );
      expect(error).to.be.instanceOf(ValidationError);
      expect(pathsOf(error)).to.deep.equal(['results/a/1', 'results/b/$set']);
      expect(await store.current().evaluations.readResults('ev1')).to.deep.equal({ version: 2 });
    });

    it('refuses to publish a draft without results', async () => {
      await store.current().evaluations.create(draft('ev2'));
      expect(await rejection(store.current().evaluations.publish('ev2', 'lead'))).to.be.instanceOf(
        ConflictError,
      );
    });

    it('publishes a draft and then refuses to change or delete it', async () => {
      const published = await store.current().evaluations.publish('ev1', 'lead');
      expect(published.status).to.equal('published');
      expect(published.publishedBy).to.equal('lead');
      const evaluations = store.current().evaluations;
      expect(await rejection(evaluations.putResults('ev1', { version: 3 }))).to.be.instanceOf(ConflictError);
      expect(await rejection(evaluations.deleteDraft('ev1'))).to.be.instanceOf(ConflictError);
      expect(await evaluations.readResults('ev1')).to.deep.equal({ version: 2 });
    });

    it('deletes a draft', async () => {
      await store.current().evaluations.create(draft('ev3'));
      await store.current().evaluations.deleteDraft('ev3');
      expect(await store.current().evaluations.get('ev3')).to.equal(undefined);
      expect(await rejection(store.current().evaluations.readResults('ev3'))).to.be.instanceOf(NotFoundError);
    });

    it('lists evaluations newest first, by status and framework', async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      await store.current().evaluations.create(draft('ev4', 'asem'));
      const drafts = await store.current().evaluations.list({ status: 'draft' });
      expect(drafts.map((e) => e.id)).to.deep.equal(['ev4', 'ev2']);
      const asem = await store.current().evaluations.list({ frameworkId: 'asem' });
      expect(asem.map((e) => e.id)).to.deep.equal(['ev4']);
    });

    it('rejects a framework definition with a key containing "."', async () => {
      const bad = draft('ev5');
      (bad.framework as Record<string, unknown>).definition = { weights: { 'coverage.grid': 1 } };
      const error = await rejection(store.current().evaluations.create(bad));
      expect(pathsOf(error)).to.deep.equal(['evaluation/framework/definition/weights/coverage.grid']);
    });
  });
}
