/**
 * Store contract, self-evaluations: kept apart from the evaluations, read back exactly as written,
 * and only through their owner (one by id and owner, or the owner's list), never by another user.
 */
import { expect } from 'chai';
import { ValidationError } from '../../server/errors.js';
import type { NewSelfEvaluation } from '../../server/store/models/self-evaluation.js';
import type { FreshLocation } from '../support/store-location.js';
import { rejection, storePerSuite } from './contract-helpers.js';

function sample(ownerId: string, unit: string): NewSelfEvaluation {
  return {
    ownerId,
    ownerLogin: `${ownerId}_login`,
    unit,
    framework: { id: 'small', version: '1.0.0', hash: 'abc' },
    periods: ['2024', '2025'],
    methods: { normalisation: { method: 'goalposts', range: [0, 100] } },
    notes: ['normalisation_goalposts'],
    standing: {
      periods: ['2024', '2025'],
      root: 'index',
      nodes: [{ id: 'index', score: [32, 61], change: [null, 29], trend: ['none', 'improving'] }],
      indicators: [],
      leafDimensions: [],
      weakestDimension: [null, null],
      improvementPeriod: '2025',
      improvements: [],
    },
  };
}

export function selfEvaluationsContract(fresh: FreshLocation): void {
  describe('self-evaluations', () => {
    const store = storePerSuite(fresh);

    it('reads back a self-evaluation exactly as written, to its owner', async () => {
      const written = sample('usr_a', 'c1');
      const created = await store.current().selfEvaluations.create(written);
      expect(created.id).to.match(/^self_/);
      const read = await store.current().selfEvaluations.getOwned(created.id, 'usr_a');
      expect(read).to.deep.equal({ ...written, id: created.id, createdAt: created.createdAt });
    });

    it('reads as absent to any other user', async () => {
      const created = await store.current().selfEvaluations.create(sample('usr_b', 'c2'));
      expect(await store.current().selfEvaluations.getOwned(created.id, 'usr_a')).to.equal(undefined);
      expect(await store.current().selfEvaluations.getOwned('self_none', 'usr_b')).to.equal(undefined);
    });

    it("lists only the owner's own, newest first", async () => {
      const first = await store.current().selfEvaluations.create(sample('usr_c', 'c3'));
      const second = await store.current().selfEvaluations.create(sample('usr_c', 'c3'));
      await store.current().selfEvaluations.create(sample('usr_d', 'c4'));
      const mine = await store.current().selfEvaluations.listOwned('usr_c');
      expect(mine.map((s) => s.id)).to.deep.equal([second.id, first.id]);
    });

    it('never shows among the evaluations', async () => {
      await store.current().selfEvaluations.create(sample('usr_e', 'c5'));
      expect(await store.current().evaluations.list()).to.deep.equal([]);
    });

    it('refuses a self-evaluation without an owner or with a NaN figure', async () => {
      const ownerless: Record<string, unknown> = { ...sample('usr_f', 'c6') };
      delete ownerless.ownerId;
      expect(await rejection(store.current().selfEvaluations.create(ownerless))).to.be.instanceOf(
        ValidationError,
      );
      const nan = sample('usr_f', 'c6');
      const bad = { ...nan, standing: { ...nan.standing, nodes: [{ id: 'index', score: [Number.NaN] }] } };
      expect(await rejection(store.current().selfEvaluations.create(bad))).to.be.instanceOf(ValidationError);
    });
  });
}
