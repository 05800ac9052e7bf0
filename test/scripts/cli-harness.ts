/**
 * Runs the CLI's commands in this process against an embedded store in a temporary folder, with
 * stdin, stdout and stderr that the test holds (CliIo), so a test can type a password, read what
 * was printed and catch the CliError a command ends with.
 */
import { Command } from 'commander';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import type { CliIo } from '../../scripts/commands/cli-io.js';

export interface CliRun {
  readonly stdout: string;
  readonly stderr: string;
  /** What the command threw (a CliError for expected failures), or undefined. */
  readonly error: (Error & { exitCode?: number }) | undefined;
}

export interface RunInput {
  /** Piped to stdin (for --password-stdin). */
  readonly stdin?: string;
  /** Lines typed on a terminal, one at a time (stdin is then interactive). */
  readonly typed?: readonly string[];
}

type Register = (program: Command, io: CliIo) => void;

function collected(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { stream, text: () => text };
}

function stdinFor(input: RunInput): Readable {
  if (input.typed === undefined) return Readable.from(input.stdin === undefined ? [] : [input.stdin]);
  const terminal = new PassThrough();
  for (const line of input.typed) terminal.write(`${line}\r`);
  return terminal;
}

/** A CLI bound to a fresh data folder; `dispose` removes it and restores the environment. */
export async function cliHarness(register: Register): Promise<{
  readonly dataDir: string;
  run(args: readonly string[], input?: RunInput): Promise<CliRun>;
  dispose(): Promise<void>;
}> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'zhili-cli-'));
  const saved = { DATA_DIR: process.env.DATA_DIR, MONGODB_URI: process.env.MONGODB_URI };
  process.env.DATA_DIR = dataDir;
  delete process.env.MONGODB_URI;
  return {
    dataDir,
    async run(args, input = {}) {
      const stdout = collected();
      const stderr = collected();
      const io: CliIo = {
        stdin: stdinFor(input),
        stdout: stdout.stream,
        stderr: stderr.stream,
        interactive: input.typed !== undefined,
      };
      const program = new Command('zhili').exitOverride();
      register(program, io);
      let error: CliRun['error'];
      try {
        await program.parseAsync([...args], { from: 'user' });
      } catch (caught) {
        error = caught as Error;
      }
      await new Promise((resolve) => setImmediate(resolve));
      return { stdout: stdout.text(), stderr: stderr.text(), error };
    },
    async dispose() {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) Reflect.deleteProperty(process.env, key);
        else process.env[key] = value;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
