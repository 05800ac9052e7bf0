/**
 * The user use cases: adding a user and changing anyone's role, scope or disabled flag needs
 * users.manage; a user may change their own display name and password, and nothing else of theirs.
 */
import { expect } from 'chai';
import { ForbiddenError, NotFoundError } from '../../server/errors.js';
import { actorOfPrincipal, type Actor } from '../../server/services/actor.js';
import { addUser, changeUser, listUsers, userById } from '../../server/services/manage-users.js';
import { seedUser, TEST_COST, type SeededUser } from '../support/auth.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

describe('manage users (use cases)', () => {
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  let admin: Actor;
  let viewer: SeededUser;
  let asViewer: Actor;

  before(async () => {
    temp = await tempEmbeddedStore();
    const seededAdmin = await seedUser(temp.store, 'admin');
    admin = { name: seededAdmin.user.login, role: 'admin', userId: seededAdmin.user.id };
    viewer = await seedUser(temp.store, 'viewer');
    asViewer = { name: viewer.user.login, role: 'viewer', userId: viewer.user.id };
  });
  after(async () => {
    await temp.dispose();
  });

  it('lets an admin add a user, audited as user.create by the admin', async () => {
    const user = await addUser(temp, admin, { login: 'li', displayName: '李', role: 'viewer' }, TEST_COST);
    const [event] = await temp.store.audit.list({ target: user.id });
    expect([event!.action, event!.actor]).to.deep.equal(['user.create', admin.name]);
  });

  it('refuses a viewer adding a user, and adds nobody', async () => {
    const error = await addUser(temp, asViewer, { login: 'wu', displayName: '吴', role: 'admin' }).catch(
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(ForbiddenError);
    expect(await temp.store.users.findByLogin('wu')).to.equal(undefined);
  });

  it('lets a user change their own display name', async () => {
    const changed = await changeUser(temp, asViewer, viewer.user.id, { displayName: '新名字' });
    expect(changed.displayName).to.equal('新名字');
  });

  it('refuses a user raising their own role, which stays as it was', async () => {
    const error = await changeUser(temp, asViewer, viewer.user.id, { role: 'admin' }).catch(
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(ForbiddenError);
    expect((await temp.store.users.get(viewer.user.id))!.role).to.equal('viewer');
  });

  it("refuses a user changing someone else's display name", async () => {
    const other = await seedUser(temp.store, 'evaluator');
    const error = await changeUser(temp, asViewer, other.user.id, { displayName: 'x' }).catch(
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(ForbiddenError);
  });

  it('takes the actor of a web request from its principal: login, role, user id and unit scope', async () => {
    const principal = {
      user: viewer.user,
      credential: (await temp.store.sessions.list({ userId: viewer.user.id }))[0]!,
    };
    expect(actorOfPrincipal(principal)).to.deep.equal({ ...asViewer, unitScope: null });
  });

  it('lists and reads users for an admin only; an unknown id is NotFoundError', async () => {
    expect((await listUsers(temp, admin)).map((u) => u.id)).to.include(viewer.user.id);
    expect(await listUsers(temp, asViewer).catch((e: unknown) => e)).to.be.instanceOf(ForbiddenError);
    expect(await userById(temp, admin, 'usr_none').catch((e: unknown) => e)).to.be.instanceOf(NotFoundError);
  });
});
