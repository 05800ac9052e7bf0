/**
 * What the `indicators` commands share: the definitions folder (default: the repository's
 * indicators/), loading it or failing with every problem listed, and writing a result to a file
 * or to stdout.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import { formatProblem } from '../../server/indicators/problem.js';
import { RegistryError } from '../../server/indicators/registry-error.js';
import type { Registry } from '../../server/indicators/registry-types.js';
import { indicatorsDir } from '../../server/paths.js';
import { CliError } from './cli-error.js';

export function definitionsDir(given: string | undefined): string {
  return given === undefined ? indicatorsDir : path.resolve(given);
}

/** The registry of `dir`, or a CliError listing every problem (exit 1). */
export async function registryOrExit(dir: string): Promise<Registry> {
  try {
    return await loadRegistry(dir);
  } catch (error) {
    if (!(error instanceof RegistryError)) throw error;
    throw new CliError(
      [
        ...error.problems.map(formatProblem),
        `${error.problems.length} problem(s): run \`indicators check\` after fixing them.`,
      ].join('\n'),
    );
  }
}

/** Writes to `out` when given (and says so on stderr), otherwise to stdout. */
export async function writeOutput(out: string | undefined, content: string | Uint8Array): Promise<void> {
  if (out === undefined) {
    process.stdout.write(content);
    return;
  }
  await writeFile(out, content);
  console.error(`wrote ${out}`);
}
