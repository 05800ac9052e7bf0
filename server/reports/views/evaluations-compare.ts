/**
 * The view model of /evaluations/compare?ids=A,B[,C]: the evaluations compared (title, version,
 * status, framework, methods), Spearman's ρ and Kendall's τ-b for every pair with a plain reading,
 * the biggest movers up and down, a scatter plot of ranks in A against ranks in B, and the unit by
 * unit table (score, rank and 5–95 % rank interval in each, the shift), sortable and 50 rows a page
 * so that it works without JavaScript for 10,000 units. Every figure comes from the comparison the
 * use case made (services/compare-evaluations.ts); this file selects, orders and formats.
 */
import { scatterChart, type ScatterPoint } from '../charts/scatter-chart.js';
import { cell, type LabelledTable } from '../export/labelled-table.js';
import { numberFormat, type NumberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor, type Labels } from '../i18n/labels.js';
import { pick } from '../i18n/pick.js';
import type { ComparedEvaluation, EvaluationComparison } from '../context/evaluation-comparison.js';
import { pageChrome, type Chrome } from './chrome.js';
import type { ChartView } from './chart-view.js';
import { safeJson } from './safe-json.js';
import { evaluationTitle } from './evaluation-title.js';
import { exportLinks, type ExportLink } from './export-links.js';
import { href, type QueryValues } from './href.js';
import type { Option } from './level-options.js';
import { methodLabel } from './method-label.js';
import { sortHeader, type SortDir, type SortHeader, type SortState } from './sort-header.js';
import { unitHref, unitName } from './unit-names.js';
import { withFields } from './with-fields.js';

export const COMPARE_PATH = '/evaluations/compare';
export const COMPARE_ROWS_PER_PAGE = 50;
/** Points drawn in the scatter plot at most; more units are sampled evenly along the first ranking. */
export const SCATTER_POINTS = 1000;
export const COMPARE_TABLES = ['comparison', 'movers', 'agreement'] as const;
export type CompareTable = (typeof COMPARE_TABLES)[number];

const LETTERS = ['A', 'B', 'C'] as const;

function letter(e: number): string {
  return LETTERS[e] ?? String(e);
}

export interface CompareQuery {
  readonly sort: string;
  readonly dir: SortDir;
  readonly page: number;
}

export interface ComparedItem {
  readonly letter: string;
  readonly title: string;
  readonly href: string;
  readonly id: string;
  readonly version: string;
  readonly status: string;
  readonly draft: boolean;
  readonly framework: string;
  readonly methods: string;
  readonly intervalNote: string;
}

export interface AgreementRow {
  readonly pair: string;
  readonly n: string;
  readonly spearman: string;
  readonly kendall: string;
  readonly reading: string;
}

export interface MoverRow {
  readonly name: string;
  readonly href: string | null;
  readonly code: string;
  readonly from: string;
  readonly to: string;
  readonly shift: string;
}

export interface MoversBlock {
  readonly title: string;
  readonly up: readonly MoverRow[];
  readonly down: readonly MoverRow[];
}

export interface EvaluationCells {
  readonly score: string;
  readonly rank: string;
  /** Null when the evaluation has no intervals at this level (the column is left out). */
  readonly interval: string | null;
}

export interface CompareTableRow {
  readonly name: string;
  readonly href: string | null;
  readonly code: string;
  readonly cells: readonly EvaluationCells[];
  readonly shifts: readonly string[];
}

export interface ScatterBlock {
  readonly title: string;
  readonly chart: ChartView;
  readonly note: string;
}

export interface EvaluationsComparePage extends Chrome {
  readonly heading: string;
  readonly path: string;
  readonly ids: string;
  readonly evaluations: readonly ComparedItem[];
  readonly scopedNote: string | null;
  readonly levels: readonly Option[];
  readonly periods: readonly Option[];
  readonly agreement: readonly AgreementRow[];
  readonly agreementExports: readonly ExportLink[];
  readonly movers: readonly MoversBlock[];
  readonly moversExports: readonly ExportLink[];
  readonly scatters: readonly ScatterBlock[];
  readonly tableTitle: string;
  readonly unitHeader: SortHeader;
  /** Per evaluation: score, rank (sortable) and, when it has intervals, the interval. */
  readonly evaluationHeaders: readonly {
    readonly score: string;
    readonly rank: SortHeader;
    readonly interval: string | null;
  }[];
  readonly shiftHeaders: readonly SortHeader[];
  readonly rows: readonly CompareTableRow[];
  readonly summary: string;
  readonly empty: boolean;
  readonly previousHref: string | null;
  readonly nextHref: string | null;
  readonly comparisonExports: readonly ExportLink[];
}

