import { expect } from 'chai';
import { EVERY_UNIT, reportScope } from '../../../server/reports/context/report-scope.js';
import { withAccount } from '../../../server/reports/views/account-chrome.js';
import { auditExport, auditPage } from '../../../server/reports/views/audit-page.js';
import { pageChrome } from '../../../server/reports/views/chrome.js';
import { distributionView } from '../../../server/reports/views/distribution-view.js';
import { homePage } from '../../../server/reports/views/home-page.js';
import { leagueView } from '../../../server/reports/views/league-view.js';
import { loginPage } from '../../../server/reports/views/login-page.js';
import { methodologyExport } from '../../../server/reports/views/methodology-page.js';
import {
  rankingMatches,
  rankingView,
  type RankingQuery,
} from '../../../server/reports/views/ranking-table.js';
import { unitReportPage } from '../../../server/reports/views/unit-report.js';
import type { AuditEvent } from '../../../server/store/models/audit-event.js';
import { tinyContext } from '../tiny-context.js';

const query: RankingQuery = { period: 1, level: 'community', sort: 'rank', page: 1 };

describe('reports: unit scope', () => {
  it('allows a street, its communities and nothing beside or above it', () => {
    const context = tinyContext();
    const scope = reportScope(context, ['S1']);
    const allowed = context.units.codes.filter((_, i) => scope.allows(i));
    expect(allowed.sort()).to.deep.equal(['S1', 'c1', 'c2']);
  });

  it('is every unit for a reader without a scope', () => {
    expect(reportScope(tinyContext(), null)).to.equal(EVERY_UNIT);
  });

  it('keeps the scope’s rows of the ranking in rank order', () => {
    const context = tinyContext();
    const scope = reportScope(context, ['S1']);
    // c1 ranks 1st and c2 3rd in 2025; c3 (2nd) lies in street S2.
    const codes = Array.from(
      rankingMatches(context, { ...query, scope }, 'zh'),
      (u) => context.units.codes[u],
    );
    expect(codes).to.deep.equal(['c1', 'c2']);
  });

  it('shows the city-wide ranks of the rows a limited reader sees', () => {
    const context = tinyContext();
    const view = rankingView(context, { ...query, scope: reportScope(context, ['S1']) }, 'en', '/e', {});
    expect(view.rows.map((r) => [r.code, r.rank])).to.deep.equal([
      ['c1', '1'],
      ['c2', '3'],
    ]);
    expect(view.summary).to.equal('Rows 1–2 of 2');
  });

  it('offers a limited reader only the levels and districts where they have units', () => {
    const context = tinyContext();
    const view = rankingView(context, { ...query, scope: reportScope(context, ['c3']) }, 'en', '/e', {});
    expect(view.levels.map((l) => l.value)).to.deep.equal(['community']);
    expect(view.districts.map((d) => d.value)).to.deep.equal(['D']);
  });

  it('leaves the league table empty below the district level and shows the district to its reader', () => {
    const context = tinyContext();
    expect(leagueView(context, 1, 'en', reportScope(context, ['S1'])).rows).to.deep.equal([]);
    expect(leagueView(context, 1, 'en', reportScope(context, ['D'])).rows.map((r) => r.name)).to.deep.equal([
      'D en',
    ]);
  });

  it('counts only the scope’s units in the distribution', () => {
    const context = tinyContext();
    const rows = distributionView(context, 1, 'community', 'en', reportScope(context, ['S1'])).rows;
    const counts = rows.map((r) => Number(r.count));
    // c1 scores 72.5 and c2 45; c3 is left out.
    expect(counts.reduce((a, b) => a + b, 0)).to.equal(2);
  });

  it('keeps only the scope’s units in the screening entry of the exported engine log', () => {
    const context = tinyContext();
    const screening = (scope?: ReturnType<typeof reportScope>) => {
      const rows = methodologyExport(context, 'log', 'en', scope).rows;
      const row = rows.find((r) => r[0] === 'screening');
      return JSON.parse(String(row?.[6])) as { units: string[] };
    };
    // The tiny log flags c3 in 2024; c3 lies in street S2.
    expect(screening().units).to.deep.equal(['c3@2024']);
    expect(screening(reportScope(context, ['S2'])).units).to.deep.equal(['c3@2024']);
    expect(screening(reportScope(context, ['S1'])).units).to.deep.equal([]);
  });

  it('names the units above the scope in the breadcrumbs without linking them', () => {
    const context = tinyContext();
    const page = unitReportPage(context, 'en', {
      unit: context.units.index.get('c1') ?? -1,
      period: 1,
      sort: { key: 'score', dir: 'desc' },
      pageQuery: {},
      scope: reportScope(context, ['S1']),
    });
    expect(page.crumbs.map((c) => [c.name, c.href])).to.deep.equal([
      ['CT en', null],
      ['D en', null],
      ['S1 en', '/evaluations/ev_tiny/units/S1'],
    ]);
  });
});

