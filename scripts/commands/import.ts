/**
 * `import units FILE`, `import data FILE [--period P] [--framework default | --variables FILE.json] [--source S] [--corrects BATCH --reason TEXT]` and
 * `import responses FILE [--framework default] [--period P]` (survey respondents, one row each):
 * a unit register, a data file or a respondent file (CSV in UTF-8 or GB18030, XLSX, JSON) into the configured store
 * as one all-or-nothing batch, with a progress bar on stderr. A file with bad cells imports
 * nothing: the command writes the validation report as CSV, names its path and exits 1. The same
 * file imported again changes nothing. Both run the import use cases (server/services/), which
 * audit them as the web doors do, for the actor cli:<system user> unless --actor names another.
 */
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../server/errors.js';
import type { IntakeResult, IntakeStage } from '../../server/services/import-observations-file.js';
import { DEFAULT_MAX_BYTES, readIntakeFile } from '../../server/intake/intake-file.js';
import type { DataRule } from '../../server/indicators/data-rules.js';
import type { JumpLimits } from '../../server/indicators/definitions.js';
import type { IntakeVariable } from '../../server/intake/intake-variable.js';
import { asIntakeVariables } from '../../server/intake/intake-variables-json.js';
import { describeReason, reportCsv } from '../../server/intake/report-csv.js';
import { periodFromId } from '../../server/domain/period.js';
import { cliActor } from '../../server/services/actor.js';
import { importObservations } from '../../server/services/import-observations.js';
import { importUnits } from '../../server/services/import-units.js';
import { importResponses } from '../../server/services/import-responses.js';
import { provenanceOf } from '../../server/services/import-provenance.js';
import type { BatchProvenance } from '../../server/store/import-records.js';
import { CliError } from './cli-error.js';
import { withStore } from './with-store.js';
import { definitionsDir, registryOrExit } from './indicators-io.js';
import { serverHoldingStore } from './remote/held-store.js';
import { importThroughApi, type ImportRequest } from './remote/import-through-api.js';
import { registerImportReview } from './import-review.js';

interface CommonOptions {
  readonly actor?: string;
  readonly report?: string;
  readonly maxSize?: string;
}

interface DataOptions extends CommonOptions {
  readonly period?: string;
  readonly framework: string;
  readonly variables?: string;
  readonly source?: string;
  readonly corrects?: string;
  readonly reason?: string;
}

function maxBytesOf(options: CommonOptions): number {
  if (options.maxSize === undefined) return DEFAULT_MAX_BYTES;
  const megabytes = Number(options.maxSize);
  if (!Number.isFinite(megabytes) || megabytes <= 0)
    throw new CliError(`--max-size must be a number of megabytes; found "${options.maxSize}"`);
  return Math.round(megabytes * 1024 * 1024);
}

/** The variables a data file may hold and the framework's import rules (none with --variables). */
async function variablesOf(options: DataOptions): Promise<{
  variables: readonly IntakeVariable[];
  rules: readonly DataRule[];
  jumps?: JumpLimits | undefined;
}> {
  if (options.variables !== undefined) {
    const text = await readFile(userPath(options.variables), 'utf8').catch(() => {
      throw new CliError(`cannot read --variables ${options.variables ?? ''}`);
    });
    return { variables: asIntakeVariables(JSON.parse(text), path.basename(options.variables)), rules: [] };
  }
  const registry = await registryOrExit(definitionsDir(undefined));
  try {
    const framework = registry.resolveFramework(options.framework);
    return { variables: framework.variables, rules: framework.rules, jumps: framework.definition.jumps };
  } catch (error) {
    if (error instanceof AppError) throw new CliError(error.message);
    throw error;
  }
}

