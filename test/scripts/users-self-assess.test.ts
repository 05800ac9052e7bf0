/**
 * `users self-assess LOGIN on|off`: grants and withdraws self.assess through the same use case as
 * the admin pages, refusing (with the field named) a viewer not scoped to exactly one community.
 */
import { expect } from 'chai';
import { registerUsers } from '../../scripts/commands/users.js';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.js';
import { importUnits, unit } from '../contract/contract-helpers.js';
import { cliHarness } from './cli-harness.js';

describe('CLI: users self-assess', function () {
  this.timeout(60_000);
  let cli: Awaited<ReturnType<typeof cliHarness>>;

  before(async () => {
    cli = await cliHarness(registerUsers);
    const store = await EmbeddedStore.open(cli.dataDir);
    await importUnits(store, [unit('S1', 'street', null), unit('c1', 'community', 'S1')]);
    await store.close();
    for (const [login, scope] of [
      ['juwei', 'c1'],
      ['jiedao', 'S1'],
    ]) {
      const added = await cli.run(
        ['users', 'add', login!, '--role', 'viewer', '--scope', scope!, '--password-stdin'],
        {
          stdin: 'a long enough password\n',
        },
      );
      expect(added.error).to.equal(undefined);
    }
  });
  after(async () => {
    await cli.dispose();
  });

  async function selfAssessOf(login: string): Promise<boolean | undefined> {
    const store = await EmbeddedStore.open(cli.dataDir);
    try {
      return (await store.users.findByLogin(login))?.selfAssess;
    } finally {
      await store.close();
    }
  }

  it('grants and withdraws it on a viewer of one community', async () => {
    expect((await cli.run(['users', 'self-assess', 'juwei', 'on'])).stdout).to.equal(
      'juwei: self-assessment on\n',
    );
    expect(await selfAssessOf('juwei')).to.equal(true);
    expect((await cli.run(['users', 'self-assess', 'juwei', 'off'])).stdout).to.equal(
      'juwei: self-assessment off\n',
    );
    expect(await selfAssessOf('juwei')).to.equal(undefined);
  });

  it('refuses a viewer of a street, naming the field', async () => {
    const refused = await cli.run(['users', 'self-assess', 'jiedao', 'on']);
    expect(refused.error?.message).to.match(/selfAssess: the unit scope S1 is not a community or village/);
    expect(await selfAssessOf('jiedao')).to.equal(undefined);
  });

  it('refuses a word other than on or off', async () => {
    const refused = await cli.run(['users', 'self-assess', 'juwei', 'yes']);
    expect(refused.error?.message).to.equal('ON|OFF: say on or off; found "yes"');
  });
});
