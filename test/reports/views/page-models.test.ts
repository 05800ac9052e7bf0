import { expect } from 'chai';
import { comparePage } from '../../../server/reports/views/compare-page.js';
import { diagnosisView } from '../../../server/reports/views/diagnosis-view.js';
import { dimensionView } from '../../../server/reports/views/dimension-view.js';
import { distributionView } from '../../../server/reports/views/distribution-view.js';
import { indicatorTable } from '../../../server/reports/views/indicator-table.js';
import { leagueView } from '../../../server/reports/views/league-view.js';
import { methodologyPage } from '../../../server/reports/views/methodology-page.js';
import {
  rankingMatches,
  rankingView,
  type RankingQuery,
} from '../../../server/reports/views/ranking-table.js';
import { heatmapView } from '../../../server/reports/views/subunit-heatmap.js';
import { unitSummary } from '../../../server/reports/views/unit-summary.js';
import { monteCarlo, tinyContext, tinyResults } from '../tiny-context.js';

const query: RankingQuery = { period: 1, level: 'community', sort: 'rank', page: 1 };
const at = (code: string, context = tinyContext()) => context.units.index.get(code) ?? -1;
const codes = (context: ReturnType<typeof tinyContext>, units: ArrayLike<number>) =>
  Array.from(units, (u) => context.units.codes[u]);

describe('reports: ranking table', () => {
  it('lists the units of a level from the best rank down', () => {
    const context = tinyContext();
    expect(codes(context, rankingMatches(context, query, 'zh'))).to.deep.equal(['c1', 'c3', 'c2']);
  });
  it('filters by peer group', () => {
    const context = tinyContext();
    expect(codes(context, rankingMatches(context, { ...query, peer: 'urban_small' }, 'zh'))).to.deep.equal([
      'c1',
      'c2',
    ]);
  });
  it('searches names and codes without regard to case', () => {
    const context = tinyContext();
    expect(codes(context, rankingMatches(context, { ...query, q: 'C3 EN' }, 'en'))).to.deep.equal(['c3']);
  });
  it('filters by district and finds nothing for an unknown one', () => {
    const context = tinyContext();
    expect([
      rankingMatches(context, { ...query, district: 'D' }, 'zh').length,
      rankingMatches(context, { ...query, district: 'nowhere' }, 'zh').length,
    ]).to.deep.equal([3, 0]);
  });
  it('sorts by a dimension, highest first by default', () => {
    const context = tinyContext();
    expect(codes(context, rankingMatches(context, { ...query, sort: 'a_dim' }, 'zh'))).to.deep.equal([
      'c2',
      'c1',
      'c3',
    ]);
  });
  it('sorts by the change since the previous period', () => {
    const context = tinyContext();
    // c1 +2.5, c2 −1, c3 +10
    expect(codes(context, rankingMatches(context, { ...query, sort: 'change' }, 'zh'))).to.deep.equal([
      'c3',
      'c1',
      'c2',
    ]);
  });
  it('formats a row with rank, score, change and dimension scores', () => {
    const context = tinyContext();
    const row = rankingView(context, query, 'en', '/evaluations/ev_tiny', {}).rows[0];
    expect([row?.rank, row?.name, row?.score, row?.change.text, row?.dimensions]).to.deep.equal([
      '1',
      'c1 en',
      '72.5',
      '+2.5',
      ['45.0', '100.0'],
    ]);
  });
  it('says which rows it shows', () => {
    expect(rankingView(tinyContext(), query, 'en', '/e', {}).summary).to.equal('Rows 1–3 of 3');
  });
});