/** A progress bar on stderr for the rows being stored; quiet when stderr is not a terminal. */
function progressBar(fileName: string): {
  update: (stage: IntakeStage, done: number, total: number) => void;
  stop: () => void;
} {
  const bar = new SingleBar(
    {
      format: `${fileName} {stage} [{bar}] {percentage}% | {value}/{total}`,
      stream: process.stderr,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(stage, done, total) {
      if (!started) bar.start(total, done, { stage });
      started = true;
      bar.setTotal(total);
      bar.update(done, { stage });
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}

/** Paths as the user typed them: `npm run` changes to the package folder, INIT_CWD is where they were. */
function userPath(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

function reportPath(file: string, given: string | undefined): string {
  return userPath(given ?? `${path.parse(file).name}.report.csv`);
}

async function finish(file: string, result: IntakeResult, options: CommonOptions): Promise<void> {
  const { batch, outcome, report } = result;
  if (outcome === 'duplicate') {
    console.log(
      `${batch.fileName} was imported before as batch ${batch.id} (${batch.committedAt ?? ''}); nothing changed`,
    );
    return;
  }
  const out = reportPath(file, options.report);
  if (report !== undefined && report.issues.length > 0) await writeFile(out, reportCsv(report));
  if (outcome === 'committed') {
    const warnings = batch.counts.warnings > 0 ? `; ${batch.counts.warnings} warning(s), see ${out}` : '';
    console.log(
      `committed batch ${batch.id} (sequence ${batch.sequence ?? '?'}): ${batch.counts.stored} row(s) from ${batch.fileName}${warnings}`,
    );
    return;
  }
  const first = (report?.issues ?? [])
    .filter((issue) => issue.severity === 'error')
    .slice(0, 5)
    .map(
      (issue) =>
        `  row ${issue.row}${issue.column === null ? '' : `, column ${issue.column.letter} (${issue.column.header})`}: ${describeReason(issue.reason)} "${issue.value}"; expected ${issue.expected}`,
    );
  throw new CliError(
    [
      `${batch.fileName}: ${batch.counts.errors} error(s), ${batch.counts.warnings} warning(s); nothing was imported (batch ${batch.id} failed).`,
      ...first,
      `Full report: ${out}`,
    ].join('\n'),
  );
}

/** Runs an import under a progress bar, stopping the bar before anything else is printed. */
async function withProgress(
  fileName: string,
  run: (onProgress: (stage: IntakeStage, done: number, total: number) => void) => Promise<IntakeResult>,
): Promise<IntakeResult> {
  const bar = progressBar(fileName);
  try {
    return await run(bar.update);
  } finally {
    bar.stop();
  }
}

export function registerImport(program: Command): void {
  const command = program
    .command('import')
    .description('import a unit register or a data file into the store');
  const common = (sub: Command): Command =>
    sub
      .option('--actor <name>', 'who imports (default: cli:<system user>)')
      .option('--report <file>', 'where to write the validation report (default: FILE.report.csv here)')
      .option('--max-size <MB>', `largest file accepted, in MB (default ${DEFAULT_MAX_BYTES / 1024 / 1024})`);

  common(command.command('units').argument('<file>', 'CSV, XLSX or JSON unit register'))
    .description('import units (code, name, level, parent, attributes)')
    .action(async (file: string, options: CommonOptions) => {
      const server = await serverHoldingStore(cliActor(options.actor).name);
      if (server !== undefined)
        return finish(file, await importThroughApi(server, remote('units', file, options)), options);
      await withStore(async (store) => {
        const intake = await readIntakeFile(userPath(file), maxBytesOf(options));
        const actor = cliActor(options.actor);
        const result = await withProgress(intake.fileName, (onProgress) =>
          importUnits({ store }, actor, { file: intake, onProgress }),
        );
        await finish(file, result, options);
      });
    });

  common(
    command.command('data').argument('<file>', 'CSV, XLSX or JSON data file, one row per unit and period'),
  )
    .description('import observations for a period')
    .option(
      '--period <period>',
      'the period of every row, e.g. 2025 or 2025Q3 (else the file’s period column)',
    )
    .option('--framework <id>', 'the framework whose variables the file holds', 'default')
    .option('--variables <file>', 'JSON array of variable declarations, instead of a framework')
    .option(
      '--source <source>',
      'who produced the figures: self (the community), street or third_party',
      'self',
    )
    .option('--corrects <batch>', 'the confirmed or returned batch this file corrects (needs --reason)')
    .option('--reason <text>', 'why the correction')
    .action(async (file: string, options: DataOptions) => {
      if (options.period !== undefined) periodFromIdOrExit(options.period);
      const provenance = provenanceOrExit(options);
      const server = await serverHoldingStore(cliActor(options.actor).name);
      if (server !== undefined)
        return finish(file, await importThroughApi(server, remote('observations', file, options)), options);
      const { variables, rules, jumps } = await variablesOf(options);
      await withStore(async (store) => {
        const intake = await readIntakeFile(userPath(file), maxBytesOf(options));
        const request = { file: intake, variables, rules, jumps, period: options.period ?? null, provenance };
        const result = await withProgress(intake.fileName, (onProgress) =>
          importObservations({ store }, cliActor(options.actor), { ...request, onProgress }),
        );
        await finish(file, result, options);
      });
    });

  common(
    command.command('responses').argument('<file>', 'CSV, XLSX or JSON survey file, one row per respondent'),
  )
    .description(
      'import survey responses: unit_code, period, weight (optional) and the survey items of the framework',
    )
    .option('--period <period>', 'the period of every row (else the file’s period column)')
    .option('--framework <id>', 'the framework whose survey indicators the file answers', 'default')
    .action(async (file: string, options: DataOptions) => {
      if (options.period !== undefined) periodFromIdOrExit(options.period);
      const server = await serverHoldingStore(cliActor(options.actor).name);
      if (server !== undefined)
        return finish(file, await importThroughApi(server, remote('responses', file, options)), options);
      const registry = await registryOrExit(definitionsDir(undefined));
      await withStore(async (store) => {
        const intake = await readIntakeFile(userPath(file), maxBytesOf(options));
        const result = await withProgress(intake.fileName, (onProgress) =>
          cliErrors(() =>
            importResponses({ store }, cliActor(options.actor), {
              file: intake,
              surveys: registry.resolveFramework(options.framework).surveys,
              framework: options.framework,
              period: options.period ?? null,
              onProgress,
            }),
          ),
        );
        await finish(file, result, options);
      });
    });

  registerImportReview(command);
}

/** Our own errors (an unknown framework, one without surveys) as a command-line error. */
async function cliErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError) throw new CliError(error.message);
    throw error;
  }
}

/** What the running server needs for this import (remote/import-through-api.ts). */
function remote(
  kind: ImportRequest['kind'],
  file: string,
  options: CommonOptions & Partial<DataOptions>,
): ImportRequest {
  return {
    kind,
    file: userPath(file),
    maxBytes: maxBytesOf(options),
    period: options.period ?? null,
    framework: options.framework ?? 'default',
    ...(options.variables === undefined ? {} : { variables: options.variables }),
    ...(options.source === undefined ? {} : { source: options.source }),
    ...(options.corrects === undefined ? {} : { corrects: options.corrects }),
    ...(options.reason === undefined ? {} : { reason: options.reason }),
  };
}

function provenanceOrExit(options: Partial<DataOptions>): BatchProvenance {
  try {
    return provenanceOf({ ...options, fieldPrefix: '--' });
  } catch (error) {
    if (error instanceof AppError)
      throw new CliError(`${error.message} (${error.details.map((d) => d.where).join(', ')})`);
    throw error;
  }
}

function periodFromIdOrExit(period: string): void {
  try {
    periodFromId(period);
  } catch (error) {
    if (error instanceof AppError) throw new CliError(error.message);
    throw error;
  }
}
