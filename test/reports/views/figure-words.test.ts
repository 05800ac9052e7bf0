import { expect } from 'chai';
import { comparePage } from '../../../server/reports/views/compare-page.js';
import { diagnosisView } from '../../../server/reports/views/diagnosis-view.js';
import { indicatorExport, indicatorTable } from '../../../server/reports/views/indicator-table.js';
import { indicatorValue, neededChange } from '../../../server/reports/views/indicator-value.js';
import { lightLegend } from '../../../server/reports/views/light-legend.js';
import { signalHint } from '../../../server/reports/views/light-cell.js';
import { unitReportPage } from '../../../server/reports/views/unit-report.js';
import { isYesNo } from '../../../server/reports/views/yes-no.js';
import { registerSnapshot } from '../../../server/evaluation/register-snapshot.js';
import { TINY_REGISTER, tinyContext, tinyResults } from '../tiny-context.js';

const at = (code: string, context = tinyContext()) => context.units.index.get(code) ?? -1;
const zRow = (context: ReturnType<typeof tinyContext>, code: string, lang: 'zh' | 'en') =>
  indicatorTable(context, 1, at(code, context), lang)[1]?.rows[0];

/** The engine's lights and trends of the tiny evaluation, with c1's x (2025) red but on track. */
const diagnostics = {
  peerGroup: 'peer_group',
  percentiles: { index: [100, 0, 50, 100, 0, 50] },
  parentRanks: { index: [1, 2, 1, 1, 2, 1] },
  peerRanks: { index: [1, 2, 1, 1, 2, 1] },
  lights: {
    x: ['green', 'green', 'green', 'red', 'green', 'green'],
    y: ['red', 'red', 'red', 'red', 'red', 'green'],
    z: ['none', 'none', 'none', 'none', 'none', 'none'],
  },
  leafDimensions: ['a_dim', 'b_dim'],
  weakestDimension: ['a_dim', 'b_dim', 'b_dim', 'a_dim', 'b_dim', 'a_dim'],
  weakestIndicators: [[], [], [], [], [], []],
  trends: {
    x: ['none', 'none', 'none', 'on_track', 'stagnating', 'decreasing'],
    y: ['none', 'none', 'none', 'stagnating', 'none', 'none'],
    z: ['none', 'none', 'none', 'none', 'none', 'none'],
  },
};

describe('reports: yes/no indicators in words', () => {
  it('tells a yes/no item by its one integer input from 0 to 1', () => {
    const context = tinyContext();
    const z = context.indicatorDefinitions.get('z');
    const wide = z === undefined ? undefined : { ...z, formula: 'z * 2' };
    expect([isYesNo(z), isYesNo(context.indicatorDefinitions.get('x')), isYesNo(wide)]).to.deep.equal([
      true,
      false,
      false,
    ]);
  });
  it('shows a community’s yes/no value as 是 or 否 without the code', () => {
    const context = tinyContext();
    // c1 has z = 1, c2 has z = 0
    expect(
      [zRow(context, 'c1', 'zh'), zRow(context, 'c2', 'en')].map((r) => [r?.raw, r?.measure]),
    ).to.deep.equal([
      ['是', ''],
      ['no', ''],
    ]);
  });
  it('shows a street’s population-weighted yes/no value as the share of residents', () => {
    const context = tinyContext();
    // S1 = (1 · 1000 + 0 · 3000) / 4000 = 0.25 of its residents live in a community with z
    const row = zRow(context, 'S1', 'zh');
    expect([row?.raw, row?.measure]).to.deep.equal(['25.0%', '的居民所在社区（村）已有']);
  });
  it('shows a district’s yes/no value as the share of residents, in English too', () => {
    const context = tinyContext();
    // D = (0.25 · 4000 + 1 · 2000) / 6000 = 0.5
    const row = zRow(context, 'D', 'en');
    expect([row?.raw, row?.measure]).to.deep.equal([
      '50.0%',
      'of residents live in a community or village that has it',
    ]);
  });
  it('says “of its communities” where a community’s population is unknown (a plain mean)', () => {
    const register = registerSnapshot(
      TINY_REGISTER.map((u) => (u.code === 'c2' ? { ...u, attributes: { peer_group: 'urban_small' } } : u)),
    );
    const context = tinyContext(tinyResults({ register }));
    // S1's children are communities: its value is the share of them; D's is a mean of its streets'
    expect([
      indicatorValue(context, at('S1', context), 'z', 0.5, 'en'),
      indicatorValue(context, at('D', context), 'z', 0.75, 'zh'),
      indicatorValue(context, at('S2', context), 'z', 1, 'zh').measure,
    ]).to.deep.equal([
      { value: '50.0%', measure: 'of its communities or villages have it' },
      { value: '75.0%', measure: '（各下级单位比例的平均）' },
      '的居民所在社区（村）已有',
    ]);
  });
  it('counts communities for a pooled roll-up', () => {
    const context = tinyContext(tinyResults({ rollup: { method: 'pooled', levels: [] } }));
    expect(indicatorValue(context, at('S1', context), 'z', 3, 'zh')).to.deep.equal({
      value: '3',
      measure: '个社区（村）已有',
    });
  });
  it('keeps the raw value in the indicator export', () => {
    const context = tinyContext();
    // the share stays the stored 0.25 with its unit of measure, not "25.0%"
    const z = indicatorExport(context, 1, at('S1', context), 'en').rows.find((row) => row[1] === 'z');
    expect([z?.[3], z?.[4]]).to.deep.equal([0.25, 'yes=1']);
  });
});

