/**
 * importCoinr(meta, options): the Zhili definitions for a COINr iMeta table, as files in memory.
 * The index becomes the framework's root, every other aggregate a dimension (nested as in the
 * table), every indicator an indicator whose formula is its iCode, divided by its Denominator when
 * it has one. COINr keeps data and metadata apart, so the goalposts come from the iData table: the
 * floor is the worst observed value, the target the iMeta Target (for an undivided indicator) or 5%
 * of the observed range short of the best value, the rule COINr's ASEM example uses for its Target.
 *
 * @example importCoinr(parseIMeta(text, 'iMeta.csv'), { id: 'asem2', data, methods, source: 'iMeta.csv' }).files
 */
import { ValidationError, type ProblemDetail } from '../../errors.js';
import { compactJson } from '../compact-json.js';
import type { IData } from './idata.js';
import { rowOf, type IMeta, type IMetaRow } from './imeta.js';

export interface ImportOptions {
  /** The framework id, also the folder the dimensions and indicators go in. */
  readonly id: string;
  readonly data: IData;
  /** The framework's methods block. */
  readonly methods: Readonly<Record<string, unknown>>;
  /** The iMeta file's name, cited as the definitions' source. */
  readonly source: string;
}

export interface ImportedFile {
  /** Relative to the definitions folder, "/"-separated: asem2/Conn/Physical/LPI.json */
  readonly file: string;
  readonly value: Readonly<Record<string, unknown>>;
  readonly text: string;
}

export interface CoinrImport {
  readonly files: readonly ImportedFile[];
  readonly indicators: number;
  readonly dimensions: number;
}

/** 6 significant digits: enough for goalposts and thresholds, readable in the files. */
function round(x: number): number {
  return Number(x.toPrecision(6));
}

export function importCoinr(meta: IMeta, options: ImportOptions): CoinrImport {
  checkRepresentable(meta, options);
  const folderOf = (row: IMetaRow): string[] =>
    row === meta.root ? [] : [...folderOf(rowOf(meta, row.parent)), row.code];
  const files: ImportedFile[] = [];
  const add = (parts: readonly string[], value: Record<string, unknown>): void => {
    files.push({ file: parts.join('/'), value, text: compactJson(value) });
  };
  for (const aggregate of meta.aggregates) {
    add([options.id, ...folderOf(aggregate), 'dimension.json'], dimension(meta, aggregate));
  }
  for (const indicator of meta.indicators) {
    const parent = rowOf(meta, indicator.parent);
    add(
      [options.id, ...folderOf(parent), `${indicator.code}.json`],
      indicatorDefinition(meta, indicator, options),
    );
  }
  add(['frameworks', `${options.id}.json`], framework(meta, options));
  return { files, indicators: meta.indicators.length, dimensions: meta.aggregates.length };
}

/** Zhili hangs indicators on dimensions, so an indicator right under the index has no place; and every column must be in iData. */
function checkRepresentable(meta: IMeta, options: ImportOptions): void {
  const problems: ProblemDetail[] = [];
  for (const row of meta.indicators) {
    if (row.parent === meta.root.code) {
      problems.push({
        where: `${options.source} row ${row.line}, column Parent`,
        message: `the indicator "${row.code}" hangs right under the index "${meta.root.code}"; Zhili needs at least one aggregate level between them`,
        zh: `${options.source} 第${row.line}行“Parent”列：指标“${row.code}”直接挂在总指数“${meta.root.code}”下，Zhili 要求中间至少有一层汇总项`,
      });
    }
    for (const code of [row.code, row.denominator].filter((c) => c !== '')) {
      if (observed(options.data, code).length === 0) {
        problems.push({
          where: `iData column ${code}`,
          message: `no value for "${code}" (row ${row.line} of ${options.source}) in the iData table: the goalposts need observed values`,
          zh: `iData 表中没有“${code}”（${options.source} 第${row.line}行）的任何数值：目标值需要观测值`,
        });
      }
    }
  }
  if (problems.length > 0) {
    throw new ValidationError(
      {
        zh: `无法导入 ${options.source}：${problems.length} 处错误`,
        en: `cannot import ${options.source}: ${problems.length} problem(s)`,
      },
      problems,
    );
  }
}

function observed(data: IData, code: string): (number | undefined)[] {
  return data.columns.has(code) ? [...data.column(code)] : [];
}

function childrenOf(meta: IMeta, row: IMetaRow): IMetaRow[] {
  return meta.rows.filter((r) => r.parent === row.code);
}

function dimension(meta: IMeta, row: IMetaRow): Record<string, unknown> {
  const children = childrenOf(meta, row);
  const list = children.map((c) => c.code).join(', ');
  const listZh = children.map((c) => c.name.zh).join('、');
  return {
    kind: 'dimension',
    id: row.code,
    name: { ...row.name },
    description: {
      zh: `COINr 指数“${meta.root.name.zh}”第 ${row.level} 层的汇总项“${row.name.zh}”，由${listZh}组成（${list}）。`,
      en: `The level-${row.level} aggregate "${row.name.en}" of the COINr index "${meta.root.name.en}", made of ${list}.`,
    },
    weight: row.weight,
    ...(row.parent === meta.root.code ? {} : { parent: row.parent }),
  };
}

function unitOf(row: IMetaRow): { zh: string; en: string } {
  return { zh: row.unit.zh || '无单位', en: row.unit.en || 'no unit' };
}

