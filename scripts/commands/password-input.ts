/**
 * Reading a new password without it ever being a command-line argument (which would land in the
 * shell history and in `ps`): from stdin with --password-stdin (one line, for scripts), or asked
 * twice on the terminal with echo off.
 *
 * @example printf '%s\n' "$PW" | npm run zhili -- users add li --role viewer --password-stdin
 */
import { createInterface } from 'node:readline';
import { Writable, type Readable } from 'node:stream';
import { CliError } from './cli-error.js';
import type { CliIo } from './cli-io.js';

/** All of stdin, without the final line break (printf and echo add one). */
export async function passwordFromStdin(stdin: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (password.length === 0) throw new CliError('--password-stdin: stdin held no password');
  if (password.includes('\n')) throw new CliError('--password-stdin: give the password on one line');
  return password;
}

/**
 * Asks each question in turn and reads the answers from one readline interface (so typed-ahead
 * lines are not lost) without echoing them: the keystrokes go to a muted output.
 */
export async function askHidden(
  questions: readonly string[],
  input: Readable,
  prompt: Writable,
): Promise<string[]> {
  const muted = new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });
  const lines = createInterface({ input, output: muted, terminal: true });
  const cancelled = new Promise<never>((_resolve, reject) => {
    lines.once('SIGINT', () => {
      reject(new CliError('cancelled: nothing was changed'));
    });
  });
  cancelled.catch(() => undefined);
  const answers = lines[Symbol.asyncIterator]();
  try {
    const given: string[] = [];
    for (const question of questions) {
      prompt.write(question);
      const answer = await Promise.race([answers.next(), cancelled]);
      prompt.write('\n');
      if (answer.done === true) throw new CliError('no password was entered: nothing was changed');
      given.push(answer.value);
    }
    return given;
  } finally {
    lines.close();
  }
}

/** The new password: from stdin when asked to, else typed twice on the terminal. */
export async function readNewPassword(io: CliIo, fromStdin: boolean): Promise<string> {
  if (fromStdin) return passwordFromStdin(io.stdin);
  if (!io.interactive) {
    throw new CliError('no terminal to ask for the password: pipe it in and add --password-stdin');
  }
  const [first = '', second] = await askHidden(
    ['New password (at least 10 characters) / 新密码: ', 'Repeat it / 再输入一次: '],
    io.stdin,
    io.stderr,
  );
  if (first !== second) throw new CliError('the two passwords differ: nothing was changed');
  return first;
}
