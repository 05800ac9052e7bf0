/**
 * Writes the ASEM Sustainable Connectivity index as Zhili definitions, from COINr's ASEM metadata
 * (asem_iMeta.csv) and 2018 data (asem_iData.csv) in ../shared/datasets/asem/:
 *   indicators/asem/<sub-index>/dimension.json, …/<pillar>/dimension.json, …/<pillar>/<iCode>.json
 *   indicators/frameworks/asem.json (COINr's single-year default methodology, METHOD.md)
 * Run: npx tsx scripts/asem/generate-definitions.ts
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseIMeta } from '../../server/indicators/coinr/imeta.js';
import { indicatorsDir, projectRoot } from '../../server/paths.js';
import { compactJson } from './compact-json.js';
import { CHINESE_NAMES, CHINESE_UNITS } from './names.js';

const datasetDir = path.join(projectRoot, '..', 'shared', 'datasets', 'asem');

interface MetaRow {
  readonly level: number;
  readonly code: string;
  readonly name: string;
  readonly direction: 1 | -1;
  readonly weight: number;
  readonly unit: string;
  readonly target: number;
  readonly denominator: string;
  readonly parent: string;
  readonly type: string;
}

type CsvRecord = Record<string, string>;

function readCsv(file: string): CsvRecord[] {
  return parse<CsvRecord>(readFileSync(path.join(datasetDir, file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  });
}

function field(row: CsvRecord, name: string): string {
  return row[name] ?? '';
}

/** The table through the COINr import's parser, which checks codes, parents, directions and weights. */
function readMeta(): MetaRow[] {
  const file = 'asem_iMeta.csv';
  const meta = parseIMeta(readFileSync(path.join(datasetDir, file), 'utf8'), file);
  return [...meta.byCode.values()].map((row) => ({
    level: row.level,
    code: row.code,
    name: row.name.en,
    direction: row.direction,
    weight: row.weight,
    unit: row.unit.en,
    target: row.target,
    denominator: row.denominator,
    parent: row.parent,
    type: row.type,
  }));
}

function zh(code: string): string {
  const name = CHINESE_NAMES[code];
  if (name === undefined) throw new Error(`no Chinese name for ${code}`);
  return name;
}

function zhUnit(unit: string): string {
  const name = CHINESE_UNITS[unit];
  if (name === undefined) throw new Error(`no Chinese unit for "${unit}"`);
  return name;
}

/** 6 significant digits: enough for goalposts and thresholds, readable in the files. */
function round(x: number): number {
  return Number(x.toPrecision(6));
}

const SOURCES = [
  {
    ref: 'COINr R package 1.1.14 (Becker W. et al., European Commission Joint Research Centre), example data ASEM_iData and ASEM_iMeta',
    note: {
      zh: '指标代码、名称、单位、方向、分母和目标值均取自COINr附带的ASEM示例元数据。',
      en: 'Code, name, unit, direction, denominator and target are taken from the ASEM example metadata shipped with COINr.',
    },
  },
  {
    ref: 'JRC ASEM Sustainable Connectivity Portal (European Commission Joint Research Centre, 2018)',
    note: {
      zh: '亚欧会议可持续互联互通指数的数据与方法来源。',
      en: 'The source of the ASEM Sustainable Connectivity index and its data.',
    },
  },
];

function main(): void {
  const meta = readMeta();
  const data = readCsv('asem_iData.csv');
  const byCode = new Map(meta.map((m) => [m.code, m]));
  const indicators = meta.filter((m) => m.level === 1);
  const pillars = meta.filter((m) => m.level === 2);
  const subIndices = meta.filter((m) => m.level === 3);
  const root = meta.find((m) => m.level === 4);
  if (root === undefined) throw new Error('no Level 4 row in asem_iMeta.csv');

  const outDir = path.join(indicatorsDir, 'asem');
  rmSync(outDir, { recursive: true, force: true });

  for (const sub of subIndices) {
    write(
      path.join(outDir, sub.code, 'dimension.json'),
      dimension(
        sub,
        pillars.filter((p) => p.parent === sub.code),
      ),
    );
  }
  for (const pillar of pillars) {
    const members = indicators.filter((i) => i.parent === pillar.code);
    write(path.join(outDir, pillar.parent, pillar.code, 'dimension.json'), dimension(pillar, members));
    for (const indicator of members) {
      const denominator = indicator.denominator === '' ? undefined : byCode.get(indicator.denominator);
      write(
        path.join(outDir, pillar.parent, pillar.code, `${indicator.code}.json`),
        indicatorDefinition(indicator, pillar, denominator, data),
      );
    }
  }
  write(
    path.join(indicatorsDir, 'frameworks', 'asem.json'),
    framework(root, subIndices, pillars, indicators),
  );
  console.log(
    `wrote ${indicators.length} indicators, ${pillars.length + subIndices.length} dimensions and frameworks/asem.json`,
  );
}

