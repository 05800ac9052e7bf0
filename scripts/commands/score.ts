/**
 * `score`: scores a data table with a framework and writes scores.csv and ranks.csv; with --stages
 * every stage's values, with --replay the replications of an external sensitivity design.
 *
 * @example npm run zhili -- score --framework asem --data ../shared/datasets/asem/asem_iData.csv --out out
 */
import path from 'node:path';
import type { Command } from 'commander';
import { ValidationError } from '../../server/errors.js';
import { runPipeline } from '../../server/engine/pipeline.js';
import { RowFlag } from '../../server/engine/flags.js';
import { toEngineInput } from '../../server/indicators/to-engine-input.js';
import { cliErrorOf } from './app-error-text.js';
import { CliError } from './cli-error.js';
import { definitionsDir, registryOrExit } from './indicators-io.js';
import { scoreChoices, type ChoiceOptions } from './score-choices.js';
import { writeScoreFiles } from './score-output.js';
import { readReplay, writeReplay } from './score-replay.js';
import { STAGE_FILES, writeStageFiles } from './score-stages.js';
import { writeUncertainty } from './score-uncertainty.js';
import { withRawIndicators } from './score-raw-indicators.js';
import { readScoringData } from './score-table.js';
import { withScoringDataOptions } from './scoring-data-options.js';

interface ScoreOptions extends ChoiceOptions {
  readonly framework: string;
  readonly data: string;
  readonly out: string;
  readonly methodology: string;
  readonly denominate: boolean;
  readonly unitColumn: string;
  readonly periodColumn: string;
  readonly definitions?: string;
  readonly uncertainty?: string;
  readonly uncertaintySettings?: string;
  readonly stages?: boolean;
  readonly replay?: string;
}

export function registerScore(program: Command): void {
  withScoringDataOptions(
    program
      .command('score')
      .description('score a data table (CSV) with a framework; write scores.csv, ranks.csv and log.json'),
  )
    .option('--uncertainty <runs>', 'also run a Monte Carlo of the ranks: write uncertainty.csv and .json')
    .option(
      '--uncertainty-settings <file>',
      'JSON: the factors to vary (default: weights ±25 %, treatment on/off)',
    )
    .option(
      '--stages',
      'also write every stage: stages/computed, imputed, treated, normalised, aggregated .csv',
    )
    .option(
      '--replay <file>',
      'JSON { runs: [{ id, weights?, methods?, winmax? }] }: rerun each replication, write replay.csv',
    )
    .action(async (options: ScoreOptions) => {
      const registry = await registryOrExit(definitionsDir(options.definitions));
      const framework = registry.resolveFramework(options.framework);
      const data = await readScoringData(path.resolve(options.data), options).catch((error: unknown) => {
        throw cliErrorOf(error);
      });
      const panel =
        options.methodology === 'panel' || (options.methodology === 'auto' && data.periods.length > 1);
      if (!['auto', 'panel', 'framework'].includes(options.methodology)) {
        throw new CliError(`--methodology must be auto, panel or framework, found "${options.methodology}"`);
      }
      const input = toEngineInput(framework, data.units, data.periods);
      const denominate = options.denominate && !panel;
      const choices = scoreChoices(framework, options, panel);
      const scored = denominate ? input : withRawIndicators(input, data.numericColumns);
      let result;
      try {
        result = runPipeline(scored, choices);
      } catch (error) {
        if (error instanceof ValidationError) throw new CliError(error.message);
        throw error;
      }
      const dropped = result.unitCodes.flatMap((code, u) =>
        result.periodIds
          .filter((_, p) => ((result.rowFlags[p * result.unitCount + u] ?? 0) & RowFlag.ScreenedOut) !== 0)
          .map((id) => `${code}@${id}`),
      );
      const shape = {
        unitColumn: options.unitColumn,
        ...(result.periodIds.length > 1 ? { periodColumn: options.periodColumn } : {}),
      };
      const { rows } = writeScoreFiles(result, path.resolve(options.out), shape);
      console.log(
        `${framework.definition.id}: ${rows} row(s) scored (${result.unitCount} units × ${result.periodIds.length} period(s), ${panel ? 'panel' : 'framework'} methodology${denominate ? '' : ', no denominators'})`,
      );
      if (dropped.length > 0) console.log(`screened out: ${dropped.join(' ')}`);
      console.log(`wrote ${path.join(options.out, 'scores.csv')}, ranks.csv and log.json`);
      if (options.stages === true)
        console.log(
          `wrote ${writeStageFiles(result, path.resolve(options.out), shape)}/{${STAGE_FILES.join(',')}}.csv`,
        );
      if (options.replay !== undefined) {
        const runs = readReplay(path.resolve(options.replay));
        const replayed = writeReplay(scored, choices, runs, path.resolve(options.out), shape);
        console.log(`wrote replay.csv (${replayed.runs} runs)`);
      }
      if (options.uncertainty !== undefined) {
        const { uncertainty, uncertaintySettings } = options;
        const mc = await writeUncertainty(
          scored,
          choices,
          { uncertainty, ...(uncertaintySettings === undefined ? {} : { uncertaintySettings }) },
          path.resolve(options.out),
          shape,
        );
        console.log(
          `wrote uncertainty.csv and uncertainty.json (${mc.runs} runs, factors ${mc.factors.join(', ')})`,
        );
      }
    });
}
