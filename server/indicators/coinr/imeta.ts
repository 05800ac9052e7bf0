/**
 * parseIMeta(text, file): reads a COINr iMeta table (one row per indicator, aggregate, group or
 * denominator; columns Level, iCode, iName, Direction, Weight, Parent, Type, and optionally Unit,
 * Target, Denominator, iName_zh / name_zh, Unit_zh) and checks it as COINr's new_coin() would:
 * every code once, every parent an aggregate one level up, no cycles, one index at the top.
 * Every problem is collected, then one ValidationError lists them all, each naming the row and
 * column, in Chinese and English.
 *
 * @example parseIMeta(readFileSync('asem_iMeta.csv', 'utf8'), 'asem_iMeta.csv').root.code === 'Index'
 */
import { parse } from 'csv-parse/sync';
import { ValidationError, type ProblemDetail } from '../../errors.js';

export interface IMetaRow {
  /** The CSV line the row starts on (the header is line 1). */
  readonly line: number;
  readonly code: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly type: 'Indicator' | 'Aggregate' | 'Group' | 'Denominator' | 'Other';
  /** 1 for indicators, 2… for aggregates, 0 for the other types. */
  readonly level: number;
  readonly direction: 1 | -1;
  readonly weight: number;
  /** '' for the index and for groups and denominators. */
  readonly parent: string;
  readonly unit: { readonly zh: string; readonly en: string };
  /** NaN when the Target cell is empty. */
  readonly target: number;
  /** The code of a Denominator row, or ''. */
  readonly denominator: string;
}

export interface IMeta {
  /** Indicators and aggregates in the table's order. */
  readonly rows: readonly IMetaRow[];
  readonly indicators: readonly IMetaRow[];
  /** The aggregates below the index, lowest level first, each level in the table's order. */
  readonly aggregates: readonly IMetaRow[];
  readonly root: IMetaRow;
  readonly byCode: ReadonlyMap<string, IMetaRow>;
}

export const REQUIRED_COLUMNS = ['Level', 'iCode', 'iName', 'Direction', 'Weight', 'Parent', 'Type'] as const;
const TYPES = ['Indicator', 'Aggregate', 'Group', 'Denominator', 'Other'] as const;
const CODE_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

type Record_ = Record<string, string>;
interface Parsed {
  readonly record: Record_;
  readonly info: { readonly lines: number };
}

class Problems {
  readonly list: ProblemDetail[] = [];
  constructor(private readonly file: string) {}

  at(line: number, column: string, en: string, zh: string): void {
    this.list.push({
      where: `${this.file} row ${line}, column ${column}`,
      message: en,
      zh: `${this.file} 第${line}行“${column}”列：${zh}`,
    });
  }

  file_(en: string, zh: string): void {
    this.list.push({ where: this.file, message: en, zh: `${this.file}：${zh}` });
  }
}

function fail(file: string, problems: readonly ProblemDetail[]): never {
  throw new ValidationError(
    {
      zh: `COINr 指标元数据表 ${file} 有 ${problems.length} 处错误`,
      en: `the COINr iMeta table ${file} has ${problems.length} problem(s)`,
    },
    problems,
  );
}

