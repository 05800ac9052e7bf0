/**
 * The command line's way in while the server holds the embedded store. The store's data folder
 * belongs to one process (data-dir-lock.ts), so `zhili import|evaluate|export|users …` cannot open
 * it while the server runs; instead the server writes a credential into that folder (mode 0600)
 * and the CLI works through the API with it. Only someone who can read the data folder can use
 * it, and they could open the store themselves once the server stops: the credential gives the
 * rights the CLI has on the store directly (an admin, recorded in the audit log under the actor
 * the CLI names, "cli:<system user>"). A new secret is made at every start, only its hash stays in
 * memory, and the file goes at a clean shutdown.
 *
 * @example const local = newLocalCliCredential(); buildApp({ …, localCli: local }); await writeLocalCliFile(dir, url, local)
 */
import { readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Principal } from './credentials.js';
import { newSecret, sameSecret, secretHash } from './secrets.js';

export const LOCAL_CLI_FILE = 'zhili.cli-token';
/** Names the actor of a request made with the local credential; refused with any other. */
export const LOCAL_CLI_ACTOR_HEADER = 'x-zhili-cli-actor';
/** The actor when the CLI names none. */
export const LOCAL_CLI_DEFAULT_ACTOR = 'cli';
const SECRET_PREFIX = 'zlcli_';

export interface LocalCliCredential {
  /** Hex SHA-256 of the secret written to the file; the secret itself is not kept. */
  readonly hash: string;
  readonly issuedAt: string;
  /** The secret, until writeLocalCliFile has put it in the file. */
  take(): string;
}

/** What the file holds: where the server listens and the secret for the Authorization header. */
export interface LocalCliFile {
  readonly pid: number;
  readonly url: string;
  readonly secret: string;
  readonly since: string;
}

export function newLocalCliCredential(now = new Date()): LocalCliCredential {
  let secret: string | undefined = newSecret(SECRET_PREFIX);
  const hash = secretHash(secret);
  return {
    hash,
    issuedAt: now.toISOString(),
    take() {
      if (secret === undefined) throw new Error('the local CLI secret was already written');
      const taken = secret;
      secret = undefined;
      return taken;
    },
  };
}

/** True when the bearer token is this server's local CLI secret (compared in constant time). */
export function isLocalCliSecret(credential: LocalCliCredential, bearer: string): boolean {
  return bearer.startsWith(SECRET_PREFIX) && sameSecret(secretHash(bearer), credential.hash);
}

/**
 * The principal of a request made with the local credential: an admin that exists only in this
 * process, named by the actor the CLI sends (its system user), as the direct path records it.
 */
export function localCliPrincipal(credential: LocalCliCredential, actor: string): Principal {
  const since = credential.issuedAt;
  return {
    user: {
      id: 'local-cli',
      login: actor,
      displayName: actor,
      role: 'admin',
      unitScope: null,
      passwordHash: null,
      disabled: false,
      createdAt: since,
      updatedAt: since,
    },
    credential: {
      id: 'local-cli',
      kind: 'token',
      userId: 'local-cli',
      tokenHash: credential.hash,
      csrfToken: null,
      label: 'local command line',
      createdAt: since,
      lastUsedAt: since,
      expiresAt: since,
      revokedAt: null,
    },
  };
}

/**
 * Writes the credential file for the CLI (replacing one a previous run left behind) readable by
 * the owner only; the returned function removes it again, unless a newer server has replaced it.
 */
export async function writeLocalCliFile(
  dataDir: string,
  url: string,
  credential: LocalCliCredential,
): Promise<() => Promise<void>> {
  const file = path.join(dataDir, LOCAL_CLI_FILE);
  const content: LocalCliFile = {
    pid: process.pid,
    url,
    secret: credential.take(),
    since: credential.issuedAt,
  };
  await unlink(file).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  });
  // "wx": never through a file or link someone else put there in between.
  await writeFile(file, `${JSON.stringify(content)}\n`, { flag: 'wx', mode: 0o600 });
  return async () => {
    const held = await readFile(file, 'utf8').catch(() => '');
    if (held.includes(content.secret)) await unlink(file).catch(() => undefined);
  };
}
