/**
 * The options `score` and `audit` share: which framework, which data file and where to write, and
 * every method choice a scoring run takes. One declaration, so the two commands cannot drift.
 *
 * @example withScoringDataOptions(program.command('audit')).option('--period <id>', …)
 */
import type { Command } from 'commander';
import { methodHelp } from './method-help.js';

export function withScoringDataOptions(command: Command): Command {
  return command
    .requiredOption('--framework <id>', 'framework id (indicators/frameworks/<id>.json)')
    .requiredOption('--data <file>', 'CSV: one row per unit (and period); empty cell = missing')
    .requiredOption('--out <dir>', 'output folder')
    .option(
      '--methodology <which>',
      'framework | panel (COINr multi-year) | auto: panel when there are several periods',
      'auto',
    )
    .option('--no-denominate', "use each indicator's raw column instead of its formula (implied by panel)")
    .option('--normalisation <method>', methodHelp('normalisation'))
    .option('--range <low,high>', 'range for minmax or goalposts, e.g. 1,100')
    .option('--aggregation <method>', methodHelp('aggregation'))
    .option('--weighting <method>', methodHelp('weighting', 'ahp needs its matrix in the framework'))
    .option('--weights <file>', 'custom relative weights: a CSV with iCode and Weight columns')
    .option('--imputation <method>', methodHelp('imputation'))
    .option('--group <column>', 'the unit attribute for group_mean / group_median')
    .option('--screening <method>', methodHelp('screening'))
    .option('--threshold <share>', 'data-availability threshold for by_availability')
    .option('--treatment <method>', methodHelp('treatment'))
    .option('--periods <method>', methodHelp('periods', 'normalisation bounds'))
    .option('--unit-column <name>', 'the unit-code column', 'uCode')
    .option('--period-column <name>', 'the period column', 'Time')
    .option('--definitions <dir>', "definitions folder (default: the repository's indicators/)");
}