describe('reports: unit summary', () => {
  it('ranks a community among its level, its parent and its peer group', () => {
    const context = tinyContext();
    const summary = unitSummary(context, 1, at('c2', context), 'zh');
    expect(summary.ranks.map((r) => r.text).slice(0, 3)).to.deep.equal([
      '第 3 名 / 共 3',
      '第 2 名 / 共 2',
      '第 2 名 / 共 2',
    ]);
  });
  it('gives the percentile among the units of the level', () => {
    const context = tinyContext();
    // c1 scores 72.5: both other communities (45, 65) at or below → 100; c3 (65): one of two → 50
    const percentile = (code: string) => unitSummary(context, 1, at(code, context), 'en').ranks[3]?.text;
    expect([percentile('c1'), percentile('c3')]).to.deep.equal(['100.0', '50.0']);
  });
  it('says the evaluation had no uncertainty analysis', () => {
    const context = tinyContext();
    expect(unitSummary(context, 1, at('c2', context), 'en').interval).to.equal(
      'This evaluation was run without uncertainty analysis (Monte Carlo), so there is no rank interval.',
    );
  });
  it('gives the rank interval of the Monte Carlo analysis', () => {
    const uncertainty = monteCarlo(500);
    const context = tinyContext(tinyResults({ uncertainty }));
    expect(unitSummary(context, 1, at('c2', context), 'en').interval).to.equal(
      'Ranks 2–3 in 90% of plausible methods (median rank 3, 500 runs).',
    );
  });
});

describe('reports: dimensions against the peer group', () => {
  it('tabulates the unit, the peer median and the peer best', () => {
    const context = tinyContext();
    // peers of c1 (urban_small): c1 and c2; a_dim 45 and 90 → median 67.5, best 90
    const row = dimensionView(context, 1, at('c1', context), 'en').rows[0];
    expect(row).to.deep.equal({
      name: 'Dimension A',
      score: '45.0',
      rank: '2',
      peerMedian: '67.5',
      peerBest: '90.0',
    });
  });
  it('writes a radar chart with three series', () => {
    const context = tinyContext();
    const chart = JSON.parse(dimensionView(context, 1, at('c1', context), 'en').chart.chartJson) as {
      type: string;
      data: { datasets: { data: number[] }[] };
    };
    expect([chart.type, chart.data.datasets.map((d) => d.data)]).to.deep.equal([
      'radar',
      [
        [45, 100],
        [67.5, 50],
        [90, 100],
      ],
    ]);
  });
});

describe('reports: weakest-link diagnosis', () => {
  it('names the weakest dimension and its gap to the peer median', () => {
    const context = tinyContext();
    // c2: a_dim 90, b_dim 0; peers' b_dim median (100 + 0) / 2 = 50
    expect(diagnosisView(context, 1, at('c2', context), 'en').weakest).to.equal(
      'The weakest dimension is “Dimension B”: 0.0, 50.0 points behind the median of its peer group (Small urban communities), 50.0.',
    );
  });
  it('shows what lifting an indicator to the peer median would bring', () => {
    const context = tinyContext();
    // z: 0 → 50 (raw 0 → 0.5): b_dim 50, index (90 + 50) / 2 = 70 (+25), ahead of c3's 65: rank 3 → 2
    expect(diagnosisView(context, 1, at('c2', context), 'en').rows).to.deep.equal([
      {
        name: 'Indicator z',
        href: '/indicators?framework=tiny#z',
        now: 'no',
        peerMedian: 'half yes, half no',
        needed: 'put it in place (make it a yes)',
        scoreGain: '+25.0',
        newRank: '2',
        rankGain: '1',
      },
    ]);
  });
});

