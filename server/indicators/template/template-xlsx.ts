/**
 * The XLSX data template of a framework: one form per community instead of a dozen.
 * - 数据 Data: row 1 holds the header cells of the CSV template (name｜中文名（单位）, the row the
 *   importer reads), row 2 the English names, row 3 type and allowed range; data start at row 4
 *   (DATA_FIRST_ROW). Variable columns carry Excel data validation for type and bounds.
 * - 变量说明 Variables: every column with its Chinese and English name, unit, type, allowed range
 *   and the indicators that use it.
 * - 说明 About: the framework, its version and hash, and how to fill the form.
 */
import ExcelJS from 'exceljs';
import type { ResolvedFramework, ResolvedVariable } from '../registry-types.js';
import { templateColumns, typeName, type TemplateColumn } from './template-columns.js';
import { templateRowCells, type TemplateRow } from './template-rows.js';

export const DATA_SHEET = '数据 Data';
export const VARIABLES_SHEET = '变量说明 Variables';
export const ABOUT_SHEET = '说明 About';
/** The first row of data in the data sheet; rows above it are headers. */
export const DATA_FIRST_ROW = 4;
/** How many rows get data validation (communities per form). */
const VALIDATED_ROWS = 2000;

/** Excel data validation for a variable's type and bounds (exclusive bounds are exact on one side only). */
function validationFor(variable: ResolvedVariable): ExcelJS.DataValidation {
  const lower = variable.minimum ?? variable.exclusiveMinimum;
  const upper = variable.maximum ?? variable.exclusiveMaximum;
  const base = {
    type: variable.type === 'integer' ? ('whole' as const) : ('decimal' as const),
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '数值不在允许范围 Value not allowed',
  };
  const range = `${typeName(variable.type).zh} ${variable.type}`;
  if (lower !== undefined && upper !== undefined) {
    return { ...base, operator: 'between', formulae: [lower, upper], error: `${range} ${lower} – ${upper}` };
  }
  if (lower !== undefined) {
    const exclusive = variable.minimum === undefined;
    return {
      ...base,
      operator: exclusive ? 'greaterThan' : 'greaterThanOrEqual',
      formulae: [lower],
      error: `${range} ${exclusive ? '>' : '≥'} ${lower}`,
    };
  }
  if (upper !== undefined) {
    const exclusive = variable.maximum === undefined;
    return {
      ...base,
      operator: exclusive ? 'lessThan' : 'lessThanOrEqual',
      formulae: [upper],
      error: `${range} ${exclusive ? '<' : '≤'} ${upper}`,
    };
  }
  return { ...base, operator: 'between', formulae: [-1e307, 1e307], error: range };
}

/** exceljs keeps range validations in `dataValidations`, which its typings leave out. */
interface RangeValidations {
  readonly dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

/** Row 3 of the data sheet: '整数，≥ 0 / integer, ≥ 0'. */
function typeAndRange(column: TemplateColumn): string {
  if (column.type === 'text') return `${column.range.zh} / ${column.range.en}`;
  const type = typeName(column.type);
  return `${type.zh}，${column.range.zh} / ${type.en}, ${column.range.en}`;
}

function addDataSheet(
  workbook: ExcelJS.Workbook,
  columns: readonly TemplateColumn[],
  rows: readonly TemplateRow[],
): void {
  const sheet = workbook.addWorksheet(DATA_SHEET, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: DATA_FIRST_ROW - 1 }],
  });
  sheet.addRow(columns.map((column) => column.header));
  sheet.addRow(
    columns.map((column) =>
      column.unit === undefined ? column.label.en : `${column.label.en} (${column.unit.en})`,
    ),
  );
  sheet.addRow(columns.map(typeAndRange));
  for (const row of rows) sheet.addRow(templateRowCells(columns, row));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(2).font = { italic: true, color: { argb: 'FF555555' } };
  sheet.getRow(3).font = { color: { argb: 'FF777777' } };
  columns.forEach((column, index) => {
    sheet.getColumn(index + 1).width = Math.min(40, Math.max(14, column.header.length * 1.6));
    if (column.variable === undefined) return;
    const letter = sheet.getColumn(index + 1).letter;
    const address = `${letter}${DATA_FIRST_ROW}:${letter}${DATA_FIRST_ROW + VALIDATED_ROWS - 1}`;
    (sheet as unknown as RangeValidations).dataValidations.add(address, validationFor(column.variable));
  });
}

function addVariablesSheet(workbook: ExcelJS.Workbook, columns: readonly TemplateColumn[]): void {
  const sheet = workbook.addWorksheet(VARIABLES_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '变量 Variable', key: 'name', width: 30 },
    { header: '中文名', key: 'zh', width: 28 },
    { header: 'English name', key: 'en', width: 40 },
    { header: '单位 Unit', key: 'unit', width: 22 },
    { header: '类型 Type', key: 'type', width: 16 },
    { header: '取值范围 Allowed range', key: 'range', width: 24 },
    { header: '使用该变量的指标 Used by', key: 'usedBy', width: 60 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const column of columns) {
    sheet.addRow({
      name: column.name,
      zh: column.label.zh,
      en: column.label.en,
      unit: column.unit === undefined ? '' : `${column.unit.zh} / ${column.unit.en}`,
      type: column.type === 'text' ? '文本 text' : `${typeName(column.type).zh} ${column.type}`,
      range:
        column.range.zh === column.range.en ? column.range.zh : `${column.range.zh} / ${column.range.en}`,
      usedBy: column.usedBy.join('\n'),
    });
  }
  sheet.getColumn('usedBy').alignment = { wrapText: true, vertical: 'top' };
}

function addAboutSheet(workbook: ExcelJS.Workbook, framework: ResolvedFramework): void {
  const sheet = workbook.addWorksheet(ABOUT_SHEET);
  sheet.getColumn(1).width = 24;
  sheet.getColumn(2).width = 90;
  const definition = framework.definition;
  const rows: [string, string][] = [
    ['框架 Framework', `${definition.name.zh} / ${definition.name.en}`],
    ['编号 Id', definition.id],
    ['版本 Version', definition.version],
    ['内容哈希 Content hash', framework.hash],
    ['填写 How to fill', '每个社区每个时期一行，从第 4 行开始；空格表示缺失，不要填 0 代替缺失。'],
    [
      '',
      'One row per community and period, from row 4; leave a cell empty when the value is missing (never 0).',
    ],
    ['表头 Headers', '第 1 行“｜”前的变量名供导入使用，请勿修改；第 2、3 行为说明。'],
    [
      '',
      'Row 1 holds the variable names the importer reads (the text before ｜): do not change it. Rows 2–3 explain.',
    ],
  ];
  for (const row of rows) sheet.addRow(row);
  sheet.getColumn(1).font = { bold: true };
}

/** Given `rows` (a prefilled form), a unit-name column and one row per unit from row 4. */
export async function templateXlsx(
  framework: ResolvedFramework,
  rows?: readonly TemplateRow[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zhili 治理';
  const columns = templateColumns(framework, { withName: rows !== undefined });
  addDataSheet(workbook, columns, rows ?? []);
  addVariablesSheet(workbook, columns);
  addAboutSheet(workbook, framework);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
