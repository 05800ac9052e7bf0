/**
 * Variable declarations shared by the intake tests (as the registry would declare them).
 */
import type { IntakeVariable } from '../../server/intake/intake-variable.js';

export const households: IntakeVariable = {
  name: 'households',
  type: 'integer',
  minimum: 0,
  label: { zh: '常住户数', en: 'Resident households' },
  unit: { zh: '户', en: 'households' },
};

export const gridWorkers: IntakeVariable = {
  name: 'grid_workers',
  type: 'integer',
  minimum: 0,
  label: { zh: '网格员人数', en: 'Grid workers' },
  unit: { zh: '人', en: 'people' },
};

export const share: IntakeVariable = {
  name: 'share',
  type: 'number',
  minimum: 0,
  maximum: 100,
  label: { zh: '比例', en: 'Share' },
  unit: { zh: '%', en: '%' },
};

export const testVariables = [households, gridWorkers, share];
