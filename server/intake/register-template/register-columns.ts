/**
 * The columns of the unit register template, described once for the CSV, the XLSX and the README:
 * each field the register importer reads (unit-columns.ts), in the order a person fills them, with
 * its header cell (`code｜单位代码`: the importer reads the text before ｜), its Chinese and English
 * names, whether it is required, what it means and which values it takes. Extra attributes of the
 * current register (plain snake_case names) follow as columns headed by their bare name.
 *
 * @example REGISTER_COLUMNS[0].header === 'code｜单位代码'
 */
import type { Bilingual } from '../../domain/bilingual.js';
import { describeCodes, LEVEL_LABELS, PEER_GROUPS, URBAN_RURAL_LABELS } from '../../domain/unit-codes.js';
import { headerCell } from '../../indicators/template/template-header.js';
import type { UnitField } from '../unit-columns.js';

export interface RegisterColumn {
  readonly field: UnitField;
  /** The row-1 header cell: field｜中文名. */
  readonly header: string;
  readonly label: Bilingual;
  readonly required: boolean;
  readonly meaning: Bilingual;
  readonly values: Bilingual;
}

const column = (
  field: UnitField,
  label: Bilingual,
  required: boolean,
  meaning: Bilingual,
  values: Bilingual,
): RegisterColumn => ({ field, header: headerCell(field, label), label, required, meaning, values });

const codes = (labels: Parameters<typeof describeCodes>[0]): Bilingual => ({
  zh: `代码或其中文、英文名称：${describeCodes(labels)}`,
  en: `the code or its Chinese or English label: ${describeCodes(labels)}`,
});

export const REGISTER_COLUMNS: readonly RegisterColumn[] = [
  column(
    'code',
    { zh: '单位代码', en: 'Unit code' },
    true,
    {
      zh: '单位的唯一代码，数据文件的 unit_code 列引用它；已有代码的行替换该单位',
      en: "the unit's unique code, which data files name in unit_code; a row with an existing code replaces that unit",
    },
    { zh: '字母、数字、- 或 _，最多 64 个字符', en: 'letters, digits, - or _, at most 64' },
  ),
  column(
    'name_zh',
    { zh: '中文名称', en: 'Name (Chinese)' },
    true,
    { zh: '报告中显示的中文名称', en: 'the Chinese name the reports show' },
    { zh: '文本', en: 'text' },
  ),
  column(
    'name_en',
    { zh: '英文名称', en: 'Name (English)' },
    false,
    {
      zh: '英文页面显示的名称；留空则用中文名称',
      en: 'the name on English pages; empty means the Chinese name',
    },
    { zh: '文本', en: 'text' },
  ),
  column(
    'level',
    { zh: '层级', en: 'Level' },
    true,
    {
      zh: '行政层级：市 → 区（县） → 街道（乡镇） → 社区（村）；评估按层级排名',
      en: 'the administrative level: city → district → street → community; evaluations rank within a level',
    },
    codes(LEVEL_LABELS),
  ),
  column(
    'parent',
    { zh: '上级代码', en: 'Parent code' },
    false,
    {
      zh: '上级单位的代码（本文件中或已导入），层级须更高；根单位（通常是市）留空',
      en: 'the code of the unit above (in this file or already imported), of a higher level; empty for the root (usually the city)',
    },
    { zh: '单位代码或空', en: 'a unit code or empty' },
  ),
  column(
    'urban_rural',
    { zh: '城乡', en: 'Urban or rural' },
    false,
    { zh: '城镇或农村', en: 'urban or rural' },
    codes(URBAN_RURAL_LABELS),
  ),
  column(
    'resident_population',
    { zh: '常住人口', en: 'Resident population' },
    false,
    {
      zh: '常住人口；按人口加权汇总到上级时使用',
      en: 'residents; weights the roll-up to the units above when it is population-weighted',
    },
    { zh: '整数，≥ 0', en: 'an integer ≥ 0' },
  ),
  column(
    'households',
    { zh: '户数', en: 'Households' },
    false,
    { zh: '常住户数', en: 'resident households' },
    { zh: '整数，≥ 0', en: 'an integer ≥ 0' },
  ),
  column(
    'area_km2',
    { zh: '面积（平方公里）', en: 'Area (km²)' },
    false,
    { zh: '辖区面积', en: 'the area of the unit' },
    { zh: '数值，≥ 0', en: 'a number ≥ 0' },
  ),
  column(
    'old_compound_share',
    { zh: '老旧小区占比', en: 'Old compound share' },
    false,
    { zh: '老旧小区占住宅小区的比例', en: 'the share of residential compounds that are old' },
    { zh: '0 – 1 的数值（也可写 35%）', en: 'a number 0 – 1 (35% is accepted)' },
  ),
  column(
    'peer_group',
    { zh: '同类组', en: 'Peer group' },
    false,
    {
      zh: '可比单位的分组：报告给出组内排名和组内中位数；未知的组会保存并给出警告',
      en: 'units that are fairly compared: reports rank within it and show its median; an unknown group is kept with a warning',
    },
    codes(PEER_GROUPS),
  ),
];

/** What an extra attribute column means, for the column sheet and the README. */
export const EXTRA_COLUMN: { readonly meaning: Bilingual; readonly values: Bilingual } = {
  meaning: {
    zh: '其他属性：列名为小写英文字母、数字和 _（如 grid_count），按列名保存，框架可按其分组',
    en: 'another attribute: a column headed by a snake_case name (e.g. grid_count) is kept under that name; frameworks may group by it',
  },
  values: { zh: '数值或文本', en: 'a number or text' },
};
