/**
 * The review panel of a draft's page: against which published evaluation it is read, the method
 * choices that differ (stage, published, draft), whether periods, data batches and units changed,
 * and how the ranks moved — Spearman's ρ and Kendall's τ and the biggest movers, formatted from the
 * engine's comparison exactly as the evaluations comparison page shows them — with a link to that
 * page for the unit-by-unit view.
 */
import type { DraftReview } from '../../domain/draft-review.js';
import type { Evaluation } from '../../domain/evaluation.js';
import type { JsonValue } from '../../domain/json-value.js';
import type { EvaluationComparison } from '../context/evaluation-comparison.js';
import { numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';
import { evaluationTitle } from './evaluation-title.js';
import { agreementRows, moversBlocks, type MoversBlock } from './evaluations-compare.js';
import { href } from './href.js';

export interface DraftReviewView {
  readonly title: string;
  readonly against: string;
  readonly choices: readonly { readonly stage: string; readonly published: string; readonly draft: string }[];
  readonly choicesSame: string | null;
  readonly periods: string | null;
  readonly data: string;
  readonly units: string;
  readonly ranks: string | null;
  readonly movers: MoversBlock | null;
  readonly compareHref: string;
  readonly compareLabel: string;
}

function choiceText(stage: string, choice: JsonValue, lang: Lang): string {
  // The framework version is a plain version text (review-draft.ts).
  if (typeof choice === 'string') return choice;
  if (typeof choice !== 'object' || choice === null || Array.isArray(choice)) return '—';
  const { method, ...params } = choice;
  const name = typeof method === 'string' ? labelOf(lang, `m_${stage}`, method) : '—';
  return Object.keys(params).length === 0 ? name : `${name} ${JSON.stringify(params)}`;
}

export function draftReviewView(
  review: DraftReview<EvaluationComparison> | null,
  draft: Pick<Evaluation, 'id' | 'periods'>,
  lang: Lang,
): DraftReviewView | { readonly title: string; readonly none: string } {
  const t = labelsFor(lang);
  if (review === null) return { title: t.reviewTitle, none: t.reviewNone };
  const format = numberFormat(lang);
  const { published, data, units, ranks } = review;
  const pair = ranks === null ? undefined : agreementRows(ranks, lang)[0];
  return {
    title: t.reviewTitle,
    against: fill(t.reviewAgainst, { title: evaluationTitle(published, lang), version: published.version }),
    choices: review.choices.map((c) => ({
      stage: labelOf(lang, 'stage', c.stage),
      published: choiceText(c.stage, c.published, lang),
      draft: choiceText(c.stage, c.draft, lang),
    })),
    choicesSame: review.choices.length === 0 ? t.reviewChoicesSame : null,
    periods: review.periodsChanged
      ? fill(t.reviewPeriods, {
          published: published.periods.join(t.listSeparator),
          draft: draft.periods.join(t.listSeparator),
        })
      : null,
    data: data.sameFingerprint
      ? t.reviewDataSame
      : fill(t.reviewDataChanged, {
          draft: format.count(data.draftBatches),
          published: format.count(data.publishedBatches),
          added: format.count(data.added),
          removed: format.count(data.removed),
        }),
    units: fill(t.reviewUnits, {
      added: format.count(units.added),
      removed: format.count(units.removed),
      common: format.count(units.common),
    }),
    ranks:
      ranks === null || pair === undefined
        ? null
        : fill(t.reviewRanks, {
            level: labelOf(lang, 'level', ranks.level),
            period: ranks.period,
            rho: pair.spearman,
            tau: pair.kendall,
            n: pair.n,
          }),
    movers: ranks === null ? null : (moversBlocks(ranks, lang)[0] ?? null),
    compareHref: href('/evaluations/compare', { ids: `${published.id},${draft.id}` }),
    compareLabel: t.reviewCompareLink,
  };
}
