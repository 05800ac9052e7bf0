/**
 * The view model of /evaluations/:id/methodology, the appendix that makes an evaluation
 * reproducible and citable: the evaluation record, the framework with every definition's version
 * and content hash, every method choice with its parameters, the weights, data coverage per
 * indicator and period, how many values were imputed or treated, the screening outcome and the
 * engine's log of non-routine steps. Every table can be exported.
 */
import type { FlagCounts } from '../../engine/diagnostics/flag-counts.js';
import type { CoverageCell } from '../../evaluation/figures-document.js';
import { TREND_HORIZON } from '../../engine/diagnostics/diagnose.js';
import { logEntries, type ReportLogEntry } from '../context/log-entries.js';
import { methodOf } from '../context/method-of.js';
import type { ReportContext } from '../context/report-context.js';
import { EVERY_UNIT, type ReportScope } from '../context/report-scope.js';
import { cell, type LabelledTable } from '../export/labelled-table.js';
import { numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';
import { pick } from '../i18n/pick.js';
import { pageChrome, type Chrome } from './chrome.js';
import { evaluationTitle } from './evaluation-title.js';
import { when } from './evaluations-list.js';
import { exportLinks, type ExportLink } from './export-links.js';
import { expectedMethodology, type ExpectedMethodology } from './expected-methodology.js';
import { surveyMethodology, type SurveyMethodology } from './survey-methodology.js';
import { nodeName } from './node-names.js';
import { logMessage } from './log-message.js';
import { scopedLogData } from './scoped-log-data.js';
import { gapExport } from './verification-view.js';
import { targetOverrideRows, type TargetOverrideRow } from './target-overrides.js';
import { withFields } from './with-fields.js';

export const METHODOLOGY_TABLES = [
  'definitions',
  'choices',
  'weights',
  'coverage',
  'treatment',
  'log',
  'gaps',
] as const;
export type MethodologyTable = (typeof METHODOLOGY_TABLES)[number];

/** Log entries listed on the page (the export has them all); routine ones are left out (notRoutine). */
export const LOG_SHOWN = 200;

export interface Fact {
  readonly label: string;
  readonly value: string;
  readonly code: boolean;
}

export interface MethodologyPage extends Chrome {
  readonly heading: string;
  readonly evaluationTitle: string;
  readonly evaluationHref: string;
  readonly facts: readonly Fact[];
  readonly definitions: readonly {
    readonly kind: string;
    readonly id: string;
    readonly name: string;
    readonly version: string;
    readonly hash: string;
  }[];
  readonly choices: readonly { readonly stage: string; readonly method: string; readonly params: string }[];
  readonly rollupNote: string;
  readonly weights: readonly {
    readonly node: string;
    readonly child: string;
    readonly weight: string;
    readonly share: string;
  }[];
  readonly coverageHeaders: readonly string[];
  readonly coverage: readonly {
    readonly name: string;
    readonly cells: readonly { readonly share: string; readonly detail: string }[];
  }[];
  readonly treatment: readonly {
    readonly name: string;
    readonly imputed: string;
    readonly winsorised: string;
    readonly logged: string;
    readonly censored: string;
  }[];
  readonly treatmentTotals: string;
  /** Targets that fit: every override of the framework ([] without). */
  readonly targetOverrides: readonly TargetOverrideRow[];
  readonly screening: string;
  readonly log: readonly {
    readonly stage: string;
    readonly subject: string;
    readonly period: string;
    readonly message: string;
  }[];
  readonly logMore: string | null;
  readonly notes: readonly string[];
  readonly exports: Readonly<Record<MethodologyTable, readonly ExportLink[]>>;
  /** The regression of the score expected from structural conditions (issue 16). */
  readonly expected: ExpectedMethodology;
  /** The residents' survey indicators and their minimum sample (null without survey indicators). */
  readonly surveys: SurveyMethodology | null;
}

function paramText(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  return Object.entries(value as Record<string, unknown>)
    .filter(([key]) => key !== 'method')
    .map(([key, v]) => `${key} = ${JSON.stringify(v)}`)
    .join('; ');
}

function choiceEntries(context: ReportContext): [string, unknown][] {
  const choices = context.results.choices;
  return typeof choices === 'object' && choices !== null && !Array.isArray(choices)
    ? Object.entries(choices)
    : [];
}

function definitionRows(context: ReportContext, lang: Lang) {
  const { snapshot, evaluation } = context;
  const hashes = evaluation.framework.hashes;
  return [
    {
      kind: 'framework',
      id: snapshot.framework.id,
      name: pick(snapshot.framework.name, lang),
      version: snapshot.framework.version,
      hash: evaluation.framework.hash,
    },
    ...snapshot.dimensions.map((d) => ({
      kind: 'dimension',
      id: d.id,
      name: pick(d.name, lang),
      version: '',
      hash: hashes[d.id] ?? '',
    })),
    ...snapshot.indicators.map((i) => ({
      kind: 'indicator',
      id: i.id,
      name: pick(i.name, lang),
      version: i.version,
      hash: hashes[i.id] ?? '',
    })),
  ];
}

function notRoutine(entry: ReportLogEntry): boolean {
  return entry.stage !== 'compute' && entry.message !== 'passed';
}

function screeningEntry(context: ReportContext): ReportLogEntry | undefined {
  return logEntries(context.results.log).find((e) => e.stage === 'screening' && Array.isArray(e.data.units));
}

const NO_FLAGS: FlagCounts = { imputed: 0, winsorised: 0, logged: 0, censored: 0 };

/** The engine's coverage of an indicator in a period (nothing present when not stored). */
function coverageOf(context: ReportContext, indicator: string, period: number): CoverageCell {
  return (
    context.results.coverage?.indicators[indicator]?.[period] ?? {
      present: 0,
      total: 0,
      applicable: 0,
      share: null,
      reasons: {},
    }
  );
}

/** The engine's counts of imputed, winsorised, log-transformed and censored cells of an indicator. */
function flagCountsOf(context: ReportContext, indicator: string): FlagCounts {
  return context.results.coverage?.flags[indicator] ?? NO_FLAGS;
}

export function methodologyPage(context: ReportContext, lang: Lang): MethodologyPage {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const { evaluation, results, snapshot } = context;
  const path = `/evaluations/${encodeURIComponent(evaluation.id)}/methodology`;
  const heading = `${t.methodologyTitle} · ${evaluationTitle(evaluation, lang)}`;
  const unitCount = results.units.length;
  const facts: Fact[] = [
    { label: t.fieldId, value: evaluation.id, code: true },
    { label: t.colStatus, value: labelOf(lang, 'status', evaluation.status), code: false },
    {
      label: t.fieldCreated,
      value: fill(t.byActor, { at: when(evaluation.createdAt, lang), actor: evaluation.createdBy }),
      code: false,
    },
    ...(evaluation.publishedAt === null
      ? []
      : [
          {
            label: t.fieldPublished,
            value: fill(t.byActor, {
              at: when(evaluation.publishedAt, lang),
              actor: evaluation.publishedBy ?? '',
            }),
            code: false,
          },
        ]),
    { label: t.colPeriods, value: results.periods.join(', '), code: false },
    { label: t.fieldUnits, value: format.count(unitCount), code: false },
    { label: t.fieldFingerprint, value: evaluation.dataFingerprint, code: true },
    { label: t.fieldResultsHash, value: evaluation.results?.sha256 ?? '—', code: true },
  ];
  const coverage = results.indicators.map((id) => ({
    name: nodeName(context, id, lang),
    cells: results.periods.map((_, p) => {
      const c = coverageOf(context, id, p);
      const reasons = Object.entries(c.reasons)
        .map(([reason, count]) => `${labelOf(lang, 'reason', reason)} ${format.count(count)}`)
        .join(lang === 'zh' ? '；' : '; ');
      return {
        share: format.share(c.share ?? Number.NaN),
        detail: `${format.count(c.present)}/${format.count(c.applicable)}${reasons === '' ? '' : ` · ${reasons}`}`,
      };
    }),
  }));
  const counts = results.indicators.map((id) => ({ id, counts: flagCountsOf(context, id) }));
  const total = results.coverage?.flagTotal ?? NO_FLAGS;
  const screened = screeningEntry(context);
  const screenedUnits = screened?.data.units;
  const action = screened?.data.action;
  const logged = logEntries(results.log).filter(notRoutine);
  const frameworkRollup = snapshot.framework.methods.rollup?.method ?? 'population_weighted';
  return withFields(pageChrome(lang, { path, query: {}, title: heading, section: 'evaluations' }), {
    heading,
    evaluationTitle: evaluationTitle(evaluation, lang),
    evaluationHref: `/evaluations/${encodeURIComponent(evaluation.id)}`,
    facts,
    definitions: definitionRows(context, lang).map((d) =>
      withFields(d, { kind: labelOf(lang, 'kind', d.kind) }),
    ),
    choices: choiceEntries(context).map(([stage, value]) => ({
      stage: labelOf(lang, 'stage', stage),
      method:
        methodOf(results.choices, stage) === undefined
          ? JSON.stringify(value)
          : labelOf(lang, `m_${stage}`, methodOf(results.choices, stage) ?? ''),
      params: typeof value === 'object' ? paramText(value) : '',
    })),
    rollupNote:
      results.rollup === null
        ? fill(t.rollupNoteComputed, { method: labelOf(lang, 'm_rollup', frameworkRollup) })
        : fill(t.rollupNote, { method: labelOf(lang, 'm_rollup', results.rollup.method) }),
    weights: Object.entries(results.weights).flatMap(([node, spec]) => {
      const shares = results.weightShares.get(node);
      return spec.children.map((child, j) => ({
        node: nodeName(context, node, lang),
        child: nodeName(context, child, lang),
        weight: format.raw(spec.weights[j] ?? Number.NaN),
        share: format.share(shares?.[j] ?? Number.NaN),
      }));
    }),
    coverageHeaders: results.periods,
    coverage,
    targetOverrides: targetOverrideRows(context, lang),
    treatment: counts.map(({ id, counts: c }) => ({
      name: nodeName(context, id, lang),
      imputed: format.count(c.imputed),
      winsorised: format.count(c.winsorised),
      logged: format.count(c.logged),
      censored: format.count(c.censored),
    })),
    treatmentTotals: fill(t.treatmentTotals, {
      imputed: format.count(total.imputed),
      winsorised: format.count(total.winsorised),
      logged: format.count(total.logged),
      censored: format.count(total.censored),
    }),
    screening: Array.isArray(screenedUnits)
      ? fill(t.screeningNote, {
          count: format.count(screenedUnits.length),
          threshold: format.share(
            typeof screened?.data.threshold === 'number' ? screened.data.threshold : Number.NaN,
          ),
          action: typeof action === 'string' ? labelOf(lang, 'action', action) : '—',
        })
      : t.screeningNone,
    log: logged.slice(0, LOG_SHOWN).map((e) => ({
      stage: labelOf(lang, 'stage', e.stage),
      subject: e.indicator ?? e.node ?? e.method ?? '',
      period: e.period ?? '',
      message: logMessage(e, lang),
    })),
    logMore: logged.length > LOG_SHOWN ? `${format.count(logged.length - LOG_SHOWN)} …` : null,
    notes: [t.lightsNote, fill(t.trendsNote, { horizon: String(TREND_HORIZON) }), t.diagnosisNote],
    expected: expectedMethodology(context, lang),
    surveys: surveyMethodology(context, lang),
    exports: Object.fromEntries(
      METHODOLOGY_TABLES.map((table) => [table, exportLinks(path, {}, table)]),
    ) as Record<MethodologyTable, ExportLink[]>,
  });
}

/** A reader with a unit scope gets the log's unit lists cut to their units (scoped-log-data.ts). */
export function methodologyExport(
  context: ReportContext,
  table: MethodologyTable,
  lang: Lang,
  scope: ReportScope = EVERY_UNIT,
): LabelledTable {
  const t = labelsFor(lang);
  const { results } = context;
  const name = `${table}-${context.evaluation.id}`;
  if (table === 'definitions') {
    return {
      name,
      ids: ['kind', 'id', 'name', 'version', 'hash'],
      labels: [t.colKind, t.colId, t.colName, t.colVersion, t.colHash],
      rows: definitionRows(context, lang).map((d) => [d.kind, d.id, d.name, d.version, d.hash]),
    };
  }
  if (table === 'choices') {
    return {
      name,
      ids: ['stage', 'method', 'parameters'],
      labels: [t.colStage, t.colMethod, t.colParameters],
      rows: choiceEntries(context).map(([stage, value]) => [
        stage,
        methodOf(results.choices, stage) ?? JSON.stringify(value),
        typeof value === 'object' ? paramText(value) : '',
      ]),
    };
  }
  if (table === 'gaps') return gapExport(context, lang, scope);
  if (table === 'weights') {
    return {
      name,
      ids: ['node', 'child', 'weight'],
      labels: [t.colNode, t.colChild, t.colWeight],
      rows: Object.entries(results.weights).flatMap(([node, spec]) =>
        spec.children.map((child, j) => [node, child, cell(spec.weights[j] ?? Number.NaN)]),
      ),
    };
  }
  if (table === 'coverage') {
    return {
      name,
      ids: ['indicator', 'period', 'present', 'applicable', 'share', 'reasons'],
      labels: [t.colIndicator, t.colPeriod, t.colPresent, t.colUnits, t.colCoverage, t.colReasons],
      rows: results.indicators.flatMap((id) =>
        results.periods.map((period, p) => {
          const c = coverageOf(context, id, p);
          const reasons = Object.entries(c.reasons)
            .map(([reason, count]) => `${reason}=${count}`)
            .join(' ');
          return [id, period, c.present, c.applicable, cell(c.share ?? Number.NaN), reasons];
        }),
      ),
    };
  }
  if (table === 'treatment') {
    return {
      name,
      ids: ['indicator', 'imputed', 'winsorised', 'log_transformed', 'censored'],
      labels: [t.colIndicator, t.colImputed, t.colWinsorised, t.colLogged, t.colCensored],
      rows: results.indicators.map((id) => {
        const c = flagCountsOf(context, id);
        return [id, c.imputed, c.winsorised, c.logged, c.censored];
      }),
    };
  }
  return {
    name,
    ids: ['stage', 'method', 'indicator', 'node', 'period', 'message', 'data'],
    labels: [t.colStage, t.colMethod, t.colIndicator, t.colNode, t.colPeriod, t.colMessage, t.colParameters],
    rows: logEntries(results.log).map((e) => [
      e.stage,
      e.method,
      e.indicator,
      e.node,
      e.period,
      e.message,
      JSON.stringify(scopedLogData(e.data, context, scope)),
    ]),
  };
}
