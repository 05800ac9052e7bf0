/**
 * `indicators template <framework> --format csv|xlsx [--out FILE]`: the framework's data
 * collection form, one per community and period.
 */
import { Option, type Command } from 'commander';
import { NotFoundError } from '../../server/errors.js';
import { templateCsv } from '../../server/indicators/template/template-csv.js';
import { templateXlsx } from '../../server/indicators/template/template-xlsx.js';
import { CliError } from './cli-error.js';
import { definitionsDir, registryOrExit, writeOutput } from './indicators-io.js';

export function registerIndicatorsTemplate(indicators: Command): void {
  indicators
    .command('template')
    .description(
      "write a framework's data-collection template (CSV with BOM, or XLSX with a variables sheet)",
    )
    .argument('<framework>', 'framework id, e.g. default')
    .addOption(new Option('--format <format>', 'file format').choices(['csv', 'xlsx']).default('csv'))
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--dir <dir>', 'the definitions folder (default: indicators/)')
    .action(async (frameworkId: string, options: { format: 'csv' | 'xlsx'; out?: string; dir?: string }) => {
      const registry = await registryOrExit(definitionsDir(options.dir));
      let framework;
      try {
        framework = registry.resolveFramework(frameworkId);
      } catch (error) {
        if (error instanceof NotFoundError) throw new CliError(error.message);
        throw error;
      }
      if (options.format === 'csv') {
        await writeOutput(options.out, templateCsv(framework));
        return;
      }
      if (options.out === undefined && process.stdout.isTTY) {
        throw new CliError('an XLSX file is binary: give --out FILE (or redirect stdout)');
      }
      await writeOutput(options.out, await templateXlsx(framework));
    });
}
