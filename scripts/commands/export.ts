/**
 * `export EVALUATION --format csv|xlsx|json [--out FILE]`: an evaluation's results as a table,
 * a row per unit and period (scores, ranks, raw and normalised indicator values, reasons).
 * `--format coinr --out DIR`: COINr's iData.csv and iMeta.csv, and results.csv (export-coinr-files.ts).
 */
import type { ExportFormat } from '../../server/evaluation/export-formats.js';
import type { Command } from 'commander';
import { RESULTS_FORMAT, type ResultsDocument } from '../../server/evaluation/results-document.js';
import { CliError } from './cli-error.js';
import { resultsExportChunks, writeChunksOut } from './export-results-output.js';
import { writeCoinrFolder } from './export-coinr-files.js';
import { withStore } from './with-store.js';
import { NotFoundError } from '../../server/errors.js';
import { cliActor } from '../../server/services/actor.js';
import { storedResults, visibleEvaluation } from '../../server/services/read-evaluations.js';
import { serverHoldingStore } from './remote/held-store.js';
import { exportThroughApi } from './remote/export-through-api.js';

interface ExportOptions {
  readonly format: string;
  readonly out?: string;
}

function isResultsDocument(value: unknown): value is ResultsDocument {
  return (
    typeof value === 'object' && value !== null && (value as { format?: unknown }).format === RESULTS_FORMAT
  );
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export an evaluation as CSV, XLSX or JSON, or as COINr tables')
    .argument('<evaluation>', 'evaluation id')
    .option(
      '--format <format>',
      'csv, xlsx, json or coinr (iData.csv, iMeta.csv, results.csv in --out DIR)',
      'csv',
    )
    .option('--out <file>', 'write to this file, or folder for coinr (default: standard output)')
    .action(async (id: string, options: ExportOptions) => {
      if (!['csv', 'xlsx', 'json', 'coinr'].includes(options.format)) {
        throw new CliError(`--format must be csv, xlsx, json or coinr; found "${options.format}"`);
      }
      if (options.format === 'coinr' && options.out === undefined) {
        throw new CliError('--format coinr needs --out DIR (it writes iData.csv, iMeta.csv and results.csv)');
      }
      if (options.format === 'xlsx' && options.out === undefined) {
        throw new CliError('--format xlsx needs --out FILE (a workbook is binary)');
      }
      const server = await serverHoldingStore(cliActor().name);
      if (server !== undefined) return exportThroughApi(server, id, options);
      await withStore(async (store) => {
        const actor = cliActor();
        const evaluation = await visibleEvaluation({ store }, actor, id).catch((error: unknown) => {
          if (error instanceof NotFoundError)
            throw new CliError(`no evaluation ${id}; \`evaluate\` prints the ids it creates`);
          throw error;
        });
        const results = await storedResults({ store }, actor, id);
        if (!isResultsDocument(results))
          throw new CliError(`evaluation ${id} has no results in ${RESULTS_FORMAT} form`);
        if (options.format === 'coinr') {
          await writeCoinrFolder(options.out ?? '.', evaluation.framework.definition, results);
          return;
        }
        const format = options.format as ExportFormat; // checked against the list above
        const sheetName = evaluation.framework.id;
        await writeChunksOut(options.out, resultsExportChunks({ format, evaluation, results, sheetName }));
      });
    });
}
