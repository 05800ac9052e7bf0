/**
 * `indicators new <dimension> <id>`: writes a starting definition next to the dimension's own file
 * (indicators/<dimension>/<id>.json for the standard layout) that passes `indicators check`.
 * Refuses an id already in use, an invalid id or an unknown dimension.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { scaffoldIndicator } from '../../server/indicators/scaffold-indicator.js';
import { CliError } from './cli-error.js';
import { definitionsDir, registryOrExit } from './indicators-io.js';

const ID = /^[A-Za-z][A-Za-z0-9_]*$/;

/** JSON as the repository's Prettier writes it, so that `npm run format:check` stays green. */
async function formatJson(file: string, value: unknown): Promise<string> {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  try {
    const prettier = await import('prettier');
    const config = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(text, { ...config, filepath: file });
  } catch {
    // Prettier is a development tool; without it the plain JSON is still valid.
    return text;
  }
}

export function registerIndicatorsNew(indicators: Command): void {
  indicators
    .command('new')
    .description('scaffold a new indicator definition that passes `indicators check`')
    .argument('<dimension>', 'the id of an existing dimension')
    .argument('<id>', 'the new indicator id (a letter, then letters, digits or _)')
    .option('--dir <dir>', 'the definitions folder (default: indicators/)')
    .action(async (dimensionId: string, id: string, options: { dir?: string }) => {
      if (!ID.test(id)) throw new CliError(`"${id}" is not a valid id: a letter, then letters, digits or _`);
      const dir = definitionsDir(options.dir);
      const registry = await registryOrExit(dir);
      const dimension = registry.dimensions.get(dimensionId);
      if (dimension === undefined) {
        throw new CliError(
          `unknown dimension "${dimensionId}"; known: ${[...registry.dimensions.keys()].join(', ')}`,
        );
      }
      const taken = registry.indicators.get(id) ?? registry.dimensions.get(id);
      if (taken !== undefined) throw new CliError(`"${id}" is already used by ${taken.file}`);
      const file = path.join(dir, path.dirname(dimension.file), `${id}.json`);
      if (existsSync(file)) throw new CliError(`${path.relative(dir, file)} already exists`);
      await writeFile(file, await formatJson(file, scaffoldIndicator(dimensionId, id)), { flag: 'wx' });
      console.log(
        `wrote ${path.relative(process.cwd(), file)}: edit its texts, inputs, formula and fixtures, then run \`indicators check\``,
      );
    });
}