/** The sort keys of the unit table: unit order, each evaluation's rank, each shift from A. */
export function compareSortKeys(comparison: EvaluationComparison): string[] {
  return [
    'unit',
    ...comparison.evaluations.map((_, e) => `rank-${LETTERS[e] ?? e}`),
    ...comparison.result.shifts.map((s) => `shift-${LETTERS[s.against] ?? s.against}`),
  ];
}

/** Ranks read best first; shifts biggest move up first; the unit order as listed. */
export function compareNaturalDir(key: string): SortDir {
  return key.startsWith('shift-') ? 'desc' : 'asc';
}

export function evaluationsComparePage(
  comparison: EvaluationComparison,
  lang: Lang,
  query: CompareQuery,
  pageQuery: QueryValues,
): EvaluationsComparePage {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const { evaluations, result, codes } = comparison;
  const order = sortedUnits(comparison, query);
  const pages = Math.max(1, Math.ceil(order.length / COMPARE_ROWS_PER_PAGE));
  const page = Math.min(Math.max(1, query.page), pages);
  const from = (page - 1) * COMPARE_ROWS_PER_PAGE;
  const shown = Array.from(order.subarray(from, from + COMPARE_ROWS_PER_PAGE));
  const link = (changes: QueryValues): string => href(COMPARE_PATH, pageQuery, changes);
  const sortLink = (key: string, dir: SortDir): string => link({ sort: key, dir, page: undefined });
  const state: SortState = { key: query.sort, dir: query.dir };
  const levelName = labelOf(lang, 'level', comparison.level);
  return withFields(
    pageChrome(lang, {
      path: COMPARE_PATH,
      query: pageQuery,
      title: t.evcTitle,
      section: 'evaluations',
      charts: true,
    }),
    {
      heading: t.evcTitle,
      path: COMPARE_PATH,
      ids: evaluations.map((e) => e.context.evaluation.id).join(','),
      evaluations: evaluations.map((e, i) => comparedItem(e, letter(i), lang)),
      scopedNote: comparison.scoped ? t.evcScoped : null,
      levels: comparison.levels.map((level) => ({
        value: level,
        label: labelOf(lang, 'level', level),
        selected: level === comparison.level,
      })),
      periods: comparison.periods.map((period) => ({
        value: period,
        label: period,
        selected: period === comparison.period,
      })),
      agreement: agreementRows(comparison, lang),
      agreementExports: exportLinks(COMPARE_PATH, pageQuery, 'agreement'),
      movers: moversBlocks(comparison, lang),
      moversExports: exportLinks(COMPARE_PATH, pageQuery, 'movers'),
      scatters: result.shifts.map((shift) => scatterBlock(comparison, shift.against, lang)),
      tableTitle: fill(t.evcTableTitle, { level: levelName, period: comparison.period }),
      unitHeader: sortHeader(t.evcUnitOrder, 'unit', state, 'asc', sortLink),
      evaluationHeaders: evaluations.map((e, i) => ({
        score: fill(t.evcScoreOf, { letter: letter(i) }),
        rank: sortHeader(
          fill(t.evcRankOf, { letter: letter(i) }),
          `rank-${letter(i)}`,
          state,
          'asc',
          sortLink,
        ),
        interval: e.intervals === null ? null : fill(t.evcIntervalOf, { letter: letter(i) }),
      })),
      shiftHeaders: result.shifts.map((shift) =>
        sortHeader(
          fill(t.evcShift, { from: letter(0), to: letter(shift.against) }),
          `shift-${letter(shift.against)}`,
          state,
          'desc',
          sortLink,
        ),
      ),
      rows: shown.map((unit) =>
        withFields(unitCell(comparison, unit, lang), {
          cells: evaluations.map((e) => ({
            score: format.score(e.scores[unit] ?? Number.NaN),
            rank: format.count(e.ranks[unit] ?? Number.NaN),
            interval: intervalText(e, unit, format, t),
          })),
          shifts: result.shifts.map((shift) => signedCount(shift.rankShifts[unit] ?? Number.NaN, format)),
        }),
      ),
      summary: fill(t.rowsShown, {
        from: format.count(codes.length === 0 ? 0 : from + 1),
        to: format.count(from + shown.length),
        total: format.count(codes.length),
      }),
      empty: codes.length === 0,
      previousHref: page > 1 ? link({ page: page - 1 }) : null,
      nextHref: page < pages ? link({ page: page + 1 }) : null,
      comparisonExports: exportLinks(COMPARE_PATH, pageQuery, 'comparison'),
    },
  );
}

