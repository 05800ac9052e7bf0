/**
 * The use case "import survey responses": needs data.import; the file's columns are the unit, the
 * period, an optional design weight and the items of the framework's survey indicators, nothing
 * else; every answer must be on its item's scale. The batch is stored all or nothing and audited
 * (import.commit, import.duplicate or import.fail).
 *
 * @example await importResponses({ store }, actor, { file, surveys: framework.surveys, period: '2025' })
 */
import { ValidationError } from '../errors.js';
import type { ResolvedSurvey } from '../indicators/registry-types.js';
import type { IntakeResult } from './import-observations-file.js';
import { importResponsesFile } from './import-responses-file.js';
import { surveyItems } from '../intake/survey-items.js';
import type { Store } from '../store/store.js';
import { assertMay, type Actor } from './actor.js';
import { auditedImport } from './audited-import.js';
import type { FileImport } from './import-units.js';

export interface ResponsesImport extends FileImport {
  /** The framework's survey indicators (framework.surveys). */
  readonly surveys: readonly ResolvedSurvey[];
  /** The framework's id, for the error when it has no survey indicators. */
  readonly framework: string;
  /** The period of every row; null when the file's period column names them. */
  readonly period: string | null;
}

/** Refuses a framework without survey indicators: its respondent file could hold no column. */
export function assertHasSurveys(framework: string, surveys: readonly ResolvedSurvey[]): void {
  if (surveys.length > 0) return;
  throw new ValidationError(
    `framework ${framework} lists no survey indicators, so it takes no survey responses (框架 ${framework} 未列出问卷指标，不接受问卷数据)`,
    [{ where: 'framework', message: 'a framework with a "surveys" list' }],
  );
}

export async function importResponses(
  context: { readonly store: Store },
  actor: Actor,
  request: ResponsesImport,
): Promise<IntakeResult> {
  assertMay(actor, 'data.import');
  assertHasSurveys(request.framework, request.surveys);
  const { store } = context;
  const attempt = { fileName: request.file.fileName, kind: 'responses' as const, period: request.period };
  return auditedImport(store, actor.name, attempt, () =>
    importResponsesFile(store, request.file, {
      items: surveyItems(request.surveys),
      period: request.period,
      actor: actor.name,
      ...(request.maxBytes === undefined ? {} : { maxBytes: request.maxBytes }),
      ...(request.onProgress === undefined ? {} : { onProgress: request.onProgress }),
    }),
  );
}
