/**
 * Inputs for the uncertainty tests: a hand-worked three-unit case whose ranks under each aggregation
 * are known, and a richer panel (two periods, peer groups, gaps, an outlier, a unit to screen out)
 * that exercises every upstream stage the replications shortcut.
 */
import { smallInput } from '../support/small-input.js';

/**
 * x: a = 10, b = 0, c = 4; y: a = 0, b = 10, c = 5. Min-max onto [1, 100]:
 * x → a 100, b 1, c 40.6; y → a 1, b 100, c 50.5.
 * Arithmetic: a = b = 50.5, c = 45.55 → ranks a 1, b 1, c 3.
 * Geometric:  a = b = 10,  c = √(40.6 × 50.5) ≈ 45.28 → ranks c 1, a 2, b 2.
 */
export const threeUnits = smallInput({
  units: ['a', 'b', 'c'],
  indicators: [
    { id: 'x', parent: 'index', values: [[10, 0, 4]] },
    { id: 'y', parent: 'index', values: [[0, 10, 5]] },
  ],
});

export const threeUnitsBase = {
  treatment: { method: 'none' },
  normalisation: { method: 'minmax', range: [1, 100] },
} as const;

const values = (...rows: (number | null)[][]): (number | null)[][] => rows;

export const panel = smallInput({
  units: ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9', 'u10'],
  periods: ['2023', '2024'],
  nodes: [
    { id: 'd1', weight: 2 },
    { id: 'd2', weight: 1 },
  ],
  attributes: { peer: ['p', 'p', 'p', 'p', 'p', 'q', 'q', 'q', 'q', 'q'] },
  indicators: [
    {
      id: 'x',
      parent: 'd1',
      values: values([3, 5, 2, 8, null, 6, 7, 1, 4, null], [4, 5, 3, 9, 2, null, 7, 2, 5, null]),
    },
    {
      id: 'y',
      parent: 'd1',
      direction: -1,
      weight: 3,
      values: values([30, 12, 25, 40, 18, 22, 35, 28, 15, null], [28, 14, 20, 38, 19, 21, 33, 27, 16, 30]),
    },
    {
      id: 'z',
      parent: 'd2',
      values: values([1, 2, 3, 2, 1, 3, 2, 500, 2, 1], [2, 2, 3, 2, 1, 3, 2, 650, 3, null]),
    },
    {
      id: 'w',
      parent: 'd2',
      values: values(
        [0.5, 0.7, null, 0.9, 0.4, 0.8, 0.6, 0.3, 0.55, null],
        [0.6, 0.7, 0.5, 0.9, null, 0.8, 0.6, 0.4, 0.5, 0.2],
      ),
    },
  ],
});

/** Screening drops u10 in 2023 (one indicator of four); pooled normalisation bounds. */
export const panelBase = {
  screening: { method: 'by_availability', threshold: 0.5, action: 'drop' },
  periods: { method: 'pooled' },
} as const;