function comparedItem(compared: ComparedEvaluation, letter: string, lang: Lang): ComparedItem {
  const t = labelsFor(lang);
  const { evaluation, results, snapshot } = compared.context;
  const choices = results.choices;
  const intervalNote = !compared.analysed
    ? fill(t.evcIntervalNone, { letter })
    : compared.intervals === null
      ? fill(t.evcIntervalLevel, { letter })
      : fill(t.evcIntervalRuns, { letter, runs: numberFormat(lang).count(compared.intervals.runs) });
  return {
    letter: fill(t.evcLetter, { letter }),
    title: evaluationTitle(evaluation, lang),
    href: `/evaluations/${encodeURIComponent(evaluation.id)}`,
    id: evaluation.id,
    version: fill(t.lineageVersion, { n: evaluation.version }),
    status: labelOf(lang, 'status', evaluation.status),
    draft: evaluation.status === 'draft',
    framework: `${pick(snapshot.framework.name, lang)} ${snapshot.framework.version}`,
    methods: fill(t.summaryMethods, {
      imputation: methodLabel(choices, 'imputation', lang),
      treatment: methodLabel(choices, 'treatment', lang),
      normalisation: methodLabel(choices, 'normalisation', lang),
      weighting: methodLabel(choices, 'weighting', lang),
      aggregation: methodLabel(choices, 'aggregation', lang),
    }),
    intervalNote,
  };
}

/** A unit's name, link (its page in the first evaluation holding it) and code. */
function unitCell(
  comparison: EvaluationComparison,
  unit: number,
  lang: Lang,
): { name: string; href: string | null; code: string } {
  const code = comparison.codes[unit] ?? '';
  for (const compared of comparison.evaluations) {
    const at = compared.unitIndex[unit] ?? -1;
    if (at >= 0)
      return {
        name: unitName(compared.context.units, at, lang),
        href: unitHref(compared.context.evaluation.id, code),
        code,
      };
  }
  return { name: code, href: null, code };
}

function intervalText(
  compared: ComparedEvaluation,
  unit: number,
  format: NumberFormat,
  t: Labels,
): string | null {
  const intervals = compared.intervals;
  if (intervals === null) return null;
  const low = intervals.p5[unit] ?? Number.NaN;
  const high = intervals.p95[unit] ?? Number.NaN;
  if (!Number.isFinite(low) || !Number.isFinite(high)) return format.count(Number.NaN);
  return fill(t.evcIntervalText, { low: format.count(Math.floor(low)), high: format.count(Math.ceil(high)) });
}

/** A correlation with three decimals, "—" when there is none. */
function correlation(value: number, lang: Lang): string {
  if (!Number.isFinite(value)) return '—';
  return value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    minimumFractionDigits: 3,
    maximumFractionDigits: 3,
  });
}

/** A rank shift with its sign (+3 moved up three places), "—" when there is none. */
function signedCount(value: number, format: NumberFormat): string {
  if (!Number.isFinite(value)) return format.count(Number.NaN);
  return value > 0 ? `+${format.count(value)}` : value < 0 ? `−${format.count(-value)}` : format.count(0);
}

/** Spearman's ρ and Kendall's τ for every pair of the compared evaluations, with a plain reading. */
export function agreementRows(comparison: EvaluationComparison, lang: Lang): AgreementRow[] {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  return comparison.result.agreement.map((pair) => ({
    pair: `${letter(pair.a)} – ${letter(pair.b)}`,
    n: format.count(pair.n),
    spearman: correlation(pair.spearman, lang),
    kendall: correlation(pair.kendall, lang),
    reading: reading(pair.spearman, t),
  }));
}