describe('reports: yes/no indicators on the compare page', () => {
  it('shows a community’s 是 beside a street’s share of residents, without the code', () => {
    const page = comparePage(tinyContext(), 'zh', ['c1', 'S1'], 1, {});
    const z = page.rows.find((row) => row.label === '指标z');
    // c1 has z = 1; S1 = (1 · 1000 + 0 · 3000) / 4000 = 0.25
    expect([z?.note, z?.cells.map((c) => c.text)]).to.deep.equal([
      '',
      ['是', '25.0%的居民所在社区（村）已有'],
    ]);
  });
  it('keeps the unit of measure of any other indicator in its row', () => {
    const page = comparePage(tinyContext(), 'en', ['c1', 'S1'], 1, {});
    const y = page.rows.find((row) => row.label === 'Indicator y');
    // S1's y = (5.5 · 1000 + 1 · 3000) / 4000 = 2.125
    expect([y?.note, y?.cells.map((c) => c.text)]).to.deep.equal(['days', ['5.5', '2.13']]);
  });
  it('has the lights’ legend without trend arrows', () => {
    const legend = comparePage(tinyContext(), 'en', ['c1', 'S1'], 1, {}).lightLegend;
    expect([legend.lights.length, legend.trends.length]).to.deep.equal([4, 0]);
  });
});

describe('reports: what a change to the peer median asks for', () => {
  it('says “reduce by” with the size and unit of a negative change', () => {
    const context = tinyContext();
    expect([
      neededChange(context, at('c1', context), 'y', -7.3, 3, 'zh'),
      neededChange(context, at('c1', context), 'y', -7.3, 3, 'en'),
    ]).to.deep.equal(['减少 7.3 days', 'reduce by 7.3 days']);
  });
  it('says “raise by” for a positive change', () => {
    const context = tinyContext();
    expect(neededChange(context, at('c1', context), 'x', 12.5, 52.5, 'zh')).to.equal('提高 12.5 %');
  });
  it('asks a community to put a yes/no item in place rather than +1', () => {
    const context = tinyContext();
    expect(neededChange(context, at('c2', context), 'z', 1, 1, 'zh')).to.equal('需要建立或落实（改为“是”）');
  });
  it('asks a street to raise the share of residents to the peer median', () => {
    const context = tinyContext();
    expect(neededChange(context, at('S1', context), 'z', 0.75, 1, 'zh')).to.equal('提高到 100.0%');
  });
  it('asks a pooled street for more communities', () => {
    const context = tinyContext(tinyResults({ rollup: { method: 'pooled', levels: [] } }));
    expect(neededChange(context, at('S1', context), 'z', 2, 5, 'zh')).to.equal('再有 2 个社区（村）建立');
  });
  it('says “already there” for no change', () => {
    const context = tinyContext();
    expect(neededChange(context, at('c1', context), 'x', 0, 40, 'zh')).to.equal('已达到');
  });
  it('lists the improvement of a community in words', () => {
    const context = tinyContext();
    // c2's z: 否; peers c1 (1) and c2 (0): median 0.5
    const row = diagnosisView(context, 1, at('c2', context), 'zh').rows[0];
    expect([row?.now, row?.peerMedian, row?.needed]).to.deep.equal([
      '否',
      '是否各半',
      '需要建立或落实（改为“是”）',
    ]);
  });
});

