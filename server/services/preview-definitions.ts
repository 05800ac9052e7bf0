/**
 * The use case "preview the impact of my draft" (indicators.draft): the draft's version of a
 * framework runs on a chosen evaluation's data (its periods, the observations stored now, its
 * method choices where they still apply, else the framework's) without storing anything, and the
 * engine says what would change: every community's rank against the evaluation's stored ranking
 * (Spearman's ρ, Kendall's τ-b, the biggest movers), how many communities have data for each
 * variable the draft adds or changes, which dimensions and indicators would have no data at all,
 * and the distinct variables a community must report per period, before and after. Reading only,
 * so nothing is audited.
 *
 * @example const preview = await previewDefinitions(services, actor, { draftId, frameworkId: 'default', evaluationId })
 */
import { can } from '../access/permissions.js';
import type { DefinitionPreview } from '../domain/definition-preview.js';
import { compareRankings } from '../engine/compare/compare-rankings.js';
import { runPipeline } from '../engine/pipeline.js';
import { nodesWithoutData } from '../engine/preview/nodes-without-data.js';
import { reportingBurden } from '../engine/preview/reporting-burden.js';
import { variableCoverage } from '../engine/preview/variable-coverage.js';
import type { EngineResult } from '../engine/result.js';
import type { MethodChoices } from '../engine/types.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { loadEngineData } from '../evaluation/engine-data.js';
import { storedChoices } from '../evaluation/stored-choices.js';
import type { ResolvedFramework, ResolvedVariable } from '../indicators/registry-types.js';
import { engineChoices, toEngineInput } from '../indicators/to-engine-input.js';
import type { ReportContext } from '../reports/context/report-context.js';
import type { Actor } from './actor.js';

export type { DefinitionPreview };
import { checkDefinitionDraft } from './check-definition-draft.js';
import { catalogueNow } from './catalogue-now.js';
import type { Services } from './services.js';

export interface PreviewRequest {
  readonly draftId: string;
  readonly frameworkId: string;
  readonly evaluationId: string;
}

/** A variable's declaration without its name and users, as text to compare. */
function declaration(variable: ResolvedVariable): string {
  return JSON.stringify(Object.entries(variable).filter(([key]) => key !== 'name' && key !== 'usedBy'));
}

/** The draft framework's variables that the catalogue's framework lacks or declares otherwise. */
function newOrChanged(before: ResolvedFramework | null, after: ResolvedFramework): string[] {
  const was = new Map((before?.variables ?? []).map((variable) => [variable.name, declaration(variable)]));
  return after.variables
    .filter((variable) => was.get(variable.name) !== declaration(variable))
    .map((variable) => variable.name);
}

async function evaluationContext(services: Services, actor: Actor, id: string): Promise<ReportContext> {
  const evaluation = await services.reports.evaluation(id);
  if (evaluation.status === 'draft' && !can(actor.role, 'drafts.read'))
    throw new NotFoundError(`no evaluation ${id}`);
  return services.reports.context(id);
}

/** Runs with the evaluation's choices; where they no longer fit the framework, with the framework's own. */
function run(
  input: Parameters<typeof runPipeline>[0],
  framework: ResolvedFramework,
  stored: MethodChoices,
): { result: EngineResult; methodsFrom: 'evaluation' | 'framework' } {
  try {
    return {
      result: runPipeline(input, { ...engineChoices(framework), ...stored }),
      methodsFrom: 'evaluation',
    };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { result: runPipeline(input, engineChoices(framework)), methodsFrom: 'framework' };
  }
}

function frameworkOrNull(resolve: () => ResolvedFramework): ResolvedFramework | null {
  try {
    return resolve();
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

export async function previewDefinitions(
  services: Services,
  actor: Actor,
  request: PreviewRequest,
): Promise<DefinitionPreview> {
  const { draft, check } = await checkDefinitionDraft(services, actor, request.draftId);
  if (check.registry === undefined) {
    throw new ValidationError(
      {
        zh: `草稿还有 ${check.problems.length} 个问题，改正后才能预览影响`,
        en: `the draft has ${check.problems.length} problem(s): correct them before previewing its impact`,
      },
      check.problems
        .slice(0, 20)
        .map((p) => ({ where: `${p.file} ${p.pointer}`.trim(), message: p.message })),
    );
  }
  const draftRegistry = check.registry;
  const after = frameworkOrNull(() => draftRegistry.resolveFramework(request.frameworkId));
  if (after === null)
    throw new NotFoundError(
      `草稿中没有框架 ${request.frameworkId}; no framework "${request.frameworkId}" in the draft`,
    );
  const { registry } = catalogueNow(services);
  const before = frameworkOrNull(() => registry.resolveFramework(request.frameworkId));
  const context = await evaluationContext(services, actor, request.evaluationId);
  const evaluation = context.evaluation;

  const data = await loadEngineData(services.store, after, evaluation.periods);
  const input = toEngineInput(after, data.units, data.periods);
  const { result, methodsFrom } = run(input, after, storedChoices(evaluation.methods));

  const periodId = evaluation.periods[evaluation.periods.length - 1] ?? '';
  const codes = context.units.codes.slice(0, context.units.baseCount);
  const storedPeriod = context.results.periods.indexOf(periodId);
  const columns = context.period(storedPeriod < 0 ? context.results.periods.length - 1 : storedPeriod);
  const storedScores = columns.scores.get(context.results.root);
  const storedRanks = columns.ranks.get(context.results.root);
  const p = Math.max(0, result.periodIds.indexOf(periodId));
  const previewScores = result.scores.values.get(result.root);
  const previewRanks = result.ranks.get(result.root);
  const at = new Map(result.unitCodes.map((code, i) => [code, p * result.unitCount + i]));
  const column = (values: ArrayLike<number> | undefined, row: (i: number) => number | undefined) =>
    Float64Array.from(codes, (_code, i) => {
      const r = row(i);
      return r === undefined ? Number.NaN : (values?.[r] ?? Number.NaN);
    });
  const ranksBefore = column(storedRanks, (i) => i);
  const ranksAfter = column(previewRanks, (i) => at.get(codes[i] ?? ''));
  const comparison = compareRankings([
    { scores: column(storedScores, (i) => i), ranks: ranksBefore },
    { scores: column(previewScores, (i) => at.get(codes[i] ?? '')), ranks: ranksAfter },
  ]);
  return {
    draft,
    frameworkId: request.frameworkId,
    versionBefore: before?.definition.version ?? null,
    versionAfter: after.definition.version,
    evaluationId: evaluation.id,
    period: periodId,
    methodsFrom,
    codes,
    names: context.units.names.slice(0, context.units.baseCount),
    ranksBefore,
    ranksAfter,
    comparison,
    coverage: variableCoverage(data.units.codes.length, data.periods, newOrChanged(before, after)),
    withoutData: nodesWithoutData(result),
    burden: reportingBurden(
      (before?.variables ?? []).map((variable) => variable.name),
      after.variables.map((variable) => variable.name),
    ),
  };
}
