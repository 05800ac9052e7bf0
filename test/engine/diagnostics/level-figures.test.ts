import { expect } from 'chai';
import type { DiagnoseInput, DiagnoseSource } from '../../../server/engine/diagnostics/diagnose.js';
import { IMPROVEMENTS_KEPT, levelFigures } from '../../../server/engine/diagnostics/level-figures.js';

/**
 * Four units, two periods, one indicator x (raw = normalised / 10) under dimension d under the index
 * (each with weight 1, so every score equals x's normalised value). Normalised x: period 0 = 40, 80,
 * 60, missing; period 1 = 50, 70, 60, 90. Units 0 and 1 belong to parent s1 and peer group "a",
 * units 2 and 3 to s2 and "b".
 */
const normalised = Float64Array.of(40, 80, 60, Number.NaN, 50, 70, 60, 90);
const source: DiagnoseSource = {
  periodIds: ['2024', '2025'],
  unitCount: 4,
  rowCount: 8,
  indicatorIds: ['x'],
  nodeIds: ['d', 'index'],
  root: 'index',
  ranks: new Map([
    ['index', Uint32Array.of(3, 1, 2, 0, 4, 2, 3, 1)],
    ['d', Uint32Array.of(3, 1, 2, 0, 4, 2, 3, 1)],
  ]),
  rowFlags: new Uint8Array(8),
  raw: { values: new Map([['x', normalised.map((v) => v / 10)]]) },
  normalised: { values: new Map([['x', normalised]]) },
  scores: {
    values: new Map([
      ['d', normalised],
      ['index', normalised],
    ]),
  },
  weights: new Map([
    ['d', { children: ['x'], weights: [1] }],
    ['index', { children: ['d'], weights: [1] }],
  ]),
};
const input: DiagnoseInput = {
  tree: { indicators: [{ id: 'x', direction: 1 }] },
  units: { parents: ['s1', 's1', 's2', 's2'], attributes: new Map([['peer_group', ['a', 'a', 'b', 'b']]]) },
};

describe('engine diagnostics: levelFigures', () => {
  const figures = levelFigures(input, source, { peerGroup: 'peer_group', aggregation: 'arithmetic' });
  const all = (column: ArrayLike<number> | undefined) => Array.from(column ?? []);

  it('ranks each indicator within the level and period and counts the units ranked', () => {
    expect(all(figures.indicatorRanks.get('x'))).to.deep.equal([3, 1, 2, 0, 4, 2, 3, 1]);
    expect(all(figures.indicatorTotals.get('x'))).to.deep.equal([3, 4]);
  });

  it('gives each score’s change since the previous period', () => {
    expect(all(figures.changes.get('index')).slice(4)).to.deep.equal([10, -10, 0, Number.NaN]);
    expect(all(figures.changes.get('index')).slice(0, 4).every(Number.isNaN)).to.equal(true);
  });

  it('counts the units with a score in the level, the parent and the peer group', () => {
    expect(all(figures.levelTotal)).to.deep.equal([3, 3, 3, 3, 4, 4, 4, 4]);
    expect(all(figures.parentTotal)).to.deep.equal([2, 2, 1, 1, 2, 2, 2, 2]);
    expect(all(figures.peerTotal)).to.deep.equal([2, 2, 1, 1, 2, 2, 2, 2]);
  });

  it('gives each peer group’s median and best score and median raw value per period', () => {
    expect(figures.peers.labels).to.deep.equal(['a', 'b']);
    // rows: period × 2 + group — (40, 80) → 60, (60) → 60; (50, 70) → 60, (60, 90) → 75
    expect(all(figures.peers.medianScores.get('index'))).to.deep.equal([60, 60, 60, 75]);
    expect(all(figures.peers.bestScores.get('index'))).to.deep.equal([80, 60, 70, 90]);
    expect(all(figures.peers.medianRaw.get('x'))).to.deep.equal([6, 6, 6, 7.5]);
  });

  it('gives each score’s distance to its peer group’s median', () => {
    expect(all(figures.peerGaps.get('index')).slice(4)).to.deep.equal([-10, 10, -15, 15]);
  });

  it('counts the index scores of each period in ten-point bins with their shares', () => {
    const period1 = figures.bins[1] ?? [];
    expect(period1.map((b) => b.count)).to.deep.equal([0, 0, 0, 0, 0, 1, 1, 1, 0, 1]);
    expect(period1[5]?.share).to.equal(0.25);
    expect(all(figures.binOf).slice(4)).to.deep.equal([5, 7, 6, 9]);
  });

  it('lifts a unit’s indicator to its peer median and gives the score, rank and raw change it brings', () => {
    // unit 0 in period 1: x 50 → group a's median 60, the index to 60, past unit 2 (60 ties) → rank 3
    const at = 4 * IMPROVEMENTS_KEPT;
    const i = figures.improvements;
    expect([i.indicator[at], i.from[at], i.to[at], i.scoreGain[at], i.newScore[at]]).to.deep.equal([
      0, 50, 60, 10, 60,
    ]);
    expect([i.newRank[at], i.rankGain[at], i.rawChange[at]]).to.deep.equal([3, 1, 1]);
  });

  it('offers nothing to a unit at or above its peer median', () => {
    expect(figures.improvements.indicator[5 * IMPROVEMENTS_KEPT]).to.equal(-1);
  });
});