function write(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, compactJson(value));
}

function dimension(row: MetaRow, children: readonly MetaRow[]): Record<string, unknown> {
  const list = children.map((c) => c.code).join(', ');
  const listZh = children.map((c) => zh(c.code)).join('、');
  return {
    kind: 'dimension',
    id: row.code,
    name: { zh: zh(row.code), en: row.name },
    description: {
      zh: `亚欧会议（ASEM）可持续互联互通指数的${row.level === 3 ? '分指数' : '支柱'}“${zh(row.code)}”，由${listZh}组成（${list}），按COINr示例的等权算术平均汇总。`,
      en: `The ${row.level === 3 ? 'sub-index' : 'pillar'} "${row.name}" of the ASEM Sustainable Connectivity index, made of ${list}, aggregated by an equally weighted arithmetic mean as in COINr's example.`,
    },
    weight: row.weight,
    ...(row.level === 2 ? { parent: row.parent } : {}),
  };
}

function column(data: readonly CsvRecord[], name: string): (number | undefined)[] {
  return data.map((row) => {
    const text = field(row, name);
    return text === '' ? undefined : Number(text);
  });
}

/** The indicator's 2018 values: raw, or divided by the denominator (missing where either is). */
function observed(data: readonly CsvRecord[], code: string, denominator: string | undefined): number[] {
  const x = column(data, code);
  const d = denominator === undefined ? undefined : column(data, denominator);
  const values: number[] = [];
  x.forEach((v, i) => {
    const by = d === undefined ? 1 : d[i];
    if (v !== undefined && by !== undefined && by !== 0) values.push(d === undefined ? v : v / by);
  });
  return values;
}

function indicatorDefinition(
  row: MetaRow,
  pillar: MetaRow,
  denominator: MetaRow | undefined,
  data: readonly CsvRecord[],
): Record<string, unknown> {
  const values = observed(data, row.code, denominator?.code);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const higher = row.direction === 1;
  const floor = round(higher ? min : max);
  // ASEM_iMeta's Target is 5 % of the observed raw range short of the best raw value; for a
  // denominated indicator the same rule is applied to the values per denominator.
  const target = round(
    denominator === undefined ? row.target : higher ? max - 0.05 * (max - min) : min + 0.05 * (max - min),
  );
  const third = (target - floor) / 3;
  const unit =
    denominator === undefined
      ? row.unit
      : `${row.unit} per ${denominator.name.toLowerCase()} (${denominator.unit})`;
  const unitZh =
    denominator === undefined
      ? zhUnit(row.unit)
      : `${zhUnit(row.unit)}／${zh(denominator.code)}（${zhUnit(denominator.unit)}）`;
  const inputs: Record<string, unknown> = {
    [row.code]: {
      // No bounds, not even for the yes/no TIRcon: COINr's panel example adds noise to every column.
      type: 'number',
      unit: { zh: zhUnit(row.unit), en: row.unit },
      label: { zh: zh(row.code), en: row.name },
    },
  };
  if (denominator !== undefined) {
    inputs[denominator.code] = {
      type: 'number',
      minimum: 0,
      unit: { zh: zhUnit(denominator.unit), en: denominator.unit },
      label: { zh: zh(denominator.code), en: denominator.name },
    };
  }
  const example = data.find(
    (r) => field(r, row.code) !== '' && (denominator === undefined || field(r, denominator.code) !== ''),
  );
  const exampleX = Number(field(example ?? {}, row.code));
  const exampleD = denominator === undefined ? 1 : Number(field(example ?? {}, denominator.code));
  const exampleUnit = field(example ?? {}, 'uCode');
  return {
    kind: 'indicator',
    id: row.code,
    version: '1.0.0',
    name: { zh: zh(row.code), en: row.name },
    description: {
      zh:
        denominator === undefined
          ? `${zh(row.code)}（${zhUnit(row.unit)}），直接取原始值。`
          : `${zh(row.code)}（${zhUnit(row.unit)}）除以${zh(denominator.code)}（${zhUnit(denominator.unit)}），使大小不同的国家可以比较。`,
      en:
        denominator === undefined
          ? `${row.name} (${row.unit}), taken as reported.`
          : `${row.name} (${row.unit}) divided by ${denominator.name.toLowerCase()} (${denominator.unit}), so that countries of different size compare.`,
    },
    dimension: pillar.code,
    rationale: {
      zh: `亚欧会议可持续互联互通指数“${zh(pillar.code)}”支柱的指标之一（${higher ? '越高越好' : '越低越好'}），是JRC COINr工具包的示例指数，Zhili用它检验计算引擎与COINr逐步一致。`,
      en: `One of the indicators of the "${pillar.name}" pillar of the ASEM Sustainable Connectivity index (${higher ? 'higher' : 'lower'} is better), the example index of the JRC's COINr toolkit, which Zhili uses to check its engine against COINr step by step.`,
    },
    source: SOURCES,
    unit: { zh: unitZh, en: unit },
    direction: higher ? 'higher' : 'lower',
    inputs: { type: 'object', properties: inputs, required: Object.keys(inputs) },
    formula: denominator === undefined ? row.code : `${row.code} / ${denominator.code}`,
    goalposts: {
      floor: {
        value: floor,
        justification: {
          zh: `2018年51个亚欧会议成员中观测到的最差值（COINr ASEM_iData${denominator === undefined ? '' : '，除以分母后'}）。`,
          en: `The worst value observed among the 51 ASEM members in 2018 (COINr ASEM_iData${denominator === undefined ? '' : ', after division by the denominator'}).`,
        },
      },
      target: {
        value: target,
        justification:
          denominator === undefined
            ? {
                zh: 'COINr ASEM_iMeta的Target列：距2018年最好观测值差观测全距的5%。不是官方政策目标。',
                en: "The Target column of COINr's ASEM_iMeta: 5% of the observed 2018 range short of the best observed value. Not an official policy target.",
              }
            : {
                zh: 'ASEM_iMeta的Target列针对未除以分母的原始值，不能直接用作本指标的目标；这里对除以分母后的2018年观测值套用同一规则：距最好值差全距的5%。不是官方政策目标。',
                en: "ASEM_iMeta's Target refers to the raw value before division, so it cannot serve this indicator directly; the same rule is applied to the 2018 values per denominator: 5% of the range short of the best value. Not an official policy target.",
              },
      },
    },
    thresholds: { green: target, yellow: round(floor + 2 * third), orange: round(floor + third) },
    weight: row.weight,
    applies_to: 'all',
    fixtures: [
      {
        name: `${exampleUnit} in 2018 (COINr ASEM_iData)`,
        inputs:
          denominator === undefined
            ? { [row.code]: exampleX }
            : { [row.code]: exampleX, [denominator.code]: exampleD },
        expected: exampleX / exampleD,
      },
      denominator === undefined
        ? {
            name: 'no value reported: missing, not zero',
            inputs: { [row.code]: null },
            expected: null,
            reason: 'missing_input',
          }
        : {
            name: `${denominator.name.toLowerCase()} of zero: missing, not infinite`,
            inputs: { [row.code]: exampleX, [denominator.code]: 0 },
            expected: null,
            reason: 'division_by_zero',
          },
    ],
  };
}