/** The biggest movers up and down from the first evaluation to each other one. */
export function moversBlocks(comparison: EvaluationComparison, lang: Lang): MoversBlock[] {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const { evaluations } = comparison;
  return comparison.result.shifts.map((shift) => {
    const row = (mover: { unit: number; shift: number }): MoverRow =>
      withFields(unitCell(comparison, mover.unit, lang), {
        from: format.count(evaluations[0]?.ranks[mover.unit] ?? Number.NaN),
        to: format.count(evaluations[shift.against]?.ranks[mover.unit] ?? Number.NaN),
        shift: signedCount(mover.shift, format),
      });
    return {
      title: fill(t.evcMoversTitle, { from: letter(0), to: letter(shift.against) }),
      up: shift.up.map(row),
      down: shift.down.map(row),
    };
  });
}

/** The plain reading of a pair's agreement, by the size of Spearman's ρ. */
function reading(rho: number, t: Labels): string {
  if (!Number.isFinite(rho)) return t.evcReadingNone;
  if (rho >= 0.9) return t.evcReadingVeryHigh;
  if (rho >= 0.7) return t.evcReadingHigh;
  if (rho >= 0.4) return t.evcReadingMedium;
  return t.evcReadingLow;
}

const sortMemory = new WeakMap<EvaluationComparison, Map<string, Int32Array>>();

/**
 * The compared units in the order asked for: by a rank or a shift (units without one last, ties in
 * unit order), or in unit order. Each order is computed once per comparison.
 */
function sortedUnits(comparison: EvaluationComparison, query: CompareQuery): Int32Array {
  let memory = sortMemory.get(comparison);
  if (memory === undefined) {
    memory = new Map();
    sortMemory.set(comparison, memory);
  }
  const key = `${query.sort}:${query.dir}`;
  const known = memory.get(key);
  if (known !== undefined) return known;
  const values = sortValues(comparison, query.sort);
  const order = Int32Array.from(comparison.codes, (_, i) => i);
  if (values !== null) {
    const sign = query.dir === 'asc' ? 1 : -1;
    order.sort((a, b) => {
      const x = values[a] ?? Number.NaN;
      const y = values[b] ?? Number.NaN;
      const xMissing = x !== x;
      const yMissing = y !== y;
      if (xMissing || yMissing) return xMissing === yMissing ? a - b : xMissing ? 1 : -1;
      return x === y ? a - b : sign * (x - y);
    });
  } else if (query.dir === 'desc') {
    order.reverse();
  }
  memory.set(key, order);
  return order;
}

function sortValues(comparison: EvaluationComparison, key: string): ArrayLike<number> | null {
  const letter = key.slice(key.indexOf('-') + 1);
  const e = LETTERS.findIndex((l) => l === letter);
  if (key.startsWith('rank-')) return comparison.evaluations[e]?.ranks ?? null;
  if (key.startsWith('shift-'))
    return comparison.result.shifts.find((s) => s.against === e)?.rankShifts ?? null;
  return null;
}

/** The rank in A against the rank in another evaluation, sampled evenly along A's ranking. */
function scatterBlock(comparison: EvaluationComparison, against: number, lang: Lang): ScatterBlock {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const first = comparison.evaluations[0];
  const other = comparison.evaluations[against];
  const byFirstRank = sortedUnits(comparison, { sort: 'rank-A', dir: 'asc', page: 1 });
  const both = Array.from(byFirstRank).filter(
    (u) => Number.isFinite(first?.ranks[u] ?? Number.NaN) && Number.isFinite(other?.ranks[u] ?? Number.NaN),
  );
  const step = Math.max(1, Math.ceil(both.length / SCATTER_POINTS));
  const points: ScatterPoint[] = [];
  for (let i = 0; i < both.length; i += step) {
    const u = both[i] ?? 0;
    points.push({ x: first?.ranks[u] ?? 0, y: other?.ranks[u] ?? 0 });
  }
  const to = LETTERS[against] ?? String(against);
  const title = fill(t.evcScatterTitle, { from: 'A', to });
  return {
    title,
    chart: {
      canvasId: `chart-ranks-${to}`,
      label: title,
      tall: false,
      chartJson: safeJson(
        scatterChart(points, fill(t.evcRankOf, { letter: 'A' }), fill(t.evcRankOf, { letter: to }), title),
      ),
    },
    note:
      points.length < both.length
        ? fill(t.evcScatterSample, {
            shown: format.count(points.length),
            total: format.count(both.length),
            from: 'A',
          })
        : fill(t.evcScatterAll, { total: format.count(both.length) }),
  };
}

