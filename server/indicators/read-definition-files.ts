/**
 * Lists and reads every definition file under a folder: *.json at any depth, except the schemas
 * (*.schema.json) and hidden folders. Paths are relative to the folder, with "/" separators, and
 * sorted, so that problems and loading order are the same on every machine.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface DefinitionFile {
  /** Relative to the loaded folder, "/"-separated: coverage/grid_household_coverage.json */
  readonly file: string;
  readonly absolutePath: string;
  readonly text: string;
}

export function isDefinitionFileName(name: string): boolean {
  return name.endsWith('.json') && !name.endsWith('.schema.json');
}

async function listJsonFiles(root: string, relative: string): Promise<string[]> {
  const entries = await readdir(path.join(root, relative), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      if (entry.name.startsWith('.')) return [];
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) return listJsonFiles(root, child);
      return entry.isFile() && isDefinitionFileName(entry.name) ? [child] : [];
    }),
  );
  return nested.flat();
}

export async function readDefinitionFiles(dir: string): Promise<DefinitionFile[]> {
  const files = (await listJsonFiles(dir, '')).sort();
  return Promise.all(
    files.map(async (file) => {
      const absolutePath = path.join(dir, ...file.split('/'));
      return { file, absolutePath, text: await readFile(absolutePath, 'utf8') };
    }),
  );
}
