/**
 * The ranking table of an evaluation page: the units of one level in one period, filtered by
 * district, peer group and a search text, sorted by rank, name, code, population, change or a
 * dimension, 50 rows a page. Sorting and filtering happen here (query parameters), so the table
 * works without JavaScript; each sort order is computed once per context and reused. A reader
 * limited to some units (query.scope) sees only those rows; ranks stay the evaluation's own.
 */
import type { ReportContext } from '../context/report-context.js';
import { EVERY_UNIT, type ReportScope } from '../context/report-scope.js';
import { cell, type LabelledTable } from '../export/labelled-table.js';
import { numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import { LOCALES, type Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';
import type { UnitLevel } from '../../domain/unit.js';
import { changeCell, engineChange, type ChangeCell } from './change-cell.js';
import { expectedCell, expectedDifference, expectedRow, type ExpectedCell } from './expected-cell.js';
import { href, type QueryValues } from './href.js';
import { levelOptions, type Option } from './level-options.js';
import { nodeName } from './node-names.js';
import {
  INTERVAL_EXPORT_IDS,
  intervalExportLabels,
  intervalFigures,
  intervalNote,
  levelHasIntervals,
  unitInterval,
  type IntervalCell,
} from './rank-interval.js';
import { districtUnits, inDisplayOrder } from './ranking-candidates.js';
import { matchMarks, searchMatchUnits } from './search-matches.js';
import { sortedByText, sortedByValue, type SortedMembers } from './sorted-members.js';
import { sortHeader, type SortDir, type SortHeader } from './sort-header.js';
import { unitHref, unitName } from './unit-names.js';

export const ROWS_PER_PAGE = 50;

export interface RankingQuery {
  readonly period: number;
  readonly level: UnitLevel;
  readonly district?: string | undefined;
  readonly peer?: string | undefined;
  readonly q?: string | undefined;
  /** Only units worse than their peers and worsening (the engine's stored flag). */
  readonly worsening?: boolean | undefined;
  readonly sort: string;
  readonly dir?: SortDir | undefined;
  readonly page: number;
  /** The units the reader may see (every unit when absent). */
  readonly scope?: ReportScope | undefined;
}

export interface RankingRow {
  readonly rank: string;
  readonly name: string;
  readonly href: string;
  readonly code: string;
  readonly district: string;
  readonly peerGroup: string;
  readonly score: string;
  readonly change: ChangeCell;
  readonly dimensions: readonly string[];
  readonly population: string;
  /** The Monte Carlo rank interval and band (shown when the view's `intervals` is true). */
  readonly interval: IntervalCell;
  /** Actual − expected from structural attributes (shown when the view's `expected` is set). */
  readonly expected: ExpectedCell;
}

export interface RankingView {
  /** Rank, unit and code. */
  readonly leadHeaders: readonly SortHeader[];
  /** Index score, change, each dimension, population. */
  readonly scoreHeaders: readonly SortHeader[];
  readonly rows: readonly RankingRow[];
  readonly summary: string;
  readonly empty: boolean;
  readonly previousHref: string | null;
  readonly nextHref: string | null;
  readonly levels: readonly Option[];
  readonly districts: readonly Option[];
  readonly peers: readonly Option[];
  readonly q: string;
  /** Whether the worse-and-worsening filter is on. */
  readonly worsening: boolean;
  readonly sort: string;
  readonly dir: SortDir;
  /** Whether the level's units have rank intervals and bands to show beside their ranks. */
  readonly intervals: boolean;
  /** Under the table: what the interval and the bands mean, or why there are none. */
  readonly intervalNote: string;
  /** The "与预期之差" column's header, for base units of an evaluation with expected scores; else null. */
  readonly expected: SortHeader | null;
}

const TEXT_KEYS = new Set(['name', 'code']);

export function rankingKeys(context: ReportContext): string[] {
  const expected = context.expected === null ? [] : ['expected'];
  return ['rank', 'name', 'code', 'score', 'population', 'change', ...expected, ...context.dimensions];
}

export function naturalDir(key: string): SortDir {
  return key === 'rank' || TEXT_KEYS.has(key) ? 'asc' : 'desc';
}

function sorted(context: ReportContext, query: RankingQuery, lang: Lang): SortedMembers {
  const { period, level, sort } = query;
  // Names and codes sort the same in every period: one order per level (and language, for names).
  const key = TEXT_KEYS.has(sort)
    ? `ranking\n${level}\n${sort}\n${sort === 'name' ? lang : ''}`
    : `ranking\n${period}\n${level}\n${sort}`;
  return context.memo(key, () => {
    const members = context.units.byLevel.get(level) ?? [];
    const columns = context.period(period);
    const root = context.results.root;
    if (sort === 'name') {
      return sortedByText(members, (u) => unitName(context.units, u, lang), new Intl.Collator(LOCALES[lang]));
    }
    if (sort === 'code')
      return sortedByText(members, (u) => context.units.codes[u] ?? '', new Intl.Collator('en'));
    if (sort === 'population')
      return sortedByValue(members, (u) => context.units.populations[u] ?? Number.NaN);
    if (sort === 'change') return sortedByValue(members, (u) => engineChange(context, period, u, root));
    if (sort === 'expected') return sortedByValue(members, (u) => expectedDifference(context, period, u));
    if (sort === 'rank') {
      const ranks = columns.ranks.get(root);
      return sortedByValue(members, (u) => ranks?.[u] ?? Number.NaN);
    }
    const scores = columns.scores.get(sort === 'score' ? root : sort);
    return sortedByValue(members, (u) => scores?.[u] ?? Number.NaN);
  });
}

/** The memo key of a display order (and of what is derived from it). */
function orderKey(query: RankingQuery, lang: Lang, descending: boolean): string {
  return `order\n${query.period}\n${query.level}\n${query.sort}\n${lang}\n${String(descending)}`;
}

/** The whole display order for a direction (units with a value, then those without), built once. */
function displayOrder(
  context: ReportContext,
  query: RankingQuery,
  lang: Lang,
  descending: boolean,
): Int32Array {
  return context.memo(orderKey(query, lang, descending), () => {
    const { present, missing } = sorted(context, query, lang);
    const order = new Int32Array(present.length + missing.length);
    order.set(descending ? present.slice().reverse() : present);
    order.set(missing, present.length);
    return order;
  });
}

/** Candidates up to 1/FEW_CANDIDATES of the level are put in order; more, and the level is scanned. */
const FEW_CANDIDATES = 4;

/**
 * The matching units in display order. Without filters this is the stored order itself; with one
 * district or a search that finds few units, those units put in order (ranking-candidates.ts);
 * otherwise a tight loop over typed arrays, as it runs over every unit of the level (its result
 * kept when the filter is a peer group alone). Callers must not change the array returned.
 */
export function rankingMatches(context: ReportContext, query: RankingQuery, lang: Lang): Int32Array {
  const { units } = context;
  const descending = (query.dir ?? naturalDir(query.sort)) === 'desc';
  const order = displayOrder(context, query, lang, descending);
  const district = query.district === undefined ? -1 : (units.index.get(query.district) ?? -2);
  const peer = query.peer === undefined ? -1 : units.peerGroupNames.indexOf(query.peer);
  const needle = query.q?.trim().toLowerCase() ?? '';
  const scope = query.scope ?? EVERY_UNIT;
  const worsening = query.worsening === true;
  if (district === -1 && peer === -1 && needle === '' && !worsening && scope.unrestricted) return order;
  const { districts, peerGroupIds } = units;
  const matched = needle === '' ? null : searchMatchUnits(context, needle);
  const everyUnit = scope.unrestricted;
  // The typed-array tests first: a scan runs this over every unit of the level.
  const passes = (unit: number, found: Uint8Array | null): boolean =>
    (peer === -1 || peerGroupIds[unit] === peer) &&
    (district === -1 || districts[unit] === district) &&
    (found === null || found[unit] === 1) &&
    (everyUnit || scope.allows(unit)) &&
    (!worsening || worseAndWorsening(context, query.period, unit));
  const candidates = district !== -1 ? districtUnits(context, district) : matched;
  // Sorting candidates beats scanning the level only while they are few.
  if (candidates !== null && candidates.length * FEW_CANDIDATES < order.length) {
    const found = district !== -1 && matched !== null ? matchMarks(matched, units.codes.length) : null;
    return inDisplayOrder(context, order, orderKey(query, lang, descending), candidates, (unit) =>
      passes(unit, found),
    );
  }
  const found = matched === null ? null : matchMarks(matched, units.codes.length);
  const scan = (): Int32Array => {
    const out = new Int32Array(order.length);
    let kept = 0;
    for (let i = 0, n = order.length; i < n; i++) {
      const unit = order[i] ?? 0;
      if (passes(unit, found)) out[kept++] = unit;
    }
    return out.subarray(0, kept);
  };
  // A peer group alone is the common scan (a few groups per level): kept per order, which the
  // peer groups split, so it holds at most as much again as the orders themselves.
  const peerOnly = peer >= 0 && district === -1 && found === null && everyUnit && !worsening;
  return peerOnly ? context.memo(`${orderKey(query, lang, descending)}\npeer\n${peer}`, scan) : scan();
}

/** The engine's stored "worse than peers and worsening" flag of a unit in a period. */
function worseAndWorsening(context: ReportContext, period: number, unit: number): boolean {
  const place = context.place(unit);
  if (place === null) return false;
  const flags = context.progress?.worseAndWorsening[context.results.levels.indexOf(place.level)];
  return flags?.[place.row(period)] === 1;
}

function filterOptions(
  context: ReportContext,
  query: RankingQuery,
  lang: Lang,
): {
  districts: readonly Option[];
  peers: Option[];
} {
  const { units } = context;
  const scope = query.scope ?? EVERY_UNIT;
  // A limited reader is offered only the districts that hold some of their units.
  const visible = scope.unrestricted
    ? null
    : context.memo(`districts\n${scope.key}`, () => {
        const found = new Set<number>();
        units.codes.forEach((_, u) => {
          if (scope.allows(u)) found.add(units.districts[u] ?? -1);
        });
        return found;
      });
  const all = units.byLevel.get('district') ?? [];
  // One list per language, scope and chosen district (any other text chooses none, so the lists stay
  // few): the template renders each once ({{#keep}}).
  const chosen = all.find((d) => units.codes[d] === query.district) ?? -1;
  const districts = context.memo(`districtOptions\n${lang}\n${scope.key}\n${chosen}`, () =>
    (visible === null ? all : all.filter((d) => visible.has(d))).map((d) => ({
      value: units.codes[d] ?? '',
      label: unitName(units, d, lang),
      selected: d === chosen,
    })),
  );
  const groups = context.memo(`peers\n${query.level}`, () =>
    [...new Set((units.byLevel.get(query.level) ?? []).map((u) => units.peerGroups[u] ?? 'all'))].sort(),
  );
  const peers = groups.map((group) => ({
    value: group,
    label: labelOf(lang, 'peer', group),
    selected: group === query.peer,
  }));
  return { districts, peers };
}

export function rankingView(
  context: ReportContext,
  query: RankingQuery,
  lang: Lang,
  path: string,
  pageQuery: QueryValues,
): RankingView {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const { units, results } = context;
  const dir = query.dir ?? naturalDir(query.sort);
  const matches = rankingMatches(context, query, lang);
  const pages = Math.max(1, Math.ceil(matches.length / ROWS_PER_PAGE));
  const page = Math.min(Math.max(1, query.page), pages);
  const from = (page - 1) * ROWS_PER_PAGE;
  const shown = Array.from(matches.subarray(from, from + ROWS_PER_PAGE));
  const columns = context.period(query.period);
  const root = results.root;
  const scores = columns.scores.get(root);
  const ranks = columns.ranks.get(root);
  const dimensionScores = context.dimensions.map((d) => columns.scores.get(d));
  const intervals = levelHasIntervals(context, units.byLevel.get(query.level)?.[0]);
  const rows = shown.map((u): RankingRow => {
    const code = units.codes[u] ?? '';
    const district = units.districts[u] ?? -1;
    return {
      rank: format.count(ranks?.[u] ?? Number.NaN),
      name: unitName(units, u, lang),
      href: unitHref(context.evaluation.id, code),
      code,
      district: district >= 0 ? unitName(units, district, lang) : '',
      peerGroup: labelOf(lang, 'peer', units.peerGroups[u] ?? 'all'),
      score: format.score(scores?.[u] ?? Number.NaN),
      change: changeCell(engineChange(context, query.period, u, root), lang),
      dimensions: dimensionScores.map((column) => format.score(column?.[u] ?? Number.NaN)),
      population: format.count(units.populations[u] ?? Number.NaN),
      interval: unitInterval(context, query.period, u, lang),
      expected: expectedCell(context, query.period, u, lang),
    };
  });
  const link = (changes: QueryValues): string => href(path, pageQuery, changes);
  const sortLink = (key: string, next: SortDir): string => link({ sort: key, dir: next, page: undefined });
  const state = { key: query.sort, dir };
  const leadHeaders = [
    sortHeader(t.colRank, 'rank', state, 'asc', sortLink),
    sortHeader(t.colUnit, 'name', state, 'asc', sortLink),
    sortHeader(t.colCode, 'code', state, 'asc', sortLink),
  ];
  const scoreHeaders = [
    sortHeader(t.colIndex, 'score', state, 'desc', sortLink),
    sortHeader(t.colChange, 'change', state, 'desc', sortLink),
    ...context.dimensions.map((d) => sortHeader(nodeName(context, d, lang), d, state, 'desc', sortLink)),
    sortHeader(t.colPopulation, 'population', state, 'desc', sortLink),
  ];
  const { districts, peers } = filterOptions(context, query, lang);
  return {
    leadHeaders,
    scoreHeaders,
    rows,
    summary: fill(t.rowsShown, {
      from: format.count(matches.length === 0 ? 0 : from + 1),
      to: format.count(from + shown.length),
      total: format.count(matches.length),
    }),
    empty: matches.length === 0,
    previousHref: page > 1 ? link({ page: page - 1 }) : null,
    nextHref: page < pages ? link({ page: page + 1 }) : null,
    levels: levelOptions(context, query.level, lang, query.scope),
    districts,
    peers,
    q: query.q ?? '',
    worsening: query.worsening === true,
    sort: query.sort,
    dir,
    intervals,
    intervalNote: intervalNote(context, intervals, true, lang),
    expected:
      context.expected !== null && query.level === 'community'
        ? sortHeader(t.colExpectedDifference, 'expected', state, 'desc', sortLink)
        : null,
  };
}

export function rankingExport(context: ReportContext, query: RankingQuery, lang: Lang): LabelledTable {
  const t = labelsFor(lang);
  const { units, results } = context;
  const columns = context.period(query.period);
  const root = results.root;
  const rows = Array.from(rankingMatches(context, query, lang), (u) => {
    const district = units.districts[u] ?? -1;
    const score = columns.scores.get(root)?.[u] ?? Number.NaN;
    return [
      cell(columns.ranks.get(root)?.[u] ?? Number.NaN),
      units.codes[u] ?? '',
      unitName(units, u, lang),
      district >= 0 ? (units.codes[district] ?? '') : null,
      units.peerGroups[u] ?? null,
      cell(score),
      cell(engineChange(context, query.period, u, root)),
      ...context.dimensions.map((d) => cell(columns.scores.get(d)?.[u] ?? Number.NaN)),
      cell(units.populations[u] ?? Number.NaN),
      ...intervalFigures(context, query.period, u).map(cell),
      ...expectedFigures(context, query.period, u).map(cell),
    ];
  });
  return {
    name: `ranking-${columns.period}-${query.level}`,
    ids: [
      'rank',
      'code',
      'name',
      'district',
      'peer_group',
      'score',
      'change',
      ...context.dimensions,
      'population',
      ...INTERVAL_EXPORT_IDS,
      ...(context.expected === null ? [] : ['expected_score', 'expected_difference']),
    ],
    labels: [
      t.colRank,
      t.colCode,
      t.colUnit,
      t.colDistrict,
      t.colPeerGroup,
      t.colIndex,
      t.colChange,
      ...context.dimensions.map((d) => nodeName(context, d, lang)),
      t.colPopulation,
      ...intervalExportLabels(lang),
      ...(context.expected === null ? [] : [t.colExpectedScore, t.colExpectedDifference]),
    ],
    rows,
  };
}

/** The expected score and the difference of a unit's row, for the export (none without the section). */
function expectedFigures(context: ReportContext, period: number, unit: number): number[] {
  if (context.expected === null) return [];
  const row = expectedRow(context, period, unit);
  return [
    row < 0 ? Number.NaN : (context.expected.expected[row] ?? Number.NaN),
    row < 0 ? Number.NaN : (context.expected.difference[row] ?? Number.NaN),
  ];
}