describe('reports: indicator table', () => {
  it('groups indicators under their dimension', () => {
    const context = tinyContext();
    const groups = indicatorTable(context, 1, at('c1', context), 'en');
    expect(groups.map((g) => [g.name, g.rows.map((r) => r.id)])).to.deep.equal([
      ['Dimension A', ['x', 'y']],
      ['Dimension B', ['z']],
    ]);
  });
  it('gives raw value, light, trend and flags of an indicator', () => {
    const context = tinyContext();
    // c1's x: 40 ≥ orange threshold 40 → orange; 30 (2024) → 40 (2025), target 100 in 5 periods:
    // made 10 of the (100 − 30) / 5 = 14 needed (≥ half) → improving; its 2025 cell is flagged imputed
    const x = indicatorTable(context, 1, at('c1', context), 'en')[0]?.rows[0];
    expect([x?.raw, x?.light.light, x?.trend.trend, x?.rank, x?.note]).to.deep.equal([
      '40',
      'orange',
      'improving',
      '3 of 3',
      'imputed',
    ]);
  });
  it('lights a lower-is-better indicator by its thresholds', () => {
    const context = tinyContext();
    // c1's y = 5.5 days with thresholds 2 / 4 / 6 → orange
    expect(indicatorTable(context, 1, at('c1', context), 'en')[0]?.rows[1]?.light.light).to.equal('orange');
  });
});

describe('reports: sub-units heat map', () => {
  it('lists a street’s communities, best first, shaded by score', () => {
    const context = tinyContext();
    const view = heatmapView(context, 1, at('S1', context), { key: 'score', dir: 'desc' }, 'en', () => '#');
    expect(view.rows.map((r) => [r.code, r.cells[0]?.text, r.cells[0]?.css])).to.deep.equal([
      ['c1', '72.5', 'heat-7'],
      ['c2', '45.0', 'heat-4'],
    ]);
  });
});

describe('reports: overview tables', () => {
  it('counts the community scores in 10-point bins', () => {
    const rows = distributionView(tinyContext(), 1, 'community', 'en').rows;
    // 45 in 40–50, 65 in 60–70, 72.5 in 70–80
    expect(rows.filter((r) => r.count !== '0').map((r) => r.range)).to.deep.equal([
      '40–50',
      '60–70',
      '70–80',
    ]);
  });
  it('ranks the districts by their rolled-up score', () => {
    const row = leagueView(tinyContext(), 1, 'en').rows[0];
    expect([row?.name, row?.score, row?.rank]).to.deep.equal(['D en', '56.3', '1']);
  });
});

describe('reports: methodology appendix', () => {
  it('lists every definition with its version and hash', () => {
    const page = methodologyPage(tinyContext(), 'en');
    expect(page.definitions.map((d) => `${d.id} ${d.version} ${d.hash}`)).to.deep.equal([
      'tiny 1.0.0 sha256:f',
      'a_dim  sha256:a',
      'b_dim  sha256:b',
      'x 1.0.0 sha256:x',
      'y 1.0.0 sha256:y',
      'z 1.0.0 sha256:z',
    ]);
  });
  it('counts imputed values and reports the screening', () => {
    const page = methodologyPage(tinyContext(), 'en');
    expect([page.treatment[0]?.imputed, page.screening]).to.deep.equal([
      '1',
      '1 unit-periods fell below the availability threshold of 66.0%; action: flagged and kept.',
    ]);
  });
  it('shows each indicator’s coverage per period', () => {
    expect(methodologyPage(tinyContext(), 'en').coverage[0]?.cells.map((c) => c.share)).to.deep.equal([
      '100.0%',
      '100.0%',
    ]);
  });
});

describe('reports: comparison', () => {
  it('offers a picker, not an error, until two units are chosen, the one named ticked', () => {
    const page = comparePage(tinyContext(), 'en', ['c1'], 1, {});
    expect([page.ready, page.message]).to.deep.equal([false, null]);
    const ticked = page.picker?.groups.flatMap((g) => g.units.filter((u) => u.checked).map((u) => u.code));
    expect(ticked).to.deep.equal(['c1']);
  });
  it('names codes that are not in the evaluation', () => {
    expect(comparePage(tinyContext(), 'en', ['c1', 'zz'], 1, {}).message).to.equal(
      'Not in this evaluation: zz',
    );
  });
  it('draws a trend chart per score with its table', () => {
    const page = comparePage(tinyContext(), 'en', ['c1', 'S1'], 1, {});
    expect(page.trends[0]?.rows).to.deep.equal([
      { period: '2024', values: ['70.0', '52.0'] },
      { period: '2025', values: ['72.5', '51.9'] },
    ]);
  });
});

