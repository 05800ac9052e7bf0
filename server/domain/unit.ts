/**
 * Units of the administrative tree as the domain knows them: city (市) → district (区/县) → street
 * or township (街道/乡镇) → community or village (社区/村). The store validates them
 * (store/models/unit.ts); the reports and the use cases read them.
 */
import type { Bilingual } from './bilingual.js';

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
