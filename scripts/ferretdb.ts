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

/** Where a FerretDB keeps its data and listens: pass one back to start it again on the same data. */
export interface FerretDbPlace {
  readonly dir: string;
  readonly port: number;
}

export interface FerretDb {
  /** mongodb://127.0.0.1:PORT — add a database name to use it. */
  readonly baseUri: string;
  readonly place: FerretDbPlace;
  /** Kills the server at once (SIGKILL), as a crash would, keeping its data. */
  kill(): Promise<void>;
  /** Stops the server and, unless it was started on a given place, deletes its data. */
  stop(): Promise<void>;
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
 * Starts FerretDB on a free loopback port with SQLite storage in a fresh temporary directory, or,
 * given a place, on that port and data (to restart one that was killed).
 */
export async function startFerretDb(binary: string, given?: FerretDbPlace): Promise<FerretDb> {
  const dir = given?.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'zhili-ferretdb-')));
  const port = given?.port ?? (await freePort());
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
  const exited = (): Promise<unknown> =>
    child.exitCode === null && child.signalCode === null
      ? new Promise((resolve) => child.once('exit', resolve))
      : Promise.resolve();
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
    if (given === undefined) await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    baseUri: `mongodb://127.0.0.1:${port}`,
    place: { dir, port },
    async kill() {
      const gone = exited();
      child.kill('SIGKILL');
      await gone;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const gone = exited();
        child.kill('SIGTERM');
        const stopped = await Promise.race([
          gone.then(() => true),
          new Promise((r) => setTimeout(r, 5000, false)),
        ]);
        if (stopped !== true) child.kill('SIGKILL');
      }
      if (given === undefined) await rm(dir, { recursive: true, force: true });
    },
  };
}
