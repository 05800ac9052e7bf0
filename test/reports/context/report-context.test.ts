import { expect } from 'chai';
import { ValidationError } from '../../../server/errors.js';
import { compactResults } from '../../../server/reports/context/compact-results.js';
import { readResults } from '../../../server/reports/context/read-results.js';
import { reportUnits } from '../../../server/reports/context/report-units.js';
import { logEntries } from '../../../server/reports/context/log-entries.js';
import { monteCarlo, TINY_REGISTER, tinyContext, tinyResults } from '../tiny-context.js';

const register = new Map(TINY_REGISTER.map((u) => [u.code, u]));

describe('reports: reportUnits', () => {
  it('puts the base units first, then every unit above them', () => {
    expect(reportUnits(['c1', 'c2', 'c3'], register).codes).to.deep.equal([
      'c1',
      'c2',
      'c3',
      'S1',
      'D',
      'CT',
      'S2',
    ]);
  });
  it('links parents and children', () => {
    const units = reportUnits(['c1', 'c2', 'c3'], register);
    const s1 = units.index.get('S1') ?? -1;
    expect(units.children[s1]?.map((i) => units.codes[i])).to.deep.equal(['c1', 'c2']);
  });
  it('finds the district of each unit', () => {
    const units = reportUnits(['c1', 'c2', 'c3'], register);
    expect(Array.from(units.districts, (d) => units.codes[d] ?? null)).to.deep.equal([
      'D',
      'D',
      'D',
      'D',
      'D',
      null,
      'D',
    ]);
  });
  it('names a base unit missing from the register by its code', () => {
    const units = reportUnits(['c1', 'gone'], register);
    expect(units.names[1]).to.deep.equal({ zh: 'gone', en: 'gone' });
  });
  it('stops at a cycle in the register', () => {
    const cyclic = new Map([
      ['a', { ...TINY_REGISTER[4]!, code: 'a', parent: 'b' }],
      ['b', { ...TINY_REGISTER[2]!, code: 'b', parent: 'a' }],
    ]);
    expect(reportUnits(['a'], cyclic).codes).to.deep.equal(['a', 'b']);
  });
});

describe('reports: period columns', () => {
  it('keeps the base units’ scores as stored', () => {
    const context = tinyContext();
    expect(Array.from(context.period(1).scores.get('index')!.subarray(0, 3))).to.deep.equal([72.5, 45, 65]);
  });
  it('takes the streets’, district’s and city’s scores from the engine’s roll-up', () => {
    const context = tinyContext();
    const score = (code: string) => context.period(1).scores.get('index')![context.units.index.get(code)!];
    // S1 = (72.5 · 1000 + 45 · 3000) / 4000; D = (72.5 · 1000 + 45 · 3000 + 65 · 2000) / 6000
    expect([score('S1'), score('S2'), score('D'), score('CT')]).to.deep.equal([51.875, 65, 56.25, 56.25]);
  });
  it('takes the ranks of the units above the base within their level from the roll-up', () => {
    const context = tinyContext();
    const rank = (code: string) => context.period(1).ranks.get('index')![context.units.index.get(code)!];
    expect([rank('S1'), rank('S2'), rank('D'), rank('c2')]).to.deep.equal([2, 1, 1, 3]);
  });
});

describe('reports: readResults', () => {
  it('refuses a document in another format', () => {
    expect(() => readResults({ ...tinyResults(), format: 'other/1' })).to.throw(ValidationError);
  });
  it('refuses a document of an older results format and says how to score it again', () => {
    expect(() => readResults({ ...tinyResults(), format: 'zhili-results/1' }))
      .to.throw(ValidationError)
      .with.property('message')
      .that.includes('zhili-results/1')
      .and.includes('make a new version');
  });
  it('refuses a score column holding text', () => {
    expect(() => readResults({ ...tinyResults(), scores: { index: ['high'] } })).to.throw(ValidationError);
  });
});

describe('reports: compact results', () => {
  const compact = (extra: Record<string, unknown> = {}) => compactResults(readResults(tinyResults(extra)));
  it('is absent when the results hold no uncertainty analysis', () => {
    expect(compact().intervals).to.equal(null);
  });
  it('reads the 5 % and 95 % rank quantiles per row', () => {
    const intervals = compact({ uncertainty: monteCarlo(200) }).intervals;
    expect(intervals?.runs).to.equal(200);
    expect(intervals?.p95[4]).to.equal(3);
  });
  it('ignores an analysis of another shape of results', () => {
    const uncertainty = { ...monteCarlo(200), median: [1], p5: [1], p95: [1] };
    expect(compact({ uncertainty }).intervals).to.equal(null);
  });
  it('refuses an analysis without its rank quantiles', () => {
    expect(() => readResults(tinyResults({ uncertainty: { runs: 200 } }))).to.throw(ValidationError);
  });
});

describe('reports: compact columns', () => {
  it('holds missing cells as NaN', () => {
    const results = compactResults(readResults(tinyResults({ raw: { x: [1, null, 3, 4, 5, 6] } })));
    expect(Array.from(results.raw.get('x') ?? [])).to.deep.equal([1, Number.NaN, 3, 4, 5, 6]);
  });
  it('spreads sparse reason codes over every row', () => {
    const results = compactResults(readResults(tinyResults({ rawReasons: { y: { '4': 2 } } })));
    expect(Array.from(results.rawReasons.get('y') ?? [])).to.deep.equal([0, 0, 0, 0, 2, 0]);
  });
  it('codes the engine’s lights and weakest dimensions', () => {
    const diagnostics = {
      percentiles: {},
      parentRanks: null,
      peerRanks: null,
      lights: { x: ['green', 'none', 'red', 'yellow', 'orange', 'green'] },
      leafDimensions: ['a_dim', 'b_dim'],
      weakestDimension: ['b_dim', null, 'a_dim', 'a_dim', 'a_dim', 'a_dim'],
      weakestIndicators: [[], [], [], [], [], []],
      trends: {},
    };
    const d = compactResults(readResults(tinyResults({ diagnostics }))).diagnostics;
    expect([
      Array.from(d?.lights.get('x') ?? []),
      Array.from(d?.weakestDimension ?? []).slice(0, 3),
    ]).to.deep.equal([
      [1, 0, 4, 2, 3, 1],
      [1, -1, 0],
    ]);
  });
});

describe('reports: logEntries', () => {
  it('keeps entries with a stage and a message and skips the rest', () => {
    const entries = logEntries([{ stage: 'rank', message: 'ranked' }, { message: 'no stage' }, 3]);
    expect(entries.map((e) => e.stage)).to.deep.equal(['rank']);
  });
});
