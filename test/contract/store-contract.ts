/**
 * The Store contract: one suite that every adapter must pass (DESIGN.md, "Storage"). A test file
 * calls it with a function that makes a fresh, empty location; each part opens its own store.
 */
import { expect } from 'chai';
import { ValidationError } from '../../server/errors.js';
import type { FreshLocation } from '../support/store-location.js';
import { openLocation } from '../support/store-location.js';
import { pathsOf, rejection, storePerSuite } from './contract-helpers.js';
import { unitsContract } from './units-contract.js';
import { periodsContract } from './periods-contract.js';
import { importsContract } from './imports-contract.js';
import { observationsContract } from './observations-contract.js';
import { evaluationsContract } from './evaluations-contract.js';
import { usersAuditContract } from './users-audit-contract.js';
import { crashContract } from './crash-contract.js';
import { jobsContract } from './jobs-contract.js';
import { definitionDraftsContract } from './definition-drafts-contract.js';
import { selfEvaluationsContract } from './self-evaluations-contract.js';
import { responsesContract } from './responses-contract.js';
import { catalogueContract } from './catalogue-contract.js';
import { verificationContract } from './verification-contract.js';

function settingsContract(fresh: FreshLocation): void {
  describe('ping and settings', () => {
    const store = storePerSuite(fresh);

    it('answers a ping with its kind and ok', async () => {
      const health = await store.current().ping();
      expect(health.kind).to.equal(store.current().kind);
      expect(health.status).to.equal('ok');
      expect(health.latencyMs).to.be.at.least(0);
    });

    it('returns undefined for a setting never written', async () => {
      expect(await store.current().getSetting('neverWritten')).to.equal(undefined);
    });

    it('reads back a nested setting exactly as written, nested arrays included', async () => {
      const value = {
        name: '治理',
        list: [1, 2.5, 'три'],
        nested: { ok: true, none: null },
        matrix: [
          [1, 3],
          [1 / 3, 1],
        ],
      };
      await store.current().putSetting('roundTrip', value);
      expect(await store.current().getSetting('roundTrip')).to.deep.equal(value);
    });

    it('overwrites a setting on a second write', async () => {
      await store.current().putSetting('overwrite', 1);
      await store.current().putSetting('overwrite', 2);
      expect(await store.current().getSetting('overwrite')).to.equal(2);
    });

    it('rejects a setting key that is not a plain identifier', async () => {
      expect(await rejection(store.current().putSetting('$where', 1))).to.be.instanceOf(ValidationError);
    });

    it('rejects a "$"-prefixed key inside a value and names its path', async () => {
      const error = await rejection(store.current().putSetting('bad', { outer: { $gt: 1 } }));
      expect(error).to.be.instanceOf(ValidationError);
      expect(pathsOf(error)).to.deep.equal(['setting bad/outer/$gt']);
    });

    it('rejects a key containing "." and names its path', async () => {
      const error = await rejection(store.current().putSetting('bad', { list: [{ 'a.b': 1 }] }));
      expect(pathsOf(error)).to.deep.equal(['setting bad/list/0/a.b']);
    });

    it('rejects __proto__, constructor and prototype keys', async () => {
      const value = JSON.parse(
        '{"__proto__": {"polluted": 1}, "x": {"constructor": 1, "prototype": 2}}',
      ) as never;
      const error = await rejection(store.current().putSetting('bad', value));
      expect(pathsOf(error)).to.have.members([
        'setting bad/__proto__',
        'setting bad/x/constructor',
        'setting bad/x/prototype',
      ]);
    });

    it('rejects NaN and Infinity and names their paths', async () => {
      const error = await rejection(store.current().putSetting('bad', { a: Number.NaN, b: [Infinity] }));
      expect(pathsOf(error)).to.deep.equal(['setting bad/a', 'setting bad/b/0']);
      expect(await store.current().getSetting('bad')).to.equal(undefined);
    });
  });

  describe('persistence', () => {
    it('keeps what was written across a close and a reopen', async function () {
      const location = await fresh(this);
      const first = await openLocation(location);
      await first.putSetting('persisted', { n: 7 });
      await first.close();
      const second = await openLocation(location);
      try {
        expect(await second.getSetting('persisted')).to.deep.equal({ n: 7 });
      } finally {
        await second.close();
      }
    });
  });
}

export function storeContract(name: string, fresh: FreshLocation): void {
  describe(`Store contract: ${name}`, function () {
    this.timeout(60_000);
    settingsContract(fresh);
    unitsContract(fresh);
    periodsContract(fresh);
    importsContract(fresh);
    observationsContract(fresh);
    evaluationsContract(fresh);
    usersAuditContract(fresh);
    jobsContract(fresh);
    definitionDraftsContract(fresh);
    selfEvaluationsContract(fresh);
    catalogueContract(fresh);
    crashContract(fresh);
    responsesContract(fresh);
    verificationContract(fresh);
  });
}
