/**
 * `audit`: the statistical audit of a data table scored with a framework (the same data options as
 * `score`, read and scored with score's helpers), written into --out as stats.csv, correlations.csv,
 * flags.csv, with_parent.csv, cronbach.csv, pca.csv, size_correlations.csv and remove.csv.
 *
 * @example npm run zhili -- audit --framework asem --data ../shared/datasets/asem/asem_iData.csv --out audit
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { auditEvaluation, type AuditOptions } from '../../server/engine/audit/audit.js';
import { runPipeline } from '../../server/engine/pipeline.js';
import { ValidationError } from '../../server/errors.js';
import { toAuditDocument } from '../../server/evaluation/audit-document.js';
import { toEngineInput } from '../../server/indicators/to-engine-input.js';
import { safeCsv } from '../../server/intake/safe-csv.js';
import {
  STATISTICAL_AUDIT_TABLES,
  statisticalAuditTable,
} from '../../server/reports/views/statistical-audit-tables.js';
import { cliErrorOf } from './app-error-text.js';
import { CliError } from './cli-error.js';
import { definitionsDir, registryOrExit } from './indicators-io.js';
import { scoreChoices, type ChoiceOptions } from './score-choices.js';
import { withRawIndicators } from './score-raw-indicators.js';
import { readScoringData } from './score-table.js';
import { withScoringDataOptions } from './scoring-data-options.js';

interface AuditCommandOptions extends ChoiceOptions {
  readonly framework: string;
  readonly data: string;
  readonly out: string;
  readonly methodology: string;
  readonly denominate: boolean;
  readonly unitColumn: string;
  readonly periodColumn: string;
  readonly definitions?: string;
  readonly period?: string;
  readonly doubleCounting: string;
  readonly pullingApart: string;
  readonly sizeThreshold: string;
  readonly sizeVariables?: string;
}

/** The CSV files the command writes (the page's tables without the Monte Carlo sensitivity). */
export const AUDIT_FILES = STATISTICAL_AUDIT_TABLES.filter((t) => t !== 'sensitivity');

function numberOption(text: string, name: string, low: number, high: number): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < low || value > high) {
    throw new CliError(`${name} must be a number from ${low} to ${high}, found "${text}"`);
  }
  return value;
}

export function registerAudit(program: Command): void {
  withScoringDataOptions(
    program
      .command('audit')
      .description(
        'statistical audit of a data table scored with a framework; write its CSV tables into --out',
      ),
  )
    .option('--period <id>', 'the period to audit (default: the last)')
    .option('--double-counting <r>', 'flag |r| above this inside one dimension', '0.9')
    .option('--pulling-apart <r>', 'flag r below this inside one dimension', '-0.4')
    .option('--size-threshold <r>', 'report |r| at least this with a size variable', '0.6')
    .option('--size-variables <names>', 'more size variables (comma-separated input columns)')
    .action(async (options: AuditCommandOptions) => {
      if (!['auto', 'panel', 'framework'].includes(options.methodology)) {
        throw new CliError(`--methodology must be auto, panel or framework, found "${options.methodology}"`);
      }
      const registry = await registryOrExit(definitionsDir(options.definitions));
      const framework = registry.resolveFramework(options.framework);
      const data = await readScoringData(path.resolve(options.data), options).catch((error: unknown) => {
        throw cliErrorOf(error);
      });
      const panel =
        options.methodology === 'panel' || (options.methodology === 'auto' && data.periods.length > 1);
      const input = toEngineInput(framework, data.units, data.periods);
      const scored = options.denominate && !panel ? input : withRawIndicators(input, data.numericColumns);
      const auditOptions = readAuditOptions(
        options,
        data.periods.map((p) => p.id),
      );
      let audit;
      try {
        audit = auditEvaluation(
          scored,
          runPipeline(scored, scoreChoices(framework, options, panel)),
          auditOptions,
        );
      } catch (error) {
        if (error instanceof ValidationError) throw new CliError(error.message);
        throw error;
      }
      const out = path.resolve(options.out);
      mkdirSync(out, { recursive: true });
      const stored = toAuditDocument(audit);
      for (const name of AUDIT_FILES) {
        const table = statisticalAuditTable(stored, [], name, 'en');
        writeFileSync(path.join(out, `${name}.csv`), safeCsv([table.ids, ...table.rows], { bom: false }));
      }
      console.log(
        `${framework.definition.id}: audited period ${audit.period} (${audit.indicators.length} indicators, ${audit.flags.length} correlation flag(s))`,
      );
      console.log(`wrote ${AUDIT_FILES.map((f) => `${f}.csv`).join(', ')} into ${options.out}`);
    });
}

function readAuditOptions(options: AuditCommandOptions, periods: readonly string[]): AuditOptions {
  let period: number | undefined;
  if (options.period !== undefined) {
    period = periods.indexOf(options.period);
    if (period < 0)
      throw new CliError(`--period "${options.period}" is not in the data (${periods.join(', ')})`);
  }
  return {
    ...(period === undefined ? {} : { period }),
    flagThresholds: {
      high: numberOption(options.doubleCounting, '--double-counting', 0, 1),
      low: numberOption(options.pullingApart, '--pulling-apart', -1, 0),
    },
    sizeThreshold: numberOption(options.sizeThreshold, '--size-threshold', 0, 1),
    ...(options.sizeVariables === undefined
      ? {}
      : {
          sizeVariables: options.sizeVariables
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== ''),
        }),
  };
}
