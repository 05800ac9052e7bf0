import { expect } from 'chai';
import { access, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  LOCAL_CLI_FILE,
  newLocalCliCredential,
  writeLocalCliFile,
  type LocalCliCredential,
} from '../../../server/access/local-cli-credential.js';
import { buildApp } from '../../../server/app.js';
import { appDeps } from '../../support/app-deps.js';
import { serve, type Served } from '../../support/http.js';
import { tempEmbeddedStore } from '../../support/temp-store.js';

describe('the local command-line credential', function () {
  let served: Served;
  let dispose: () => Promise<void>;
  let dir: string;
  let secret: string;
  let current: LocalCliCredential;

  before(async () => {
    const temp = await tempEmbeddedStore();
    dispose = temp.dispose;
    dir = await mkdtemp(path.join(os.tmpdir(), 'zhili-local-cli-'));
    current = newLocalCliCredential();
    served = await serve(buildApp({ ...(await appDeps(temp.store)), localCli: current }));
    await writeLocalCliFile(dir, served.url, current);
    secret = (JSON.parse(await readFile(path.join(dir, LOCAL_CLI_FILE), 'utf8')) as { secret: string })
      .secret;
  });

  after(async () => {
    await served.close();
    await dispose();
    await rm(dir, { recursive: true, force: true });
  });

  const me = (headers: Record<string, string>): Promise<Response> =>
    fetch(`${served.url}/api/v1/me`, { headers });

  it('writes the secret to a file only its owner may read', async () => {
    expect((await stat(path.join(dir, LOCAL_CLI_FILE))).mode & 0o777).to.equal(0o600);
    expect(secret).to.match(/^zlcli_[A-Za-z0-9_-]{43}$/);
  });

  it('lets the holder act as an admin named by the actor header', async () => {
    const response = await me({ authorization: `Bearer ${secret}`, 'x-zhili-cli-actor': 'cli:wang' });
    expect(response.status).to.equal(200);
    const body = (await response.json()) as { user: { login: string; role: string } };
    expect(body.user).to.include({ login: 'cli:wang', role: 'admin' });
  });

  it('refuses the secret of an earlier start', async () => {
    const earlier = newLocalCliCredential();
    const response = await me({ authorization: `Bearer ${earlier.take()}`, 'x-zhili-cli-actor': 'cli:wang' });
    expect(response.status).to.equal(401);
  });

  it('refuses the actor header without the local credential', async () => {
    const response = await me({ 'x-zhili-cli-actor': 'cli:wang' });
    expect(response.status).to.equal(401);
  });

  it('refuses an actor with control characters, naming the header', async () => {
    const response = await me({ authorization: `Bearer ${secret}`, 'x-zhili-cli-actor': 'cli:\twang' });
    expect(response.status).to.equal(400);
    expect(((await response.json()) as { errors: { where: string }[] }).errors[0]?.where).to.equal(
      'header.x-zhili-cli-actor',
    );
  });

  it('removes the file at shutdown unless a newer server replaced it', async () => {
    const mine = newLocalCliCredential();
    const remove = await writeLocalCliFile(dir, served.url, mine);
    const newer = newLocalCliCredential();
    const removeNewer = await writeLocalCliFile(dir, served.url, newer);
    const read = async (): Promise<string> =>
      (JSON.parse(await readFile(path.join(dir, LOCAL_CLI_FILE), 'utf8')) as { secret: string }).secret;
    const newerSecret = await read();
    await remove();
    expect(await read()).to.equal(newerSecret);
    await removeNewer();
    const gone = await access(path.join(dir, LOCAL_CLI_FILE)).then(
      () => false,
      () => true,
    );
    expect(gone).to.equal(true);
  });
});
