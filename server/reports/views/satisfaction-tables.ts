/**
 * The satisfaction check as exportable tables, with column ids for CSV headers and labels in the
 * reader's language: `summary` (every survey indicator, level, period and node: r, ρ, n, the line and
 * the units left out), `disagreements` (every list of every node) and `units` (every surveyed unit of
 * the chosen indicator, level, period and node). Cells hold ids, codes and unformatted numbers
 * (null when not computable), straight from the stored section.
 *
 * @example satisfactionTable(section, 'summary', selection, 'en').rows[0] // ['satisfaction_share', 'community', '2023', 'coverage', 120, 0.41, …]
 */
import type { NodeCheck, PeriodCheck } from '../../engine/surveys/satisfaction-check.js';
import type { SatisfactionDocument } from '../../evaluation/satisfaction-section.js';
import type { LabelledTable } from '../export/labelled-table.js';
import type { Lang } from '../i18n/lang.js';
import { pick } from '../i18n/pick.js';
import { SATISFACTION_LABELS, type SatisfactionLabel } from '../i18n/satisfaction-labels.js';

export const SATISFACTION_TABLES = ['summary', 'disagreements', 'units'] as const;
export type SatisfactionTable = (typeof SATISFACTION_TABLES)[number];

/** What the page shows: one survey indicator, level, period and node. */
export interface SatisfactionSelection {
  readonly measure: string;
  readonly level: string;
  readonly period: string;
  readonly node: string;
}

type Column = readonly [id: string, label: SatisfactionLabel];

const PLACE: readonly Column[] = [
  ['measure', 'colMeasure'],
  ['level', 'colLevel'],
  ['period', 'colPeriod'],
  ['node', 'colNode'],
];

const UNIT: readonly Column[] = [
  ['unit', 'colCode'],
  ['score', 'colScore'],
  ['estimate', 'colEstimate'],
  ['low', 'colLow'],
  ['high', 'colHigh'],
  ['respondents', 'colRespondents'],
  ['predicted', 'colPredicted'],
  ['residual', 'colResidual'],
  ['standardised_residual', 'colStandardised'],
  ['beyond_interval', 'colBeyond'],
];

const COLUMNS: Readonly<Record<SatisfactionTable, readonly Column[]>> = {
  summary: [
    ...PLACE,
    ['n', 'colN'],
    ['pearson', 'colPearson'],
    ['spearman', 'colSpearman'],
    ['slope', 'colSlope'],
    ['residual_se', 'colResidualSe'],
    ['score_missing', 'colScoreMissing'],
    ['sample_too_small', 'colSampleTooSmall'],
    ['other_missing', 'colOtherMissing'],
    ['not_surveyed', 'colNotSurveyed'],
    ['beyond_below', 'colBeyondBelow'],
    ['beyond_above', 'colBeyondAbove'],
  ],
  disagreements: [...PLACE, ['list', 'colList'], ...UNIT],
  units: UNIT,
};

type Cell = string | number | null;
type Row = readonly Cell[];

const BEYOND = { '-1': 'below', '0': 'no', '1': 'above' } as const;

/** Units left out of a period because their estimate is missing: too small a sample, and other reasons. */
export function missingCounts(period: PeriodCheck): {
  small: number;
  others: readonly (readonly [reason: string, count: number])[];
} {
  return {
    small: period.missing.sample_too_small ?? 0,
    others: Object.entries(period.missing).filter(([reason]) => reason !== 'sample_too_small'),
  };
}

/** One unit of a period as a row: code, score, estimate, interval, respondents, line, beyond. */
export function unitRow(period: PeriodCheck, node: NodeCheck, i: number): Row {
  const beyond = node.beyond[i];
  return [
    period.units[i] ?? '',
    node.score[i] ?? null,
    period.estimate[i] ?? null,
    period.low[i] ?? null,
    period.high[i] ?? null,
    period.respondents[i] ?? null,
    node.predicted[i] ?? null,
    node.residual[i] ?? null,
    node.standardised[i] ?? null,
    beyond === null || beyond === undefined ? null : BEYOND[beyond],
  ];
}

interface Place {
  readonly measure: string;
  readonly level: string;
  readonly period: PeriodCheck;
  readonly node: NodeCheck;
}

function places(section: SatisfactionDocument): Place[] {
  return section.measures.flatMap((m) =>
    m.levels.flatMap((l) =>
      l.periods.flatMap((period) =>
        period.nodes.map((node) => ({ measure: m.indicator, level: l.level, period, node })),
      ),
    ),
  );
}

/** The period check of a selection, or undefined when the section has none. */
export function selectedPeriod(
  section: SatisfactionDocument,
  selection: Omit<SatisfactionSelection, 'node'>,
): PeriodCheck | undefined {
  return section.measures
    .find((m) => m.indicator === selection.measure)
    ?.levels.find((l) => l.level === selection.level)
    ?.periods.find((p) => p.period === selection.period);
}

function rowsOf(
  section: SatisfactionDocument,
  table: SatisfactionTable,
  selection: SatisfactionSelection,
): Row[] {
  switch (table) {
    case 'summary':
      return places(section).map(({ measure, level, period, node }) => {
        const { small, others } = missingCounts(period);
        return [
          measure,
          level,
          period.period,
          node.node,
          node.n,
          node.pearson,
          node.spearman,
          node.slope,
          node.residualSe,
          node.scoreMissing,
          small,
          others.map(([reason, count]) => `${reason}: ${count}`).join('; '),
          period.notSurveyed,
          node.beyondBelow,
          node.beyondAbove,
        ];
      });
    case 'disagreements':
      return places(section).flatMap(({ measure, level, period, node }) => {
        const place = [measure, level, period.period, node.node];
        return [
          ...node.lessSatisfied.map((i) => [...place, 'less_satisfied', ...unitRow(period, node, i)]),
          ...node.moreSatisfied.map((i) => [...place, 'more_satisfied', ...unitRow(period, node, i)]),
        ];
      });
    case 'units': {
      const period = selectedPeriod(section, selection);
      const node = period?.nodes.find((n) => n.node === selection.node);
      if (period === undefined || node === undefined) return [];
      return period.units.map((_, i) => unitRow(period, node, i));
    }
  }
}

export function satisfactionTable(
  section: SatisfactionDocument,
  table: SatisfactionTable,
  selection: SatisfactionSelection,
  lang: Lang,
): LabelledTable {
  const columns = COLUMNS[table];
  const name =
    table === 'units'
      ? `satisfaction-units-${selection.measure}-${selection.level}-${selection.period}-${selection.node}`
      : `satisfaction-${table}`;
  return {
    name,
    ids: columns.map(([id]) => id),
    labels: columns.map(([, label]) => pick(SATISFACTION_LABELS[label], lang)),
    rows: rowsOf(section, table, selection),
  };
}