describe('reports: whom the weakest dimension is behind', () => {
  it('names the peer group and says “behind” in Chinese', () => {
    const context = tinyContext();
    // c2: b_dim 0 against the urban_small median (100 + 0) / 2 = 50
    expect(diagnosisView(context, 1, at('c2', context), 'zh').weakest).to.equal(
      '最弱的维度是“乙维度”：0.0 分，比同类组（城市小型社区）中位数 50.0 分低 50.0 分。',
    );
  });
  it('says “ahead of” when the weakest dimension is above the median', () => {
    const ahead = {
      ...diagnostics,
      weakestDimension: ['a_dim', 'b_dim', 'b_dim', 'b_dim', 'b_dim', 'a_dim'],
    };
    const context = tinyContext(tinyResults({ diagnostics: ahead }));
    // c1: b_dim 100 against the urban_small median (100 + 0) / 2 = 50
    expect(diagnosisView(context, 1, at('c1', context), 'en').weakest).to.equal(
      'The weakest dimension is “Dimension B”: 100.0, 50.0 points ahead of the median of its peer group (Small urban communities), 50.0.',
    );
  });
  it('says “level with” at the median', () => {
    const context = tinyContext();
    // c3 is alone in the rural group: a_dim 30 is its own median
    expect(diagnosisView(context, 1, at('c3', context), 'en').weakest).to.equal(
      'The weakest dimension is “Dimension A”: 30.0, level with the median of its peer group (Rural), 30.0.',
    );
  });
});

describe('reports: a light and a trend that look at odds', () => {
  it('explains a red light beside an on-track arrow', () => {
    const context = tinyContext(tinyResults({ diagnostics }));
    const x = indicatorTable(context, 1, at('c1', context), 'zh')[0]?.rows[0];
    expect([x?.light.label, x?.trend.label, x?.hint]).to.deep.equal([
      '差距很大',
      '按期达标',
      '差距仍大，但按目前速度可按期达标',
    ]);
  });
  it('adds no hint where the light and the trend agree', () => {
    const context = tinyContext(tinyResults({ diagnostics }));
    // c1's y: red and stagnating
    expect(indicatorTable(context, 1, at('c1', context), 'en')[0]?.rows[1]?.hint).to.equal('');
  });
  it('explains a met target that fell back', () => {
    expect([signalHint('green', 'decreasing', 'en'), signalHint('orange', 'on_track', 'en')]).to.deep.equal([
      'At the target, but worse than the period before',
      'Still far from the target, but on pace to reach it in time',
    ]);
  });
});

describe('reports: the legend of lights and arrows', () => {
  it('gives every light its symbol and word, and every arrow its word', () => {
    const legend = lightLegend('zh', '/indicators?framework=tiny');
    expect([
      legend.lights.map((l) => `${l.symbol} ${l.label}`),
      legend.trends.map((t) => `${t.arrow} ${t.label}`),
    ]).to.deep.equal([
      ['✓ 达标', '◔ 仍有差距', '◑ 差距较大', '✕ 差距很大'],
      ['↑ 按期达标', '↗ 稳步改善', '→ 停滞', '↓ 倒退'],
    ]);
  });
  it('states the thresholds rule and links the unit report to its framework’s thresholds', () => {
    const context = tinyContext();
    const page = unitReportPage(context, 'en', {
      unit: at('c1', context),
      period: 1,
      sort: { key: 'score', dir: 'desc' },
      pageQuery: {},
    });
    expect([page.lightLegend.thresholdsHref, page.lightLegend.lightsRule]).to.deep.equal([
      '/indicators?framework=tiny',
      'A light compares this period’s value with the three thresholds in the indicator’s definition (reversed for lower-is-better indicators): at the green threshold “achieved”, at the yellow one “challenges remain”, at the orange one “significant challenges”, below it “major challenges”. The colours are green, yellow, orange and vermillion (safe for colour-blind readers), and each light also has its own symbol and word, so it reads in black and white too.',
    ]);
  });
});
