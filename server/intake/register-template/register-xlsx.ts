/**
 * The unit register template as XLSX, for people who fill it in Excel or WPS:
 * - 数据 Data: row 1 holds the header cells the importer reads (`code｜单位代码` …), then one row per
 *   unit of the current register; nothing else, so the sheet imports back as it is.
 * - 列说明 Columns: every column with its Chinese and English name, whether it is required, what it
 *   means and which values it takes.
 * - 代码 Codes: the levels, urban/rural and the peer groups, each code with its labels (a cell may
 *   hold the code or either label).
 * - 说明 About: how to fill the form and what an import does with it.
 */
import ExcelJS from 'exceljs';
import type { CodeLabel } from '../../domain/unit-codes.js';
import { LEVEL_LABELS, PEER_GROUPS, URBAN_RURAL_LABELS } from '../../domain/unit-codes.js';
import type { Unit } from '../../domain/unit.js';
import { EXTRA_COLUMN, REGISTER_COLUMNS } from './register-columns.js';
import { registerRows } from './register-rows.js';

export const REGISTER_DATA_SHEET = '数据 Data';
export const REGISTER_COLUMNS_SHEET = '列说明 Columns';
export const REGISTER_CODES_SHEET = '代码 Codes';
export const REGISTER_ABOUT_SHEET = '说明 About';

function addDataSheet(workbook: ExcelJS.Workbook, units: readonly Unit[]): readonly string[] {
  const { headers, rows, extras } = registerRows(units);
  const sheet = workbook.addWorksheet(REGISTER_DATA_SHEET, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }],
  });
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row.map((cell) => cell ?? undefined));
  sheet.getRow(1).font = { bold: true };
  headers.forEach((header, index) => {
    sheet.getColumn(index + 1).width = Math.min(36, Math.max(14, header.length * 1.4));
  });
  return extras;
}

function addColumnsSheet(workbook: ExcelJS.Workbook, extras: readonly string[]): void {
  const sheet = workbook.addWorksheet(REGISTER_COLUMNS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '列 Column', key: 'header', width: 30 },
    { header: '中文名', key: 'zh', width: 18 },
    { header: 'English name', key: 'en', width: 22 },
    { header: '必填 Required', key: 'required', width: 14 },
    { header: '含义', key: 'meaningZh', width: 50 },
    { header: 'Meaning', key: 'meaningEn', width: 60 },
    { header: '取值 Values', key: 'values', width: 70 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const column of REGISTER_COLUMNS) {
    sheet.addRow({
      header: column.header,
      zh: column.label.zh,
      en: column.label.en,
      required: column.required ? '是 yes' : '否 no',
      meaningZh: column.meaning.zh,
      meaningEn: column.meaning.en,
      values: `${column.values.zh}\n${column.values.en}`,
    });
  }
  for (const name of extras.length === 0 ? ['…'] : extras) {
    sheet.addRow({
      header: name,
      zh: '其他属性',
      en: 'Other attribute',
      required: '否 no',
      meaningZh: EXTRA_COLUMN.meaning.zh,
      meaningEn: EXTRA_COLUMN.meaning.en,
      values: `${EXTRA_COLUMN.values.zh}\n${EXTRA_COLUMN.values.en}`,
    });
  }
  for (const key of ['meaningZh', 'meaningEn', 'values']) {
    sheet.getColumn(key).alignment = { wrapText: true, vertical: 'top' };
  }
}

function addCodesSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(REGISTER_CODES_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '列 Column', key: 'field', width: 24 },
    { header: '代码 Code', key: 'code', width: 16 },
    { header: '中文', key: 'zh', width: 18 },
    { header: 'English', key: 'en', width: 26 },
  ];
  sheet.getRow(1).font = { bold: true };
  const lists: [string, Readonly<Record<string, CodeLabel>>][] = [
    ['level｜层级', LEVEL_LABELS],
    ['urban_rural｜城乡', URBAN_RURAL_LABELS],
    ['peer_group｜同类组', PEER_GROUPS],
  ];
  for (const [field, labels] of lists) {
    for (const [code, label] of Object.entries(labels))
      sheet.addRow({ field, code, zh: label.zh, en: label.en });
  }
}

function addAboutSheet(workbook: ExcelJS.Workbook, count: number): void {
  const sheet = workbook.addWorksheet(REGISTER_ABOUT_SHEET);
  sheet.getColumn(1).width = 22;
  sheet.getColumn(2).width = 100;
  const rows: [string, string][] = [
    ['单位名册 Unit register', `导出时共 ${count} 个单位 / ${count} units when downloaded`],
    [
      '填写 How to fill',
      '每个单位一行，写在“数据 Data”表第 2 行起；第 1 行是导入读取的列名，请勿修改“｜”前的部分。',
    ],
    [
      '',
      'One row per unit on the 数据 Data sheet, from row 2. Row 1 holds the column names the importer reads: keep the text before ｜.',
    ],
    [
      '导入 Import',
      '在“数据导入”页（/import）选择“单位名册”上传本文件。代码已存在的行替换该单位，文件中没有的单位保持不变。',
    ],
    [
      '',
      'Upload this file on the import page (/import) as a unit register. A row whose code exists replaces that unit; units not in the file stay as they are.',
    ],
    ['层级与上级 Levels', '市 → 区（县） → 街道（乡镇） → 社区（村）；上级代码须指向更高层级的单位。'],
    ['', 'city → district → street → community; a parent code names a unit of a higher level.'],
    ['同类组 Peer groups', '报告在同类组内排名并给出组中位数；代码见“代码 Codes”表。'],
    [
      '',
      'Reports rank each unit within its peer group and show the group median; the codes are on the Codes sheet.',
    ],
  ];
  for (const row of rows) sheet.addRow(row);
  sheet.getColumn(1).font = { bold: true };
  sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
}

export async function registerXlsx(units: readonly Unit[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zhili 治理';
  const extras = addDataSheet(workbook, units);
  addColumnsSheet(workbook, extras);
  addCodesSheet(workbook);
  addAboutSheet(workbook, units.length);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
