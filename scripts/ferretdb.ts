/**
 * A real MongoDB-wire server for tests and local trials: FerretDB v1.24.2 over SQLite in a
 * temporary directory, on a free loopback port. The binary is built once by
 * scripts/ferretdb-build.sh and cached by version outside the repository.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../server/paths.js';

const run = promisify(execFile);

export interface FerretDb {
  /** mongodb://127.0.0.1:PORT — add a database name to use it. */
  readonly baseUri: string;
  /** The SQLite directory and the port, to start the same server again after kill(). */
  readonly dir: string;
  readonly port: number;
  stop(): Promise<void>;
  /** SIGKILL, as a crash would; the data directory is kept. Resolves once the process is gone. */
  kill(): Promise<void>;
}

export interface FerretDbPlace {
  /** An existing SQLite directory to serve again (kept on stop); a fresh temporary one by default. */
  readonly dir?: string;
  readonly port?: number;
}

/** Builds FerretDB if it is not cached yet; resolves to the binary's path. Needs `go`. */
export async function buildFerretDb(): Promise<string> {
  const script = path.join(projectRoot, 'scripts', 'ferretdb-build.sh');
  const { stdout } = await run('bash', [script], { maxBuffer: 10 * 1024 * 1024, timeout: 15 * 60 * 1000 });
  const binary = stdout.trim().split('\n').at(-1);
  if (binary === undefined || binary === '') throw new Error('ferretdb-build.sh printed no binary path');
  return binary;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => {
      resolve(false);
    });
  });
}

async function waitUntilListening(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`FerretDB exited with code ${child.exitCode}:\n${log()}`);
    if (await answers(port)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`FerretDB did not answer on 127.0.0.1:${port} within 20 s:\n${log()}`);
}

/**
 * Starts FerretDB on a free loopback port with SQLite storage in a fresh temporary directory, or
 * again on the directory and port of a server that was killed.
 */
export async function startFerretDb(binary: string, place: FerretDbPlace = {}): Promise<FerretDb> {
  const dir = place.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'zhili-ferretdb-')));
  const removeDir = (): Promise<void> =>
    place.dir === undefined ? rm(dir, { recursive: true, force: true }) : Promise.resolve();
  const port = place.port ?? (await freePort());
  const child = spawn(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dir}/`,
      `--listen-addr=127.0.0.1:${port}`,
      '--telemetry=disable',
      '--debug-addr=-',
      '--state-dir=-',
      '--log-level=warn',
    ],
    { env: { ...process.env, DO_NOT_TRACK: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-8000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  try {
    await waitUntilListening(port, child, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    await removeDir();
    throw error;
  }
  return {
    baseUri: `mongodb://127.0.0.1:${port}`,
    dir,
    port,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const stopped = await Promise.race([
          exited.then(() => true),
          new Promise((r) => setTimeout(r, 5000, false)),
        ]);
        if (stopped !== true) child.kill('SIGKILL');
      }
      await removeDir();
    },
  };
}
