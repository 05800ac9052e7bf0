/**
 * The use case behind a draft's review panel (drafts.read): what the draft changes against the
 * latest published evaluation of the same framework — method choices stage by stage, periods, the
 * committed data batches each was computed from (those of its periods committed before it was
 * created), the units of their frozen registers — and how the ranks moved, compared by the engine
 * through compareEvaluations. Null when nothing of the framework is published yet.
 *
 * @example const review = await reviewDraft(services, actor, draft) // review?.ranks?.result.agreement[0].spearman
 */
import type { DraftReview, ChoiceChange } from '../domain/draft-review.js';
import type { Evaluation } from '../domain/evaluation.js';
import type { JsonValue } from '../domain/json-value.js';
import { ValidationError } from '../errors.js';
import { CHOICE_STAGES } from '../evaluation/stored-choices.js';
import type { EvaluationComparison } from '../reports/context/evaluation-comparison.js';
import type { Store } from '../store/store.js';
import { assertMay, type Actor } from './actor.js';
import { compareEvaluations } from './compare-evaluations.js';
import type { ReportCache } from './report-cache.js';

function stageOf(methods: JsonValue, stage: string): JsonValue {
  if (typeof methods !== 'object' || methods === null || Array.isArray(methods)) return null;
  return methods[stage] ?? null;
}

function choiceChanges(draft: Evaluation, published: Evaluation): ChoiceChange[] {
  // A new version may use another version of the framework (make-version.ts): a choice too.
  const framework: ChoiceChange[] =
    draft.framework.version === published.framework.version
      ? []
      : [
          {
            stage: 'frameworkVersion',
            published: published.framework.version,
            draft: draft.framework.version,
          },
        ];
  return framework.concat(
    CHOICE_STAGES.flatMap((stage) => {
      const before = stageOf(published.methods, stage);
      const after = stageOf(draft.methods, stage);
      return JSON.stringify(before) === JSON.stringify(after)
        ? []
        : [{ stage, published: before, draft: after }];
    }),
  );
}

/** The committed batches an evaluation was computed from: units, and observations of its periods, committed before it. */
function batchesOf(
  batches: readonly { id: string; kind: string; committedAt: string | null; periods: readonly string[] }[],
  evaluation: Evaluation,
): Set<string> {
  return new Set(
    batches
      .filter(
        (b) =>
          b.committedAt !== null &&
          b.committedAt <= evaluation.createdAt &&
          (b.kind === 'units' || b.periods.some((p) => evaluation.periods.includes(p))),
      )
      .map((b) => b.id),
  );
}

function countNotIn<T>(set: ReadonlySet<T>, other: ReadonlySet<T>): number {
  let count = 0;
  for (const item of set) if (!other.has(item)) count++;
  return count;
}

export async function reviewDraft(
  context: { readonly store: Store; readonly reports: ReportCache },
  actor: Actor,
  draft: Evaluation,
): Promise<DraftReview<EvaluationComparison> | null> {
  assertMay(actor, 'drafts.read');
  const { store, reports } = context;
  const [published] = await store.evaluations.list({
    frameworkId: draft.framework.id,
    status: 'published',
    limit: 1,
  });
  if (published === undefined) return null;
  const batches = await store.imports.list({ status: 'committed', limit: 1000 });
  const usedByDraft = batchesOf(batches, draft);
  const usedByPublished = batchesOf(batches, published);
  const [draftContext, publishedContext] = [
    await reports.context(draft.id),
    await reports.context(published.id),
  ];
  const draftUnits = new Set(draftContext.register.keys());
  const publishedUnits = new Set(publishedContext.register.keys());
  let ranks: EvaluationComparison | null = null;
  try {
    ranks = await compareEvaluations(context, actor, { ids: [published.id, draft.id] });
  } catch (error) {
    // Two evaluations with no level or period in common have no ranks to compare.
    if (!(error instanceof ValidationError)) throw error;
  }
  return {
    published,
    choices: choiceChanges(draft, published),
    periodsChanged: [...draft.periods].sort().join() !== [...published.periods].sort().join(),
    data: {
      sameFingerprint: draft.dataFingerprint === published.dataFingerprint,
      draftBatches: usedByDraft.size,
      publishedBatches: usedByPublished.size,
      added: countNotIn(usedByDraft, usedByPublished),
      removed: countNotIn(usedByPublished, usedByDraft),
    },
    units: {
      added: countNotIn(draftUnits, publishedUnits),
      removed: countNotIn(publishedUnits, draftUnits),
      common: draftUnits.size - countNotIn(draftUnits, publishedUnits),
    },
    ranks,
  };
}