describe('reports: the account in the page header', () => {
  const chrome = () =>
    pageChrome('en', { path: '/evaluations', query: {}, title: 'E', section: 'evaluations' });

  it('offers a viewer the evaluations, the catalogue and the batches to review only', () => {
    const page = withAccount(chrome(), { displayName: 'Li', role: 'viewer' }, 'tok');
    expect(page.nav.map((n) => n.href)).to.deep.equal(['/evaluations', '/indicators', '/import/review']);
    expect(page.account).to.deep.equal({
      displayName: 'Li',
      roleLabel: 'Viewer',
      accountHref: '/account',
      current: false,
    });
  });

  it('offers an admin the import, users and audit pages too', () => {
    const page = withAccount(chrome(), { displayName: 'Wang', role: 'admin' }, 'tok');
    expect(page.nav.map((n) => n.href)).to.deep.equal([
      '/evaluations',
      '/indicators',
      '/import',
      '/import/review',
      '/jobs',
      '/admin/users',
      '/admin/audit',
    ]);
  });

  it('shows a visitor who is not logged in no navigation and no account', () => {
    const page = withAccount(chrome(), null, 'tok');
    expect([page.nav, page.account, page.csrf]).to.deep.equal([[], null, 'tok']);
  });

  it('lists on the front page what an evaluator may do', () => {
    const page = homePage('en', {
      displayName: 'Zhao',
      role: 'evaluator',
      evaluationCount: 3,
      storeKind: 'embedded',
      storeOk: true,
    });
    expect(page.links.map((l) => l.href)).to.deep.equal([
      '/evaluations',
      '/indicators',
      '/import',
      '/account',
    ]);
    expect([page.welcome, page.evaluations]).to.deep.equal([
      'Welcome, Zhao.',
      '3 evaluations are open to you.',
    ]);
  });
});

describe('reports: login and audit pages', () => {
  it('keeps the page to return to in the language switch of the login page', () => {
    expect(loginPage('zh', { next: '/evaluations?period=2025' }).switchHref).to.equal(
      '/login?next=%2Fevaluations%3Fperiod%3D2025&lang=en',
    );
  });

  it('says how long a locked login waits', () => {
    const page = loginPage('en', { next: '/', retryMinutes: 14 });
    expect([page.locked, page.message]).to.deep.equal([
      true,
      'Too many login attempts: logging in is paused. Try again in 14 minutes.',
    ]);
  });

  const event = (n: number): AuditEvent => ({
    id: `aud_${n}`,
    at: `2025-03-0${n}T08:09:10.123Z`,
    actor: 'wang',
    action: 'user.update',
    target: 'usr_1',
    detail: { login: 'li', role: { from: 'viewer', to: 'evaluator' } },
  });

  it('pages the audit log with the filter kept in its links', () => {
    const page = auditPage('en', [event(2), event(1)], { action: 'user.update', page: 2 }, true);
    expect([page.previousHref, page.nextHref]).to.deep.equal([
      '/admin/audit?action=user.update&page=1',
      '/admin/audit?action=user.update&page=3',
    ]);
    expect(page.rows[0]).to.deep.equal({
      at: '2025-03-02 08:09:10',
      actor: 'wang',
      action: 'user changed',
      actionCode: 'user.update',
      target: 'usr_1',
      detail: [
        { key: 'login', code: false, value: 'li' },
        { key: 'role', code: false, value: '{"from":"viewer","to":"evaluator"}' },
      ],
    });
    expect(page.exports[0]?.href).to.equal('/admin/audit?action=user.update&format=csv&table=audit');
  });

  it('exports the audit log with stable keys and the full timestamp', () => {
    const table = auditExport([event(1)], 'zh');
    expect(table.ids).to.deep.equal(['at', 'actor', 'action', 'target', 'detail']);
    expect(table.rows[0]?.[0]).to.equal('2025-03-01T08:09:10.123Z');
  });
});
