/**
 * loadRegistry(dir): reads every definition under `dir`, validates and cross-checks them all, and
 * either returns the frozen Registry or throws one RegistryError listing every problem (file,
 * JSON pointer, expected, found). checkFolder(dir) does the same without throwing.
 * A file that breaks its schema gets its schema problems only; the cross-checks (references,
 * formulas, variables, methods) run on every schema-valid file, so one bad file does not hide the
 * problems of the others. Formulas are compiled once here, and every framework is
 * resolved here too, so that nothing can fail later at request time.
 *
 * @example
 * const registry = await loadRegistry(indicatorsDir);
 * const framework = registry.resolveFramework('default');
 */
import { checkDefinitions, type FolderCheck } from './check-definitions.js';
import { readDefinitionFiles } from './read-definition-files.js';
import { RegistryError } from './registry-error.js';
import type { Registry } from './registry-types.js';

export type { FolderCheck } from './check-definitions.js';

/** Checks every definition under `dir`; never throws for a problem in the definitions. */
export async function checkFolder(dir: string): Promise<FolderCheck> {
  return checkDefinitions(await readDefinitionFiles(dir), dir);
}

/** Loads `dir`, or throws a RegistryError listing every problem. */
export async function loadRegistry(dir: string): Promise<Registry> {
  const checked = await checkFolder(dir);
  if (checked.registry === undefined) throw new RegistryError(checked.problems);
  return checked.registry;
}
