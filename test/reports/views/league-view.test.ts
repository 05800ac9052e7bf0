/**
 * The districts' league table on the demo city: every district while they are few; past the limit
 * (set low here, as a national evaluation's hundreds of districts would pass the real one) the
 * first and last districts of the same order, a row saying how many are left out with a link to
 * the full ranking at the district level, rendered by the evaluation page's template.
 */
import { expect } from 'chai';
import { demoContext } from '../demo-context.js';
import { loadViews } from '../../../server/http/views.js';
import { viewsDir } from '../../../server/paths.js';
import type { ReportContext } from '../../../server/reports/context/report-context.js';
import { EVERY_UNIT } from '../../../server/reports/context/report-scope.js';
import { evaluationPage } from '../../../server/reports/views/evaluation-page.js';
import { LEAGUE_WHOLE, leagueView } from '../../../server/reports/views/league-view.js';

describe('reports: the districts’ league table, whole or cut', function () {
  this.timeout(120_000);
  let context: ReportContext;
  let dispose: () => Promise<void>;

  before(async () => {
    ({ context, dispose } = await demoContext());
  });
  after(async () => {
    await dispose();
  });

  it('shows every district of the demo city', () => {
    const districts = context.units.byLevel.get('district') ?? [];
    expect(districts.length).to.be.within(5, LEAGUE_WHOLE);
    const whole = leagueView(context, context.latest, 'zh');
    expect(whole.rows).to.have.length(districts.length);
    expect(whole.gap).to.equal(null);
    expect(whole.tail).to.deep.equal([]);
  });

  it('past the limit shows the first and last districts, how many are left out and where they all are', () => {
    const whole = leagueView(context, context.latest, 'en');
    const count = whole.rows.length;
    const cut = leagueView(context, context.latest, 'en', EVERY_UNIT, '/all-districts', { whole: 3, end: 2 });
    expect(cut.rows).to.deep.equal(whole.rows.slice(0, 2));
    expect(cut.tail).to.deep.equal(whole.rows.slice(-2));
    expect(cut.gap).to.deep.equal({
      text: `… ${count - 4} districts in between not listed …`,
      link: `All ${count} districts ranked`,
      href: '/all-districts',
    });
    const zh = leagueView(context, context.latest, 'zh', EVERY_UNIT, '/all', { whole: 3, end: 2 });
    expect(zh.gap?.text).to.equal(`……中间 ${count - 4} 个区未列出……`);
  });

  it('renders the cut table in rank order with the gap row between', () => {
    const page = evaluationPage(
      context,
      'en',
      { period: context.latest, level: 'community', sort: 'rank', page: 1 },
      {},
    );
    const cut = leagueView(
      context,
      context.latest,
      'en',
      EVERY_UNIT,
      '/evaluations/x?level=district#ranking',
      {
        whole: 3,
        end: 2,
      },
    );
    const html = loadViews(viewsDir).render('evaluation', {
      ...page,
      league: cut,
      leagueSection: { ...page.leagueSection, league: cut },
    });
    const table = html.slice(html.indexOf('id="districts"'), html.indexOf('id="league-interval-note"'));
    const names = [...table.matchAll(/<th scope="row"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(names).to.deep.equal([...cut.rows, ...cut.tail].map((row) => row.name));
    const gapAt = table.indexOf('<tr class="gap">');
    expect(gapAt).to.be.above(table.indexOf(cut.rows[1]?.name ?? '?'));
    expect(gapAt).to.be.below(table.indexOf(cut.tail[0]?.name ?? '?'));
    expect(table).to.include(
      `<a href="/evaluations/x?level&#x3D;district#ranking">${cut.gap?.link ?? '?'}</a>`,
    );
  });
});
