import { expect } from 'chai';
import { NotFoundError } from '../../../server/errors.js';
import { changeCell } from '../../../server/reports/views/change-cell.js';
import { pageChrome } from '../../../server/reports/views/chrome.js';
import { compareCodes } from '../../../server/reports/views/compare-page.js';
import { exportLinks } from '../../../server/reports/views/export-links.js';
import { href } from '../../../server/reports/views/href.js';
import { lightCell } from '../../../server/reports/views/light-cell.js';
import { periodIndex } from '../../../server/reports/views/period-choice.js';
import { safeJson } from '../../../server/reports/views/safe-json.js';
import { sortHeader } from '../../../server/reports/views/sort-header.js';
import { sortedByValue, walk } from '../../../server/reports/views/sorted-members.js';
import { trendCell } from '../../../server/reports/views/trend-cell.js';

describe('reports: links', () => {
  it('encodes query values and drops empty ones', () => {
    expect(href('/evaluations/e1', { q: '江 南', sort: 'name', district: '' })).to.equal(
      '/evaluations/e1?q=%E6%B1%9F%20%E5%8D%97&sort=name',
    );
  });

  it('lays changes over the query as { ...query, ...changes } would: same order, changed values, new ones last', () => {
    const query = { period: '2025', sort: 'rank', q: '江' };
    const changes = { sort: 'name', page: 2, q: '' };
    expect(href('/e', query, changes)).to.equal('/e?period=2025&sort=name&page=2');
    expect(href('/e', { ...query, ...changes })).to.equal('/e?period=2025&sort=name&page=2');
    expect(href('/e', {}, { lang: 'en' })).to.equal('/e?lang=en');
    expect(query).to.deep.equal({ period: '2025', sort: 'rank', q: '江' });
  });
  it('adds format and table to a page’s own query for its exports', () => {
    expect(exportLinks('/e', { period: '2025' }, 'ranking').map((l) => l.href)).to.deep.equal([
      '/e?period=2025&format=csv&table=ranking',
      '/e?period=2025&format=xlsx&table=ranking',
      '/e?period=2025&format=json&table=ranking',
    ]);
  });
  it('switches language on the same page with the same query', () => {
    expect(
      pageChrome('zh', { path: '/x', query: { period: '2025' }, title: 't', section: 'evaluations' })
        .switchHref,
    ).to.equal('/x?period=2025&lang=en');
  });
});

describe('reports: safeJson', () => {
  it('escapes what could close a script block and reads back unchanged', () => {
    const value = { name: '</script><script>alert(1)</script>&' };
    const text = safeJson(value);
    expect(text).not.to.match(/[<>&]/);
    expect(JSON.parse(text)).to.deep.equal(value);
  });
});

describe('reports: sorting', () => {
  it('links an inactive heading to its natural direction', () => {
    const header = sortHeader(
      'Score',
      'score',
      { key: 'rank', dir: 'asc' },
      'desc',
      (k, d) => `?sort=${k}&dir=${d}`,
    );
    expect([header.href, header.ariaSort]).to.deep.equal(['?sort=score&dir=desc', 'none']);
  });
  it('links the active heading to the other direction', () => {
    const header = sortHeader(
      'Score',
      'score',
      { key: 'score', dir: 'desc' },
      'desc',
      (k, d) => `?sort=${k}&dir=${d}`,
    );
    expect([header.href, header.ariaSort, header.arrow]).to.deep.equal([
      '?sort=score&dir=asc',
      'descending',
      '▼',
    ]);
  });
  it('walks sorted units either way with the missing ones last', () => {
    const values = [30, Number.NaN, 10, 20];
    const sorted = sortedByValue([0, 1, 2, 3], (i) => values[i] ?? Number.NaN);
    expect([[...walk(sorted, 'asc')], [...walk(sorted, 'desc')]]).to.deep.equal([
      [2, 3, 0, 1],
      [0, 3, 2, 1],
    ]);
  });
});

describe('reports: cells', () => {
  it('gives a traffic light a symbol and a word besides its colour', () => {
    expect(lightCell('red', 'en')).to.deep.equal({
      light: 'red',
      css: 'light-red',
      symbol: '✕',
      label: 'Major challenges',
    });
  });
  it('says when there is no light', () => {
    expect(lightCell(null, 'zh').label).to.equal('无数据');
  });
  it('gives a trend an arrow and a word', () => {
    expect(trendCell('improving', 'zh')).to.deep.equal({
      trend: 'improving',
      css: 'trend-improving',
      arrow: '↗',
      label: '稳步改善',
    });
  });
  it('shows a change with its sign, arrow and word', () => {
    expect(changeCell(2.8, 'en')).to.deep.equal({
      text: '+2.8',
      symbol: '▲',
      direction: 'up',
      label: 'up',
    });
  });
  it('shows a change of less than a point as level', () => {
    expect(changeCell(-0.4, 'en').direction).to.equal('level');
  });
});

describe('reports: query values', () => {
  it('shows the latest period unless asked', () => {
    expect(periodIndex(['2023', '2024', '2025'], undefined)).to.equal(2);
  });
  it('refuses a period the evaluation does not have', () => {
    expect(() => periodIndex(['2025'], '1999')).to.throw(NotFoundError);
  });
  it('splits the compared unit codes on commas of either width and drops repeats', () => {
    expect(compareCodes('A,B，C、A')).to.deep.equal(['A', 'B', 'C']);
  });
});
