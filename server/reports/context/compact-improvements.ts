/**
 * The engine's improvement options (figures.improvements: per row up to a few options) as the
 * reports keep them: one typed column per field over every option of every row, with each row's
 * first option, instead of millions of small JSON objects and boxed numbers that the garbage
 * collector would walk on every full collection (a 100,000-community evaluation holds about six
 * million of them). A row's options are rebuilt when a page asks for them: a few objects.
 *
 * Plain data (no closures), so a context can be kept on disk and read back (report-snapshots.ts).
 *
 * @example improvementsAt(compactImprovements(figures.improvements), row) // deep-equal figures.improvements[row]
 */
import type { ImprovementDocument } from '../../evaluation/figures-document.js';
import type { Cell } from '../../evaluation/results-document.js';

const FIELDS = ['from', 'to', 'rawChange', 'scoreGain', 'newScore', 'newRank', 'rankGain'] as const;
type NumberField = (typeof FIELDS)[number];

export interface CompactImprovements {
  /** Where each row's options start in the columns, and one past the last row's. */
  readonly first: Int32Array;
  /** The indicators named by the options, each once. */
  readonly indicators: readonly string[];
  /** Per option, a position in `indicators`. */
  readonly indicator: Int32Array;
  /** Per option, each number field (NaN where the stored cell is null). */
  readonly columns: Readonly<Record<NumberField, Float64Array>>;
}

const cell = (value: number): Cell => (Number.isNaN(value) ? null : value);

export function compactImprovements(rows: readonly (readonly ImprovementDocument[])[]): CompactImprovements {
  const first = new Int32Array(rows.length + 1);
  let count = 0;
  rows.forEach((options, row) => {
    first[row] = count;
    count += options.length;
  });
  first[rows.length] = count;
  const indicators: string[] = [];
  const indicatorIndex = new Map<string, number>();
  const indicator = new Int32Array(count);
  const columns = Object.fromEntries(FIELDS.map((field) => [field, new Float64Array(count)])) as Record<
    NumberField,
    Float64Array
  >;
  let at = 0;
  for (const options of rows)
    for (const option of options) {
      let index = indicatorIndex.get(option.indicator);
      if (index === undefined) {
        index = indicators.push(option.indicator) - 1;
        indicatorIndex.set(option.indicator, index);
      }
      indicator[at] = index;
      for (const field of FIELDS) columns[field][at] = option[field] ?? Number.NaN;
      at++;
    }
  return { first, indicators, indicator, columns };
}

/** The options of a row, as stored (an empty list past the last row). */
export function improvementsAt(
  improvements: CompactImprovements,
  row: number,
): readonly ImprovementDocument[] {
  const { first, indicators, indicator, columns } = improvements;
  if (!(row >= 0 && row < first.length - 1)) return [];
  const options: ImprovementDocument[] = [];
  for (let i = first[row] ?? 0, end = first[row + 1] ?? 0; i < end; i++) {
    options.push({
      indicator: indicators[indicator[i] ?? 0] ?? '',
      from: cell(columns.from[i] ?? Number.NaN),
      to: cell(columns.to[i] ?? Number.NaN),
      rawChange: cell(columns.rawChange[i] ?? Number.NaN),
      scoreGain: cell(columns.scoreGain[i] ?? Number.NaN),
      newScore: cell(columns.newScore[i] ?? Number.NaN),
      newRank: cell(columns.newRank[i] ?? Number.NaN),
      rankGain: cell(columns.rankGain[i] ?? Number.NaN),
    });
  }
  return options;
}
