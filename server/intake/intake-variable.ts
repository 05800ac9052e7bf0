/**
 * What the intake needs to know about each variable a data file may hold: its name, type,
 * bounds, bilingual label and unit. A registry's ResolvedFramework variables fit this shape as
 * they are (`framework.variables`).
 */
import type { Bilingual } from '../domain/bilingual.js';

export interface IntakeVariable {
  readonly name: string;
  readonly type: 'integer' | 'number';
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly label: Bilingual;
  readonly unit: Bilingual;
}
