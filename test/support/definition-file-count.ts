import { readdir } from 'node:fs/promises';

/**
 * How many definition files a folder holds (*.json at any depth, schemas and hidden folders left
 * out), counted here with a plain directory walk rather than the loader under test, so that tests
 * follow the catalogue as definitions are added.
 */
export async function definitionFileCount(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter(
    (entry) =>
      entry.isFile() &&
      entry.name.endsWith('.json') &&
      !entry.name.endsWith('.schema.json') &&
      !entry.parentPath.split(/[\\/]/).some((part) => part.startsWith('.')),
  ).length;
}
