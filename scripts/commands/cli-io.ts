/**
 * Where a command reads and writes: the process's streams, or in tests, streams the test holds.
 * Results go to stdout (so `zhili users token … > file` keeps only the token); prompts and notes
 * go to stderr.
 */
import type { Readable, Writable } from 'node:stream';

export interface CliIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** True when stdin is a terminal that can be asked for a password. */
  readonly interactive: boolean;
}

export function processIo(): CliIo {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    interactive: process.stdin.isTTY,
  };
}

/** Writes one line. */
export function say(stream: Writable, line: string): void {
  stream.write(`${line}\n`);
}
