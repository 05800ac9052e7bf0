/**
 * `indicators import-coinr <iMeta.csv> --id ID [--data iData.csv] [--methods ID|FILE] [--out DIR]`:
 * a COINr index (its iMeta table, with its iData table for the goalposts) as a Zhili framework.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { NotFoundError } from '../../server/errors.js';
import { importCoinrFolder, pairedDataFile } from '../../server/indicators/coinr/import-folder.js';
import { cliErrorOf } from './app-error-text.js';
import { CliError } from './cli-error.js';
import { definitionsDir, registryOrExit } from './indicators-io.js';

export interface ImportCoinrOptions {
  readonly id: string;
  readonly out?: string;
  readonly data?: string;
  readonly methods?: string;
  readonly dir?: string;
}

/** `--methods`: a JSON file (a methods block, or a framework holding one) or the id of a framework in the definitions. */
async function methodsOf(given: string, dir: string): Promise<Record<string, unknown>> {
  if (given.endsWith('.json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(path.resolve(given), 'utf8'));
    } catch (error) {
      throw new CliError(`--methods ${given}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const object = parsed as Record<string, unknown> | null;
    const methods = object?.kind === 'framework' ? object.methods : object;
    if (methods === null || typeof methods !== 'object' || Array.isArray(methods)) {
      throw new CliError(
        `--methods ${given}: expected a JSON object of methods (or a framework), found ${JSON.stringify(parsed).slice(0, 40)}`,
      );
    }
    return methods as Record<string, unknown>;
  }
  const registry = await registryOrExit(dir);
  try {
    return { ...registry.resolveFramework(given).definition.methods };
  } catch (error) {
    if (error instanceof NotFoundError) throw new CliError(`--methods ${given}: ${error.message}`);
    throw error;
  }
}

export async function runImportCoinr(imeta: string, options: ImportCoinrOptions): Promise<string> {
  const dir = definitionsDir(options.dir);
  const imetaFile = path.resolve(imeta);
  if (!existsSync(imetaFile)) throw new CliError(`no such file: ${imeta}`);
  const dataFile = options.data === undefined ? pairedDataFile(imetaFile) : path.resolve(options.data);
  if (dataFile === undefined) {
    throw new CliError(
      `give --data iData.csv: the goalposts need the observed values (no *_iData.csv beside ${imeta})`,
    );
  }
  const outDir = options.out === undefined ? dir : path.resolve(options.out);
  try {
    const done = await importCoinrFolder({
      imetaFile,
      dataFile,
      id: options.id,
      outDir,
      ...(options.methods === undefined ? {} : { methods: await methodsOf(options.methods, dir) }),
    });
    return `wrote ${done.indicators} indicators and ${done.dimensions} dimensions under ${path.join(outDir, options.id)} and ${path.join(outDir, 'frameworks', `${options.id}.json`)}`;
  } catch (error) {
    throw cliErrorOf(error);
  }
}

export function registerIndicatorsImportCoinr(indicators: Command): void {
  indicators
    .command('import-coinr')
    .description('turn a COINr iMeta table (with its iData table for the goalposts) into a framework')
    .argument('<imeta>', 'the iMeta CSV: Level, iCode, iName, Direction, Weight, Parent, Type, …')
    .requiredOption('--id <id>', 'the new framework id, also the folder its definitions go in')
    .option('--data <file>', 'the iData CSV (default: the *_iData.csv beside a *_iMeta.csv)')
    .option(
      '--methods <id|file>',
      "the framework's methods: a framework id or a JSON file (default: DESIGN.md's defaults)",
    )
    .option('--out <dir>', 'the definitions folder to write into (default: indicators/)')
    .option('--dir <dir>', 'the definitions folder --methods ids are looked up in (default: indicators/)')
    .action(async (imeta: string, options: ImportCoinrOptions) => {
      console.error(await runImportCoinr(imeta, options));
    });
}
