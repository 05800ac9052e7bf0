/**
 * The impact preview of a definition draft as its page shows it: what was computed on which
 * evaluation, the rank agreement (ρ, τ), the biggest movers with their ranks before and after,
 * the communities with data for each new or changed variable, the dimensions and indicators with
 * no data at all as a warning, and the reporting burden before and after. Formats only: every
 * figure comes from the engine through previewDefinitions.
 */
import type { DefinitionPreview } from '../../domain/definition-preview.js';
import { numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelsFor } from '../i18n/labels.js';
import { pick } from '../i18n/pick.js';

export interface PreviewMover {
  readonly name: string;
  readonly code: string;
  readonly from: string;
  readonly to: string;
  readonly shift: string;
}

export interface DefinitionPreviewView {
  readonly against: string;
  readonly methods: string;
  readonly ranks: string;
  readonly up: readonly PreviewMover[];
  readonly down: readonly PreviewMover[];
  readonly noMoves: boolean;
  readonly coverage: readonly {
    readonly name: string;
    readonly withData: string;
    readonly share: string;
    readonly none: boolean;
  }[];
  readonly noDataDimensions: string | null;
  readonly noDataIndicators: string | null;
  readonly burden: string;
  readonly added: string | null;
  readonly removed: string | null;
}

function fixed(value: number): string {
  return Number.isFinite(value) ? value.toFixed(3) : '—';
}

export function definitionPreviewView(
  preview: DefinitionPreview,
  evaluationTitle: string,
  nodeNames: ReadonlyMap<string, string>,
  lang: Lang,
): DefinitionPreviewView {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const shift = preview.comparison.shifts[0];
  const agreement = preview.comparison.agreement[0];
  const mover = ({ unit, shift: moved }: { unit: number; shift: number }): PreviewMover => {
    const code = preview.codes[unit] ?? '';
    const name = preview.names[unit];
    return {
      name: name === undefined ? code : pick(name, lang),
      code,
      from: format.count(preview.ranksBefore[unit] ?? Number.NaN),
      to: format.count(preview.ranksAfter[unit] ?? Number.NaN),
      shift: format.signed(moved),
    };
  };
  const named = (ids: readonly string[]): string =>
    ids.map((id) => nodeNames.get(id) ?? id).join(lang === 'zh' ? '、' : ', ');
  const up = (shift?.up ?? []).map(mover);
  const down = (shift?.down ?? []).map(mover);
  return {
    against: fill(t.defsPreviewAgainst, {
      framework: preview.frameworkId,
      after: preview.versionAfter,
      before: preview.versionBefore ?? t.defsPreviewNew,
      evaluation: evaluationTitle,
      period: preview.period,
    }),
    methods:
      preview.methodsFrom === 'evaluation' ? t.defsPreviewMethods_evaluation : t.defsPreviewMethods_framework,
    ranks: fill(t.defsPreviewRanks, {
      rho: fixed(agreement?.spearman ?? Number.NaN),
      tau: fixed(agreement?.kendall ?? Number.NaN),
      n: format.count(agreement?.n ?? 0),
    }),
    up,
    down,
    noMoves: up.length === 0 && down.length === 0,
    coverage: preview.coverage.map((variable) => ({
      name: variable.name,
      withData: `${format.count(variable.unitsWithData)} / ${format.count(variable.unitCount)}`,
      share: variable.share === null ? '—' : format.share(variable.share),
      none: variable.unitsWithData === 0,
    })),
    noDataDimensions:
      preview.withoutData.dimensions.length === 0
        ? null
        : fill(t.defsPreviewNoData, { list: named(preview.withoutData.dimensions) }),
    noDataIndicators:
      preview.withoutData.indicators.length === 0
        ? null
        : fill(t.defsPreviewNoDataIndicators, { list: named(preview.withoutData.indicators) }),
    burden: fill(t.defsPreviewBurden, {
      before: format.count(preview.burden.before),
      after: format.count(preview.burden.after),
    }),
    added:
      preview.burden.added.length === 0
        ? null
        : fill(t.defsPreviewAdded, { list: preview.burden.added.join(', ') }),
    removed:
      preview.burden.removed.length === 0
        ? null
        : fill(t.defsPreviewRemoved, { list: preview.burden.removed.join(', ') }),
  };
}