describe('reports: the engine’s roll-up and diagnostics win when stored', () => {
  const diagnostics = {
    peerGroup: 'peer_group',
    percentiles: { index: [100, 0, 50, 100, 0, 50] },
    parentRanks: { index: [1, 2, 1, 1, 2, 1] },
    peerRanks: { index: [1, 2, 1, 1, 2, 1] },
    lights: {
      x: ['green', 'green', 'green', 'green', 'green', 'none'],
      y: ['red', 'red', 'red', 'red', 'red', 'red'],
      z: ['none', 'none', 'none', 'none', 'none', 'none'],
    },
    leafDimensions: ['a_dim', 'b_dim'],
    weakestDimension: ['a_dim', 'b_dim', 'b_dim', 'a_dim', 'b_dim', 'a_dim'],
    weakestIndicators: [[], [], [], [{ indicator: 'y', median: 3.25, change: -2.25 }], [], []],
    trends: {
      x: ['none', 'none', 'none', 'on_track', 'stagnating', 'decreasing'],
      y: ['none', 'none', 'none', 'none', 'none', 'none'],
      z: ['none', 'none', 'none', 'none', 'none', 'none'],
    },
  };
  const rollup = {
    method: 'pooled',
    levels: [
      {
        level: 1,
        codes: ['S1', 'S2'],
        scores: { index: [50, 60, 49, 61], a_dim: [1, 2, 3, 4], b_dim: [5, 6, 7, 8] },
        ranks: { index: [2, 1, 2, 1], a_dim: [2, 1, 2, 1], b_dim: [2, 1, 2, 1] },
      },
    ],
  };
  it('takes street scores and ranks from the engine’s roll-up', () => {
    const context = tinyContext(tinyResults({ rollup }));
    const columns = context.period(1);
    const s1 = at('S1', context);
    expect([columns.scores.get('index')?.[s1], columns.ranks.get('index')?.[s1]]).to.deep.equal([49, 2]);
  });
  it('names the engine’s roll-up method in the appendix', () => {
    expect(methodologyPage(tinyContext(tinyResults({ rollup })), 'en').rollupNote).to.include(
      '“pooled numerators and denominators”',
    );
  });
  it('shows the engine’s lights and trends for a community', () => {
    const context = tinyContext(tinyResults({ diagnostics }));
    const x = indicatorTable(context, 1, at('c1', context), 'en')[0]?.rows[0];
    // computed here, c1's x would be orange and improving
    expect([x?.light.light, x?.trend.trend]).to.deep.equal(['green', 'on_track']);
  });
  it('takes the weakest dimension and indicators from the engine', () => {
    const context = tinyContext(tinyResults({ diagnostics }));
    const view = diagnosisView(context, 1, at('c1', context), 'en');
    expect(view.weakest).to.match(/^The weakest dimension is “Dimension A”: 45.0/);
    expect(view.weakIndicators).to.deep.equal([
      {
        name: 'Indicator y',
        href: '/indicators?framework=tiny#y',
        now: '5.5 days',
        peerMedian: '3.25 days',
        needed: 'reduce by 2.25 days',
      },
    ]);
  });
  it('lists the engine’s three weakest indicators with the change to the peer median', () => {
    const context = tinyContext();
    // c2: z 0, x 80, y 100 → z first; peers' raw z median (1 + 0) / 2 = 0.5, change +0.5
    expect(
      diagnosisView(context, 1, at('c2', context), 'en').weakIndicators.map((w) => [w.name, w.needed]),
    ).to.deep.equal([
      ['Indicator z', 'put it in place (make it a yes)'],
      ['Indicator x', 'already there'],
      ['Indicator y', 'already there'],
    ]);
  });
});
