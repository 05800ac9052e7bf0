/**
 * Reading the audit log needs audit.read (admins); an export gathers every matching event across
 * the store's pages of 1,000, newest first.
 */
import { expect } from 'chai';
import { ForbiddenError } from '../../server/errors.js';
import type { Actor } from '../../server/services/actor.js';
import { auditEvents, everyAuditEvent } from '../../server/services/read-audit.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

describe('read the audit log (use case)', function () {
  this.timeout(60_000);
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  const admin: Actor = { name: 'root', role: 'admin', userId: null };

  before(async () => {
    temp = await tempEmbeddedStore();
    const start = Date.parse('2025-01-01T00:00:00Z');
    for (let i = 0; i < 1_205; i += 1) {
      await temp.store.audit.append({
        actor: i % 2 === 0 ? 'even' : 'odd',
        action: 'login.success',
        at: new Date(start + i * 1000).toISOString(),
      });
    }
  });
  after(async () => {
    await temp.dispose();
  });

  it('refuses an evaluator, who may not read the audit log', async () => {
    const evaluator: Actor = { name: 'zhao', role: 'evaluator', userId: null };
    expect(await auditEvents(temp, evaluator, { limit: 5 }).catch((e: unknown) => e)).to.be.instanceOf(
      ForbiddenError,
    );
    expect(await everyAuditEvent(temp, evaluator, {}).catch((e: unknown) => e)).to.be.instanceOf(
      ForbiddenError,
    );
  });

  it('exports every event the filter matches beyond one store page, newest first', async () => {
    const odd = await everyAuditEvent(temp, admin, { actor: 'odd' });
    expect(odd).to.have.length(602);
    expect(odd[0]!.at > odd[601]!.at).to.equal(true);
    expect(await everyAuditEvent(temp, admin, {})).to.have.length(1_205);
  });
});