/** The tables of the page as files: every compared unit, the movers, or the agreement per pair. */
export function evaluationsCompareExport(
  comparison: EvaluationComparison,
  table: CompareTable,
  lang: Lang,
): LabelledTable {
  const t = labelsFor(lang);
  const { evaluations, result } = comparison;
  const letter = (e: number): string => LETTERS[e] ?? String(e);
  const stem = `compare-${evaluations.map((e) => e.context.evaluation.id).join('-')}`;
  if (table === 'agreement') {
    return {
      name: `${stem}-agreement`,
      ids: [
        'a',
        'b',
        'evaluation_a',
        'evaluation_b',
        'units_ranked_in_both',
        'spearman_rho',
        'kendall_tau_b',
      ],
      labels: [
        t.evcPair,
        t.evcPair,
        t.colEvaluation,
        t.colEvaluation,
        t.evcUnitsBoth,
        t.evcSpearman,
        t.evcKendall,
      ],
      rows: result.agreement.map((pair) => [
        letter(pair.a),
        letter(pair.b),
        evaluations[pair.a]?.context.evaluation.id ?? '',
        evaluations[pair.b]?.context.evaluation.id ?? '',
        pair.n,
        cell(pair.spearman),
        cell(pair.kendall),
      ]),
    };
  }
  if (table === 'movers') {
    return {
      name: `${stem}-movers`,
      ids: ['direction', 'against', 'code', 'name', 'rank_a', 'rank_other', 'shift'],
      labels: [
        t.evcShiftShort,
        t.colEvaluation,
        t.colCode,
        t.colUnit,
        fill(t.evcRankOf, { letter: 'A' }),
        t.colRank,
        t.evcShiftShort,
      ],
      rows: result.shifts.flatMap((shift) =>
        (['up', 'down'] as const).flatMap((direction) =>
          shift[direction].map((mover) => [
            direction,
            letter(shift.against),
            comparison.codes[mover.unit] ?? '',
            unitCell(comparison, mover.unit, lang).name,
            cell(evaluations[0]?.ranks[mover.unit] ?? Number.NaN),
            cell(evaluations[shift.against]?.ranks[mover.unit] ?? Number.NaN),
            mover.shift,
          ]),
        ),
      ),
    };
  }
  const perEvaluation = evaluations.flatMap((e, i) => {
    const l = letter(i);
    return [
      { id: `score_${l.toLowerCase()}`, label: fill(t.evcScoreOf, { letter: l }), values: e.scores },
      { id: `rank_${l.toLowerCase()}`, label: fill(t.evcRankOf, { letter: l }), values: e.ranks },
      ...(e.intervals === null
        ? []
        : [
            {
              id: `rank_p5_${l.toLowerCase()}`,
              label: `${fill(t.evcIntervalOf, { letter: l })} (5%)`,
              values: e.intervals.p5,
            },
            {
              id: `rank_p95_${l.toLowerCase()}`,
              label: `${fill(t.evcIntervalOf, { letter: l })} (95%)`,
              values: e.intervals.p95,
            },
          ]),
    ];
  });
  const shifts = result.shifts.map((shift) => ({
    id: `shift_${letter(shift.against).toLowerCase()}`,
    label: fill(t.evcShift, { from: 'A', to: letter(shift.against) }),
    values: shift.rankShifts,
  }));
  const columns = [...perEvaluation, ...shifts];
  return {
    name: `${stem}-${comparison.level}-${comparison.period}`,
    ids: ['code', 'name', ...columns.map((c) => c.id)],
    labels: [t.colCode, t.colUnit, ...columns.map((c) => c.label)],
    rows: comparison.codes.map((code, unit) => [
      code,
      unitCell(comparison, unit, lang).name,
      ...columns.map((c) => cell(c.values[unit] ?? Number.NaN)),
    ]),
  };
}