function indicatorDefinition(meta: IMeta, row: IMetaRow, options: ImportOptions): Record<string, unknown> {
  const denominator = row.denominator === '' ? undefined : rowOf(meta, row.denominator);
  const x = observed(options.data, row.code);
  const d = denominator === undefined ? undefined : observed(options.data, denominator.code);
  const pairs = x.flatMap((v, i) => {
    const by = d === undefined ? 1 : d[i];
    return v === undefined || by === undefined || by === 0
      ? []
      : [{ v, by, unit: options.data.units[i] ?? '' }];
  });
  const values = pairs.map((p) => p.v / p.by);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const higher = row.direction === 1;
  const floor = round(higher ? min : max);
  const fromMeta = denominator === undefined && Number.isFinite(row.target);
  const target = round(fromMeta ? row.target : higher ? max - 0.05 * (max - min) : min + 0.05 * (max - min));
  const third = (target - floor) / 3;
  const unit = unitOf(row);
  const parent = rowOf(meta, row.parent);
  const inputs: Record<string, unknown> = {
    [row.code]: { type: 'number', unit, label: { ...row.name } },
  };
  if (denominator !== undefined) {
    inputs[denominator.code] = {
      type: 'number',
      minimum: 0,
      unit: unitOf(denominator),
      label: { ...denominator.name },
    };
  }
  const example = pairs[0] ?? { v: 1, by: 1, unit: '' };
  const exampleInputs =
    denominator === undefined
      ? { [row.code]: example.v }
      : { [row.code]: example.v, [denominator.code]: example.by };
  const per =
    denominator === undefined
      ? undefined
      : {
          zh: `${unit.zh}／${denominator.name.zh}（${unitOf(denominator).zh}）`,
          en: `${unit.en} per ${denominator.name.en} (${unitOf(denominator).en})`,
        };
  return {
    kind: 'indicator',
    id: row.code,
    version: '1.0.0',
    name: { ...row.name },
    description:
      denominator === undefined
        ? {
            zh: `${row.name.zh}（${unit.zh}），直接取原始值。`,
            en: `${row.name.en} (${unit.en}), taken as reported.`,
          }
        : {
            zh: `${row.name.zh}（${unit.zh}）除以${denominator.name.zh}（${unitOf(denominator).zh}）。`,
            en: `${row.name.en} (${unit.en}) divided by ${denominator.name.en} (${unitOf(denominator).en}).`,
          },
    dimension: row.parent,
    rationale: {
      zh: `COINr 指数“${meta.root.name.zh}”中“${parent.name.zh}”的指标之一（${higher ? '越高越好' : '越低越好'}），由其 iMeta 表导入。`,
      en: `One of the indicators of "${parent.name.en}" in the COINr index "${meta.root.name.en}" (${higher ? 'higher' : 'lower'} is better), imported from its iMeta table.`,
    },
    source: [
      {
        ref: `COINr iMeta table ${options.source}, row ${row.line}`,
        note: {
          zh: '代码、名称、单位、方向、权重、分母和目标值取自该 iMeta 表；目标值之外的目标区间取自随附的 iData 表。',
          en: 'Code, name, unit, direction, weight, denominator and target come from that iMeta table; the floor from the iData table given with it.',
        },
      },
    ],
    unit: per ?? unit,
    direction: higher ? 'higher' : 'lower',
    inputs: { type: 'object', properties: inputs, required: Object.keys(inputs) },
    formula: denominator === undefined ? row.code : `${row.code} / ${denominator.code}`,
    goalposts: {
      floor: {
        value: floor,
        justification: {
          zh: `iData 表中观测到的最差值${denominator === undefined ? '' : '（除以分母后）'}。`,
          en: `The worst value observed in the iData table${denominator === undefined ? '' : ', after division by the denominator'}.`,
        },
      },
      target: {
        value: target,
        justification: fromMeta
          ? { zh: 'iMeta 表的 Target 列。', en: 'The Target column of the iMeta table.' }
          : {
              zh: '距 iData 表中最好观测值差观测全距的 5%（iMeta 表没有可用的 Target）。',
              en: '5% of the observed range short of the best value in the iData table (the iMeta table has no usable Target).',
            },
      },
    },
    thresholds: { green: target, yellow: round(floor + 2 * third), orange: round(floor + third) },
    weight: row.weight,
    applies_to: 'all',
    fixtures: [
      {
        name: `${example.unit || 'first unit'} in the iData table`,
        inputs: exampleInputs,
        expected: example.v / example.by,
      },
      denominator === undefined
        ? {
            name: 'no value reported: missing, not zero',
            inputs: { [row.code]: null },
            expected: null,
            reason: 'missing_input',
          }
        : {
            name: 'denominator of zero: missing, not infinite',
            inputs: { [row.code]: example.v, [denominator.code]: 0 },
            expected: null,
            reason: 'division_by_zero',
          },
    ],
  };
}

function framework(meta: IMeta, options: ImportOptions): Record<string, unknown> {
  const { root } = meta;
  const levels = root.level;
  return {
    kind: 'framework',
    id: options.id,
    version: '1.0.0',
    name: { zh: `${root.name.zh}（COINr 导入）`, en: `${root.name.en} (COINr import)` },
    description: {
      zh: `由 COINr iMeta 表 ${options.source} 导入：${meta.indicators.length} 项指标、${meta.aggregates.length} 个汇总项，共 ${levels} 层。`,
      en: `Imported from the COINr iMeta table ${options.source}: ${meta.indicators.length} indicators and ${meta.aggregates.length} aggregates on ${levels} levels.`,
    },
    root: { id: root.code, name: { ...root.name } },
    dimensions: [...meta.aggregates]
      .sort((a, b) => b.level - a.level)
      .map((d) => ({ id: d.code, weight: d.weight })),
    indicators: meta.indicators.map((i) => ({ id: i.code, weight: i.weight })),
    methods: options.methods,
  };
}
