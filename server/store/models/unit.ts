/**
 * Units of the administrative tree: city (市) → district (区/县) → street or township (街道/乡镇)
 * → community or village (社区/村). Attributes feed peer groups and roll-ups.
 */
import {
  bilingualSchema,
  NAME_PATTERN,
  nullableString,
  UNIT_CODE_PATTERN,
  type Bilingual,
} from './common.js';
import { compileValidator } from '../validation/compile.js';

export const UNIT_LEVELS = ['city', 'district', 'street', 'community'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export interface UnitAttributes {
  readonly urban_rural?: 'urban' | 'rural';
  readonly resident_population?: number;
  readonly households?: number;
  readonly area_km2?: number;
  /** Share of residential compounds that are old (老旧小区), from 0 to 1. */
  readonly old_compound_share?: number;
  readonly peer_group?: string;
  /** Further attributes a framework may group by: names like variable names, scalar values. */
  readonly [attribute: string]: string | number | boolean | undefined;
}

export interface Unit {
  readonly code: string;
  readonly name: Bilingual;
  readonly level: UnitLevel;
  /** The parent unit's code; null for the root (usually the city). */
  readonly parent: string | null;
  readonly attributes: UnitAttributes;
}

/** A unit as read back: the committed import batch it came from. */
export interface StoredUnit extends Unit {
  readonly batch: string;
  readonly sequence: number;
}

export const unitSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'name', 'level', 'parent', 'attributes'],
  properties: {
    code: { type: 'string', pattern: UNIT_CODE_PATTERN },
    name: bilingualSchema,
    level: { enum: UNIT_LEVELS },
    parent: nullableString(UNIT_CODE_PATTERN),
    attributes: {
      type: 'object',
      propertyNames: { pattern: NAME_PATTERN },
      properties: {
        urban_rural: { enum: ['urban', 'rural'] },
        resident_population: { type: 'integer', minimum: 0 },
        households: { type: 'integer', minimum: 0 },
        area_km2: { type: 'number', minimum: 0 },
        old_compound_share: { type: 'number', minimum: 0, maximum: 1 },
        peer_group: { type: 'string', minLength: 1, maxLength: 100 },
      },
      additionalProperties: { type: ['string', 'number', 'boolean'] },
    },
  },
} as const;

export const asUnits = compileValidator<Unit[]>('units', { type: 'array', items: unitSchema });
