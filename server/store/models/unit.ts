/**
 * Units of the administrative tree: city (市) → district (区/县) → street or township (街道/乡镇)
 * → community or village (社区/村). Attributes feed peer groups and roll-ups.
 */
import { bilingualSchema, NAME_PATTERN, nullableString, UNIT_CODE_PATTERN } from './common.js';
import { compileValidator } from '../../validation/compile.js';
import { UNIT_LEVELS, type Unit } from '../../domain/unit.js';

export { UNIT_LEVELS };
export type { StoredUnit, Unit, UnitAttributes, UnitLevel } from '../../domain/unit.js';

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
