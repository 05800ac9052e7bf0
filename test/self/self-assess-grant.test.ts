/**
 * The self.assess grant, given through the user admin: only a viewer scoped to exactly one
 * community may hold it; a change of role or scope that stops it fitting clears it (audited);
 * nobody grants it to themselves; actors carry it from their user.
 */
import { expect } from 'chai';
import { createUser, updateUser } from '../../server/access/user-admin.js';
import { ForbiddenError, ValidationError } from '../../server/errors.js';
import { actorOfPrincipal } from '../../server/services/actor.js';
import { changeUser } from '../../server/services/manage-users.js';
import { selfWorld, type SelfWorld } from './self-fixture.js';

describe('the self.assess grant', () => {
  let world: SelfWorld;
  before(async () => {
    world = await selfWorld();
  });
  after(async () => {
    await world.dispose();
  });

  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => expect.fail('expected a refusal'),
      (e: unknown) => e,
    );

  it('is stored on a viewer scoped to one community and carried by their actor', () => {
    expect(world.users.c1.selfAssess).to.equal(true);
    expect(actorOfPrincipal({ user: world.users.c1 } as never).selfAssess).to.equal(true);
    expect(world.users.plainC1).not.to.have.property('selfAssess');
  });

  for (const [what, role, unitScope] of [
    ['an evaluator', 'evaluator', null],
    ['an unscoped viewer', 'viewer', null],
    ['a viewer of two communities', 'viewer', ['c1', 'c2']],
    ['a viewer of a street', 'viewer', ['S1']],
  ] as const) {
    it(`is refused to ${what}, naming the field`, async () => {
      const error = await refusal(
        createUser(world.store, 'admin', {
          login: `x_${what.replace(/\W/g, '')}`,
          displayName: 'x',
          role,
          unitScope: unitScope === null ? null : [...unitScope],
          selfAssess: true,
        }),
      );
      expect(error).to.be.instanceOf(ValidationError);
      expect((error as ValidationError).details.map((d) => d.where)).to.include('selfAssess');
    });
  }

  it('is cleared, and audited, when the scope stops fitting', async () => {
    const user = await createUser(world.store, 'admin', {
      login: 'moving',
      displayName: 'm',
      role: 'viewer',
      unitScope: ['c1'],
      selfAssess: true,
    });
    const after = await updateUser(world.store, 'admin', user.id, { unitScope: ['c1', 'c2'] });
    expect(after).not.to.have.property('selfAssess');
    const [event] = await world.store.audit.list({ action: 'user.update', target: user.id });
    expect(event!.detail).to.deep.include({ selfAssess: { from: true, to: false } });
  });

  it('is granted and withdrawn by an admin', async () => {
    const admin = actorOfPrincipal({ user: world.users.admin } as never);
    const on = await changeUser(world, admin, world.users.plainC1.id, { selfAssess: true });
    expect(on.selfAssess).to.equal(true);
    const off = await changeUser(world, admin, world.users.plainC1.id, { selfAssess: false });
    expect(off).not.to.have.property('selfAssess');
  });

  it('cannot be given to oneself', async () => {
    const self = actorOfPrincipal({ user: world.users.street } as never);
    const error = await refusal(changeUser(world, self, world.users.street.id, { selfAssess: true }));
    expect(error).to.be.instanceOf(ForbiddenError);
  });
});
