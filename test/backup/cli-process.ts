/**
 * The Zhili CLI as a real child process (node with the tsx loader, as `npm run zhili` runs it), so
 * a test can SIGKILL it in the middle of a command, as a power cut or the OOM killer would.
 *
 * @example const cli = runCli(['backup', '--out', file], { DATA_DIR: dir }); await cli.exited;
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { projectRoot } from '../../server/paths.js';

export interface CliProcess {
  readonly child: ChildProcess;
  /** Everything printed so far, stdout and stderr together. */
  output(): string;
  /** Resolves on the first printed line that `test` accepts. */
  line(test: (line: string) => boolean): Promise<string>;
  /** The exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
}

export function runCli(args: readonly string[], env: Record<string, string>): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/zhili.ts', ...args], {
    cwd: projectRoot,
    env: { ...process.env, MONGODB_URI: '', ZHILI_BACKUP_KEY_FILE: '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const waiting: { test: (line: string) => boolean; resolve: (line: string) => void }[] = [];
  const onData = (chunk: Buffer): void => {
    text += chunk.toString('utf8');
    for (const wait of [...waiting]) {
      const found = text.split('\n').find((line) => wait.test(line));
      if (found !== undefined) {
        waiting.splice(waiting.indexOf(wait), 1);
        wait.resolve(found);
      }
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      resolve(code);
    }),
  );
  return {
    child,
    output: () => text,
    line: (test) =>
      new Promise<string>((resolve, reject) => {
        const found = text.split('\n').find(test);
        if (found !== undefined) {
          resolve(found);
          return;
        }
        waiting.push({ test, resolve });
        void exited.then((code) => {
          reject(new Error(`the CLI exited (${String(code)}) first:\n${text}`));
        });
      }),
    exited,
  };
}