function framework(
  root: MetaRow,
  subIndices: readonly MetaRow[],
  pillars: readonly MetaRow[],
  indicators: readonly MetaRow[],
): Record<string, unknown> {
  return {
    kind: 'framework',
    id: 'asem',
    version: '1.0.0',
    name: {
      zh: '亚欧会议可持续互联互通指数（COINr示例）',
      en: 'ASEM Sustainable Connectivity index (COINr example)',
    },
    description: {
      zh: 'JRC COINr工具包的示例指数：49项指标、8个支柱、2个分指数。方法为COINr的单年默认流程（见../shared/datasets/asem/METHOD.md）：13项指标除以分母；按亚洲／欧洲分组均值插补；插补后数据可得率低于90%的国家剔除；偏度和峰度检验不通过的指标先缩尾（最多5个点）、仍不通过则对原始值取对数；按方向最小—最大值标准化到[0, 100]；各级等权算术平均，缺失的子项跳过并重新分配权重。用于检验Zhili引擎与COINr一致。',
      en: "The example index of the JRC's COINr toolkit: 49 indicators, 8 pillars, 2 sub-indices. Methods are COINr's single-year default (../shared/datasets/asem/METHOD.md): 13 indicators divided by a denominator; group-mean imputation by Asia/Europe; countries under 90% data availability after imputation dropped; indicators failing the skew/kurtosis test winsorised (up to 5 points), else the original log-transformed; min-max to [0, 100] after applying the direction; equally weighted arithmetic means at every level, skipping missing children and rescaling the weights. Used to check the Zhili engine against COINr.",
    },
    root: { id: root.code, name: { zh: zh(root.code), en: root.name } },
    dimensions: [...subIndices, ...pillars].map((d) => ({ id: d.code, weight: d.weight })),
    indicators: indicators.map((i) => ({ id: i.code, weight: i.weight })),
    methods: {
      imputation: { method: 'group_mean', group: 'EurAsia_group' },
      screening: { method: 'by_availability', threshold: 0.9, action: 'drop', basis: 'imputed' },
      treatment: { method: 'winsorise_log', skew: 2, kurtosis: 3.5, winmax: 5 },
      normalisation: { method: 'minmax', range: [0, 100] },
      weighting: { method: 'framework' },
      aggregation: { method: 'arithmetic' },
      rollup: { method: 'population_weighted' },
      periods: { method: 'per_period' },
    },
  };
}

main();
