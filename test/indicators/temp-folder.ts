/** Test helper: a throw-away copy of a definitions folder, and small JSON edits inside it. */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface TempFolder {
  readonly dir: string;
  readJson(file: string): Promise<Record<string, unknown>>;
  writeJson(file: string, value: unknown): Promise<void>;
  remove(): Promise<void>;
}

export async function copyFolder(source: string): Promise<TempFolder> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'zhili-indicators-'));
  await cp(source, dir, { recursive: true });
  return {
    dir,
    async readJson(file) {
      return JSON.parse(await readFile(path.join(dir, file), 'utf8')) as Record<string, unknown>;
    },
    async writeJson(file, value) {
      const { mkdir } = await import('node:fs/promises');
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), `${JSON.stringify(value, null, 2)}\n`);
    },
    async remove() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}
