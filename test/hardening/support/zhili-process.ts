/**
 * The real server as a child process, started the way an operator starts it (`npm start`), in its
 * own process group so that a test can kill the whole tree (npm, tsx and the server's node) with
 * SIGKILL, as a power cut or the OOM killer would, or stop it politely with SIGTERM.
 *
 * @example
 * const zhili = await launchZhili({ DATA_DIR: dir, ZHILI_DEMO: 'off' });
 * await fetch(`${zhili.url}/healthz`); await zhili.kill();
 */
import { spawn } from 'node:child_process';
import { projectRoot } from '../../../server/paths.js';

export interface ZhiliProcess {
  readonly url: string;
  /** Everything the process printed so far. */
  output(): string;
  /** SIGKILL to the whole process group; resolves once no process of the group is left. */
  kill(): Promise<void>;
  /** SIGTERM (a clean shutdown: the store is closed); resolves once the group is gone. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function groupGone(pgid: number, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (groupAlive(pgid)) {
    if (Date.now() > until) throw new Error(`process group ${pgid} still alive after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function launchZhili(env: Readonly<Record<string, string>>): Promise<ZhiliProcess> {
  const child = spawn('npm', ['start', '--silent'], {
    cwd: projectRoot,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const pgid = child.pid;
  if (pgid === undefined) throw new Error('npm start did not spawn');
  let printed = '';
  const onData = (chunk: Buffer): void => {
    printed += chunk.toString('utf8');
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const signal = async (name: NodeJS.Signals): Promise<void> => {
    if (groupAlive(pgid)) process.kill(-pgid, name);
    await groupGone(pgid);
  };
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      void signal('SIGKILL');
      reject(new Error(`npm start printed no URL within ${START_TIMEOUT_MS} ms:\n${printed}`));
    }, START_TIMEOUT_MS);
    const poll = setInterval(() => {
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(printed);
      if (match?.[1] !== undefined) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(match[1]);
      }
    }, 20);
    child.once('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${String(code)}:\n${printed}`));
    });
  });
  return {
    url,
    output: () => printed,
    kill: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
  };
}
