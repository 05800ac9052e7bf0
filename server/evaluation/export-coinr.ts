/**
 * coinrTables(results, snapshot): an evaluation as the two tables COINr's new_coin(iData, iMeta)
 * reads, plus its results, so an R user can rebuild and compare it:
 *   iData.csv   uCode, uName, Time, then each indicator's value as the engine computed it from the
 *               raw variables (after its formula, before imputation); empty = missing
 *   iMeta.csv   Level, iCode, iName, Direction, Weight, Parent, Type, Unit, Target, and the Chinese
 *               names as iName_zh / Unit_zh (COINr ignores extra columns; `indicators import-coinr`
 *               reads them back); the weights are the ones the evaluation aggregated with
 *   results.csv the export table (export-table.ts): every level's score and rank per unit and period
 * COINr needs every child of an aggregate one level below it, so a framework whose branches have
 * different depths is refused with a message naming the aggregate.
 *
 * @example const { iData, iMeta, results } = coinrTables(doc, readFrameworkSnapshot(evaluation.framework.definition))
 */
import { ValidationError } from '../errors.js';
import { safeCsv, type CsvCell } from '../intake/safe-csv.js';
import type { FrameworkSnapshotView } from '../reports/context/framework-snapshot.js';
import { exportTable } from './export-table.js';
import type { ResultsDocument } from './results-document.js';

export interface CoinrTables {
  readonly iData: string;
  readonly iMeta: string;
  readonly results: string;
}

const csv = (rows: readonly (readonly CsvCell[])[]): string => safeCsv(rows, { bom: false });

/** Level 1 for indicators, one above its children for an aggregate. */
function levels(results: ResultsDocument): Map<string, number> {
  const level = new Map<string, number>(results.indicators.map((id) => [id, 1]));
  for (const node of results.nodes) {
    const children = results.weights[node]?.children ?? [];
    const below = new Set(children.map((child) => level.get(child) ?? 0));
    if (below.size !== 1) {
      throw new ValidationError({
        zh: `“${node}”的下级不在同一层，COINr 要求每个汇总项的下级都在它下面一层`,
        en: `the children of "${node}" are on different levels; COINr needs every child of an aggregate one level below it`,
      });
    }
    const [childLevel] = [...below] as [number];
    level.set(node, childLevel + 1);
  }
  return level;
}

function iMetaOf(results: ResultsDocument, snapshot: FrameworkSnapshotView): string {
  const level = levels(results);
  const parent = new Map<string, { parent: string; weight: number }>();
  for (const node of results.nodes) {
    const { children, weights } = results.weights[node] ?? { children: [], weights: [] };
    children.forEach((child, i) => parent.set(child, { parent: node, weight: weights[i] ?? 0 }));
  }
  const dimensions = new Map(snapshot.dimensions.map((d) => [d.id, d]));
  const indicators = new Map(snapshot.indicators.map((i) => [i.id, i]));
  const header = [
    'Level',
    'iCode',
    'iName',
    'iName_zh',
    'Direction',
    'Weight',
    'Parent',
    'Type',
    'Unit',
    'Unit_zh',
    'Target',
  ];
  const rows: CsvCell[][] = results.indicators.map((id) => {
    const definition = indicators.get(id);
    return [
      1,
      id,
      definition?.name.en ?? id,
      definition?.name.zh ?? id,
      definition?.direction === 'lower' ? -1 : 1,
      parent.get(id)?.weight ?? 1,
      parent.get(id)?.parent ?? '',
      'Indicator',
      definition?.unit.en ?? '',
      definition?.unit.zh ?? '',
      definition?.goalposts.target.value ?? null,
    ];
  });
  const nodes = [...results.nodes].sort((a, b) => (level.get(a) ?? 0) - (level.get(b) ?? 0));
  for (const node of nodes) {
    const name =
      node === results.root
        ? snapshot.framework.root.name
        : (dimensions.get(node)?.name ?? { zh: node, en: node });
    rows.push([
      level.get(node) ?? 2,
      node,
      name.en,
      name.zh,
      1,
      parent.get(node)?.weight ?? 1,
      parent.get(node)?.parent ?? '',
      'Aggregate',
      'Score',
      '分',
      null,
    ]);
  }
  return csv([header, ...rows]);
}

function iDataOf(results: ResultsDocument): string {
  const names = new Map(results.register.map((unit) => [unit.code, unit.name]));
  const header = ['uCode', 'uName', 'Time', ...results.indicators];
  const rows: CsvCell[][] = [];
  results.periods.forEach((period, p) => {
    results.units.forEach((code, u) => {
      const row = p * results.units.length + u;
      const name = names.get(code);
      rows.push([
        code,
        name?.en ?? name?.zh ?? code,
        period,
        ...results.indicators.map((id) => results.raw[id]?.[row] ?? null),
      ]);
    });
  });
  return csv([header, ...rows]);
}

export function coinrTables(results: ResultsDocument, snapshot: FrameworkSnapshotView): CoinrTables {
  const table = exportTable(results);
  return {
    iData: iDataOf(results),
    iMeta: iMetaOf(results, snapshot),
    results: csv([table.header, ...table.rows]),
  };
}
