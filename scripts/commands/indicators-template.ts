/**
 * `indicators template <framework> --format csv|xlsx [--out FILE]`: the framework's data
 * collection form, one per community and period. With `--under CODE [--values PERIOD] [--period P]`
 * it is prefilled from the configured store (services/data-template.ts).
 */
import { Option, type Command } from 'commander';
import { NotFoundError } from '../../server/errors.js';
import { templateCsv } from '../../server/indicators/template/template-csv.js';
import { templateXlsx } from '../../server/indicators/template/template-xlsx.js';
import { CliError } from './cli-error.js';
import { definitionsDir, registryOrExit, writeOutput } from './indicators-io.js';
import { withStore } from './with-store.js';
import { dataTemplate } from '../../server/services/data-template.js';
import { cliActor } from '../../server/services/actor.js';

interface TemplateOptions {
  readonly format: 'csv' | 'xlsx';
  readonly out?: string;
  readonly dir?: string;
  readonly under?: string;
  readonly values?: string;
  readonly period?: string;
}

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
    .option('--under <code>', 'prefill the communities under this district or street (from the store)')
    .option('--values <period>', "with --under: fill in this period's stored values")
    .option('--period <period>', 'with --under: the period column (default: --values)')
    .action(async (frameworkId: string, options: TemplateOptions) => {
      const registry = await registryOrExit(definitionsDir(options.dir));
      if (options.format === 'xlsx' && options.out === undefined && process.stdout.isTTY) {
        throw new CliError('an XLSX file is binary: give --out FILE (or redirect stdout)');
      }
      if (options.under !== undefined || options.values !== undefined || options.period !== undefined) {
        const { under, values, period } = options;
        const file = await withStore((store) =>
          dataTemplate({ store, registry }, cliActor(), {
            framework: frameworkId,
            format: options.format,
            ...(under === undefined ? {} : { under }),
            ...(values === undefined ? {} : { values }),
            ...(period === undefined ? {} : { period }),
          }),
        );
        await writeOutput(options.out, file.body);
        return;
      }
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
      await writeOutput(options.out, await templateXlsx(framework));
    });
}
