/**
 * The columns of a unit register file and the words people use for them and for their coded
 * values: levels (市/区/县/街道/乡镇/社区/村 …), urban/rural (城镇/农村 …) and peer groups, each
 * given as its code or its Chinese or English label. Numeric attributes are declared like
 * variables, so the same range checks apply.
 */
import {
  codeOf,
  LEVEL_LABELS,
  PEER_GROUPS,
  URBAN_RURAL_LABELS,
  type PeerGroup,
} from '../domain/unit-codes.js';
import type { UnitLevel } from '../domain/unit.js';
import type { ColumnTarget } from './header-match.js';
import type { IntakeVariable } from './intake-variable.js';

export const UNIT_FIELDS = {
  code: ['code', 'unit_code', 'unit code', '单位代码', '代码', '单位编码'],
  name_zh: ['name_zh', 'name', '名称', '中文名称', '单位名称', '中文名', 'name (zh)'],
  name_en: ['name_en', 'english name', '英文名称', '英文名', 'name (en)'],
  level: ['level', '层级', '级别', '行政级别'],
  parent: ['parent', 'parent_code', 'parent code', '上级代码', '上级单位代码', '上级'],
  urban_rural: ['urban_rural', 'urban/rural', '城乡', '城乡类型', '城乡属性'],
  resident_population: ['resident_population', 'resident population', '常住人口', '人口'],
  households: ['households', '户数', '常住户数'],
  area_km2: ['area_km2', 'area', 'area (km2)', 'area (km²)', '面积', '面积(平方公里)', '面积(km2)'],
  old_compound_share: ['old_compound_share', 'old compound share', '老旧小区占比', '老旧小区比例'],
  peer_group: ['peer_group', 'peer group', '同类组', '分组'],
} as const;

export type UnitField = keyof typeof UNIT_FIELDS;

export const UNIT_TARGETS: readonly ColumnTarget[] = Object.entries(UNIT_FIELDS).map(([key, aliases]) => ({
  key,
  aliases,
}));

/** A plain snake_case header that names no known field becomes an extra attribute. */
export const EXTRA_ATTRIBUTE = /^[a-z][a-z0-9_]{0,63}$/;

/** Words registers use besides each code's own labels (domain/unit-codes.ts). */
const LEVEL_WORDS: Readonly<Record<UnitLevel, readonly string[]>> = {
  city: ['市', '地级市', '城市'],
  district: ['county', '区', '县', '区县', '县级市', '市辖区'],
  street: ['street', 'township', 'town', '街道', '乡镇', '乡', '镇'],
  community: ['community', 'village', '社区', '村', '居委会', '村委会'],
};

const URBAN_RURAL_WORDS: Readonly<Record<'urban' | 'rural', readonly string[]>> = {
  urban: ['城市', '城', '城区'],
  rural: ['乡村', '村'],
};

export const levelOf = (text: string): UnitLevel | undefined => codeOf(LEVEL_LABELS, text, LEVEL_WORDS);
export const urbanRuralOf = (text: string): 'urban' | 'rural' | undefined =>
  codeOf(URBAN_RURAL_LABELS, text, URBAN_RURAL_WORDS);
/** A peer group's code from its code or its Chinese or English label, e.g. 城市大型社区 → urban_large. */
export const peerGroupOf = (text: string): PeerGroup | undefined => codeOf(PEER_GROUPS, text);

const counted = (name: string, zh: string, en: string): IntakeVariable => ({
  name,
  type: 'integer',
  minimum: 0,
  label: { zh, en },
  unit: { zh: '', en: '' },
});

/** The numeric unit attributes, declared for the range checks. */
export const NUMERIC_ATTRIBUTES: Readonly<Record<string, IntakeVariable>> = {
  resident_population: counted('resident_population', '常住人口', 'Resident population'),
  households: counted('households', '户数', 'Households'),
  area_km2: {
    name: 'area_km2',
    type: 'number',
    minimum: 0,
    label: { zh: '面积', en: 'Area' },
    unit: { zh: '平方公里', en: 'km²' },
  },
  old_compound_share: {
    name: 'old_compound_share',
    type: 'number',
    minimum: 0,
    maximum: 1,
    label: { zh: '老旧小区占比', en: 'Old compound share' },
    unit: { zh: '比例', en: 'share' },
  },
};
