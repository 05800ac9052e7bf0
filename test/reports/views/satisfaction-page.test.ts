import { expect } from 'chai';
import { satisfactionPage } from '../../../server/reports/views/satisfaction-page.js';
import { satisfactionTable } from '../../../server/reports/views/satisfaction-tables.js';
import { tinyContext, tinyResults } from '../tiny-context.js';
import { tinySatisfaction } from '../tiny-satisfaction.js';

const selection = { measure: 'satisfaction_share', level: 'community', period: '2025', node: 'index' };

function context() {
  return tinyContext(tinyResults({ satisfaction: tinySatisfaction() }));
}

describe('satisfaction page view model (tiny evaluation)', () => {
  it('reads the stored section back through its validator', () => {
    expect(context().satisfaction?.measures[0]?.levels[0]?.level).to.equal('community');
    expect(tinyContext().satisfaction).to.equal(null);
  });

  it('shows r, ρ and n of each dimension and the index, three decimals', () => {
    const page = satisfactionPage({ context: context(), selection, lang: 'en' });
    const index = page.summary.find((row) => row.current);
    expect(index).to.include({ pearson: '0.902', spearman: '1.000', n: '3', beyondBelow: '1' });
    expect(page.summary.length).to.equal(3);
  });

  it('lists 丙村 as less satisfied than its index predicts, 7.4 points below and beyond its interval', () => {
    const page = satisfactionPage({ context: context(), selection, lang: 'zh' });
    expect(page.less.map((row) => [row.name, row.residual, row.beyond, row.interval])).to.deep.equal([
      ['丙村', '-7.4', '低于预期', '55.0%–65.0%'],
    ]);
    expect(page.more.map((row) => row.code)).to.deep.equal(['c1', 'c2']);
    expect(page.all.length).to.equal(3);
  });

  it('states the units of the level left out in the sentence above the table', () => {
    const page = satisfactionPage({ context: context(), selection, lang: 'en' });
    expect(page.leftOut).to.equal(
      'The level has 3 units; in this period 3 have a survey estimate, 0 are left out because their sample was too small and 0 were not surveyed.',
    );
  });

  it('draws the units with their intervals in per cent and the fitted line through the lowest and highest score', () => {
    const page = satisfactionPage({ context: context(), selection, lang: 'en' });
    const config = JSON.parse(page.chart?.chartJson ?? '{}') as {
      data: { datasets: { data: { x: number; y: number | null }[] }[] };
    };
    const [points, intervals, line] = config.data.datasets;
    expect(points?.data.map((p) => p.x)).to.deep.equal([72.5, 45, 65]);
    expect(intervals?.data.slice(0, 3)).to.deep.equal([
      { x: 72.5, y: 70 },
      { x: 72.5, y: 88 },
      { x: 72.5, y: null },
    ]);
    expect(line?.data.map((p) => p.x)).to.deep.equal([45, 72.5]);
  });

  it('says so when the evaluation has no satisfaction check', () => {
    const page = satisfactionPage({ context: tinyContext(), selection: null, lang: 'zh' });
    expect(page.hasSection).to.equal(false);
    expect(page.chart).to.equal(null);
  });

  it('exports every node’s figures and lists with ids and unformatted numbers', () => {
    const section = tinySatisfaction();
    if (section === undefined) throw new Error('no section');
    const summary = satisfactionTable(section, 'summary', selection, 'en');
    expect(summary.ids.slice(0, 6)).to.deep.equal(['measure', 'level', 'period', 'node', 'n', 'pearson']);
    expect(summary.rows.length).to.equal(6);
    const lists = satisfactionTable(section, 'disagreements', selection, 'en');
    const c3 = lists.rows.find((row) => row[3] === 'index' && row[5] === 'c3');
    expect(c3?.slice(4, 8)).to.deep.equal(['less_satisfied', 'c3', 65, 0.6]);
    expect(c3?.at(-1)).to.equal('below');
    const units = satisfactionTable(section, 'units', selection, 'en');
    expect(units.rows.map((row) => row[0])).to.deep.equal(['c1', 'c2', 'c3']);
  });
});