function readRecords(text: string, file: string): { header: string[]; rows: Parsed[] } {
  try {
    let header: string[] = [];
    const rows = parse<Parsed>(text.replace(/^\uFEFF/, ''), {
      columns: (names: string[]) => (header = names.map((n) => n.trim())),
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
    return { header, rows };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    fail(file, [
      {
        where: file,
        message: `not a readable CSV table: ${message}`,
        zh: `${file}：不是可读的 CSV 表格：${message}`,
      },
    ]);
  }
}

function optional(header: readonly string[], ...names: string[]): string | undefined {
  return names.find((name) => header.includes(name));
}

export function parseIMeta(text: string, file: string): IMeta {
  const { header, rows: records } = readRecords(text, file);
  const problems = new Problems(file);
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    for (const column of missing) {
      problems.file_(
        `missing column "${column}" (an iMeta table needs ${REQUIRED_COLUMNS.join(', ')})`,
        `缺少“${column}”列（iMeta 表须有 ${REQUIRED_COLUMNS.join('、')} 列）`,
      );
    }
    fail(file, problems.list);
  }
  const zhName = optional(header, 'iName_zh', 'name_zh');
  const zhUnit = optional(header, 'Unit_zh', 'unit_zh');
  const rows: IMetaRow[] = [];
  const firstLine = new Map<string, number>();
  for (const { record, info } of records) {
    const line = info.lines;
    const cell = (column: string | undefined): string => (column === undefined ? '' : (record[column] ?? ''));
    const code = cell('iCode');
    if (!CODE_PATTERN.test(code)) {
      problems.at(
        line,
        'iCode',
        `expected a code (a letter, then letters, digits or _), found "${code}"`,
        `应为代码（字母开头，只含字母、数字、下划线），实际为“${code}”`,
      );
      continue;
    }
    const seen = firstLine.get(code);
    if (seen !== undefined) {
      problems.at(
        line,
        'iCode',
        `duplicate code "${code}" (also on row ${seen})`,
        `代码“${code}”重复（第${seen}行已有）`,
      );
      continue;
    }
    firstLine.set(code, line);
    const type = cell('Type') as IMetaRow['type'];
    if (!TYPES.includes(type)) {
      problems.at(
        line,
        'Type',
        `expected one of ${TYPES.join(', ')}, found "${cell('Type')}"`,
        `应为 ${TYPES.join('、')} 之一，实际为“${cell('Type')}”`,
      );
      continue;
    }
    const scored = type === 'Indicator' || type === 'Aggregate';
    const level = Number(cell('Level'));
    if (type === 'Indicator' && level !== 1) {
      problems.at(
        line,
        'Level',
        `an indicator is on level 1, found "${cell('Level')}"`,
        `指标应在第 1 层，实际为“${cell('Level')}”`,
      );
    }
    if (type === 'Aggregate' && !(Number.isInteger(level) && level >= 2)) {
      problems.at(
        line,
        'Level',
        `an aggregate is on level 2 or above, found "${cell('Level')}"`,
        `汇总项应在第 2 层或以上，实际为“${cell('Level')}”`,
      );
    }
    const direction = cell('Direction');
    if (scored && direction !== '1' && direction !== '-1') {
      problems.at(
        line,
        'Direction',
        `expected 1 (higher is better) or -1 (lower is better), found "${direction}"`,
        `应为 1（越高越好）或 -1（越低越好），实际为“${direction}”`,
      );
    }
    const weightText = cell('Weight');
    const weight = Number(weightText);
    if (scored && !(weightText !== '' && Number.isFinite(weight) && weight > 0)) {
      problems.at(
        line,
        'Weight',
        `expected a number above 0, found "${weightText}"`,
        `应为大于 0 的数，实际为“${weightText}”`,
      );
    }
    const targetText = cell(optional(header, 'Target'));
    const target = targetText === '' ? Number.NaN : Number(targetText);
    if (targetText !== '' && !Number.isFinite(target)) {
      problems.at(
        line,
        'Target',
        `expected a number or nothing, found "${targetText}"`,
        `应为数字或留空，实际为“${targetText}”`,
      );
    }
    const en = cell('iName') || code;
    const unitEn = cell(optional(header, 'Unit'));
    rows.push({
      line,
      code,
      name: { zh: cell(zhName) || en, en },
      type,
      level: scored ? level : 0,
      direction: direction === '-1' ? -1 : 1,
      weight,
      parent: cell('Parent'),
      unit: { zh: cell(zhUnit) || unitEn, en: unitEn },
      target,
      denominator: cell(optional(header, 'Denominator')),
    });
  }
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const scored = rows.filter((row) => row.type === 'Indicator' || row.type === 'Aggregate');
  checkTree(scored, byCode, problems);
  const roots = scored.filter((row) => row.type === 'Aggregate' && row.parent === '');
  if (roots.length !== 1 && scored.length > 0) {
    problems.file_(
      `expected exactly one aggregate without a parent (the index), found ${roots.length}: ${roots.map((r) => `${r.code} (row ${r.line})`).join(', ') || 'none'}`,
      `应有且只有一个没有上级的汇总项（总指数），实际有 ${roots.length} 个：${roots.map((r) => `${r.code}（第${r.line}行）`).join('、') || '无'}`,
    );
  }
  const indicators = scored.filter((row) => row.type === 'Indicator');
  if (indicators.length === 0) problems.file_('no row of Type Indicator', '没有 Type 为 Indicator 的行');
  for (const row of indicators) {
    if (row.denominator === '') continue;
    const denominator = byCode.get(row.denominator);
    if (denominator?.type !== 'Denominator') {
      problems.at(
        row.line,
        'Denominator',
        `expected the code of a row of Type Denominator, found "${row.denominator}"`,
        `应为 Type 为 Denominator 的行的代码，实际为“${row.denominator}”`,
      );
    }
  }
  if (problems.list.length > 0) fail(file, problems.list);
  const [root] = roots as [IMetaRow];
  const aggregates = scored
    .filter((row) => row.type === 'Aggregate' && row !== root)
    .sort((a, b) => a.level - b.level);
  return { rows: scored, indicators, aggregates, root, byCode };
}

/** Parents: known, aggregates, one level up, and no cycles (a cycle is reported once per row on it). */
function checkTree(
  scored: readonly IMetaRow[],
  byCode: ReadonlyMap<string, IMetaRow>,
  problems: Problems,
): void {
  for (const row of scored) {
    if (row.parent === '') {
      if (row.type === 'Indicator') {
        problems.at(
          row.line,
          'Parent',
          'an indicator needs the code of its aggregate, found nothing',
          '指标须填写所属汇总项的代码，实际为空',
        );
      }
      continue;
    }
    const parent = byCode.get(row.parent);
    if (parent === undefined) {
      problems.at(
        row.line,
        'Parent',
        `unknown parent "${row.parent}" (no row has this iCode)`,
        `上级“${row.parent}”不存在（没有哪一行的 iCode 是它）`,
      );
      continue;
    }
    const path = [row.code];
    let current: IMetaRow | undefined = parent;
    while (current !== undefined && current.parent !== '' && !path.includes(current.code)) {
      path.push(current.code);
      current = byCode.get(current.parent);
    }
    if (current?.code === row.code) {
      const cycle = [...path, row.code].join(' → ');
      problems.at(row.line, 'Parent', `cycle in parents: ${cycle}`, `上级关系成环：${cycle}`);
      continue;
    }
    if (parent.type !== 'Aggregate') {
      problems.at(
        row.line,
        'Parent',
        `the parent "${row.parent}" is a row of Type ${parent.type}, expected an Aggregate`,
        `上级“${row.parent}”的 Type 为 ${parent.type}，应为 Aggregate`,
      );
    } else if (parent.level !== row.level + 1) {
      problems.at(
        row.line,
        'Parent',
        `the parent "${row.parent}" is on level ${parent.level}, expected level ${row.level + 1}`,
        `上级“${row.parent}”在第 ${parent.level} 层，应在第 ${row.level + 1} 层`,
      );
    }
  }
}

/** The row of a code parseIMeta has already checked exists (a parent, a denominator). */
export function rowOf(meta: IMeta, code: string): IMetaRow {
  const row = meta.byCode.get(code);
  if (row === undefined) throw new Error(`no iMeta row ${code}`);
  return row;
}
