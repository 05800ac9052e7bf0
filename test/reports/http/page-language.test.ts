import { expect } from 'chai';
import { runEvaluation } from '../../../server/evaluation/run-evaluation.js';
import type { Lang } from '../../../server/reports/i18n/lang.js';
import { draftIndicator } from '../../indicators/draft-indicator.js';
import { seedUser } from '../../support/auth.js';
import { demoApp, importThroughPage, type DemoApp } from '../demo-app.js';
import { languageLeaks } from '../page-language.js';
import { formFor, Visitor, type Answer } from './visitor.js';

/**
 * Every page of the demo city, as an admin, in Chinese and in English, with its error states (a 404,
 * refused forms, a failed import, a broken indicator draft, the audit log of all that): the page's own
 * text holds no message of the other language. Data (unit and user names, codes, what a user typed)
 * is left out.
 */
describe('pages in one language (demo city, both languages)', function () {
  this.timeout(300_000);
  let app: DemoApp;
  let data: string[];
  let codes: Set<string>;
  let paths: string[];

  before(async () => {
    app = await demoApp();
    const draft = await runEvaluation(app.store, app.deps.registry, {
      frameworkId: 'default',
      periods: ['2025'],
      actor: 'test',
    });
    await seedUser(app.store, 'viewer', { login: 'scoped.wu', unitScope: ['WY03'] });
    const base = `/evaluations/${app.demo.id}`;
    const batch = (await app.store.imports.list({ limit: 1 }))[0];
    const user = await app.store.users.findByLogin('scoped.wu');
    paths = [
      '/',
      '/evaluations',
      base,
      `${base}?level=street&sort=autonomy`,
      `${base}/units/WY`,
      `${base}/units/WY03`,
      `${base}/units/WY03S01`,
      `${base}/units/WY01S01C00`,
      `${base}/compare?units=WY01,WY03,WY05`,
      `${base}/methodology`,
      `${base}/audit`,
      `${base}/satisfaction`,
      `/evaluations/${draft.id}`,
      `/evaluations/compare?ids=${app.demo.id},${draft.id}`,
      '/evaluations/new',
      `${base}/versions/new`,
      '/indicators',
      '/indicators?framework=asem',
      '/indicators/check',
      '/import',
      '/import/review',
      `/import/batches/${batch?.id ?? ''}`,
      '/jobs',
      '/account',
      '/admin/users',
      `/admin/users/${user?.id ?? ''}`,
      '/admin/audit',
      // Not found, in three ways.
      '/no/such/page',
      `${base}/units/NOPE9`,
      '/evaluations/no-such-evaluation',
    ];
    codes = new Set([...app.deps.registry.indicators.keys(), ...app.deps.registry.dimensions.keys()]);
    const units = await app.store.units.list({});
    const users = await app.store.users.list();
    data = [
      ...units.flatMap((unit) => [unit.name.zh, unit.name.en]),
      ...users.map((u) => u.displayName),
      // The product's name is the same in both languages.
      '治理 Zhili',
      'Zhili 治理',
      '治理',
    ];
  });
  after(async () => {
    await app.close();
  });

  /** An admin reading in `lang` (the switch's cookie set by the first visit). */
  async function reader(lang: Lang): Promise<Visitor> {
    const visitor = new Visitor(app.url, app.admin.cookie);
    await visitor.get(`/?lang=${lang}`);
    return visitor;
  }

  /** The pages a reader in `lang` sees when forms are refused. */
  async function refusedForms(visitor: Visitor, lang: Lang): Promise<Record<string, Answer>> {
    const account = await visitor.get('/account');
    const users = await visitor.get('/admin/users');
    const check = await visitor.get('/indicators/check');
    const broken = draftIndicator({
      dimension: 'happiness',
      formula: 'alone_elders_visited / alone_elders * bonus',
    });
    const { html: failedImport } = await importThroughPage(
      app.url,
      { cookie: visitor.cookieHeader, csrf: app.admin.csrf },
      { kind: 'units' },
      { name: `bad-${lang}.csv`, text: 'code,name_zh,name_en,level,parent\nZZ01,坏,Bad,community,NOPE9\n' },
    );
    return {
      'account: passwords differ': await visitor.submit(formFor(account.html, '/account/password'), {
        current: 'not my password',
        password: 'my next password 1',
        password2: 'my next password 2',
      }),
      'account: wrong current password': await visitor.submit(formFor(account.html, '/account/password'), {
        current: 'not my password',
        password: 'my next password 1',
        password2: 'my next password 1',
      }),
      'admin/users: unknown unit in the scope': await visitor.submit(formFor(users.html, '/admin/users'), {
        login: `zhao.${lang}`,
        displayName: '赵',
        role: 'viewer',
        scope: 'WY01S01, NOPE9',
        password: 'a long enough password',
      }),
      'admin/users: weak password': await visitor.submit(formFor(users.html, '/admin/users'), {
        login: `qian.${lang}`,
        displayName: '钱',
        role: 'viewer',
        password: 'short',
      }),
      'indicators/check: broken draft': await visitor.submit(formFor(check.html, '/indicators/check'), {
        draft: JSON.stringify(broken),
      }),
      'indicators/check: not JSON': await visitor.submit(formFor(check.html, '/indicators/check'), {
        draft: '{"id": ',
      }),
      'import: failed report': { status: 200, location: null, headers: new Headers(), html: failedImport },
      'admin/audit after the refusals': await visitor.get('/admin/audit'),
    };
  }

  for (const lang of ['zh', 'en'] as const) {
    it(`shows every page in ${lang === 'zh' ? 'Chinese' : 'English'} only`, async () => {
      const visitor = await reader(lang);
      const found: Record<string, string[]> = {};
      const statuses: Record<string, number> = {};
      for (const path of paths) {
        const answer = await visitor.get(path);
        statuses[path] = answer.status;
        const leaks = languageLeaks(lang, answer.html, data, codes);
        if (leaks.length > 0) found[path] = leaks;
      }
      for (const [name, answer] of Object.entries(await refusedForms(visitor, lang))) {
        statuses[name] = answer.status;
        // What the admin typed: names in the forms, the draft's fixture names.
        const typed = ['Bad', '坏', '赵', '钱', 'no elders living alone → missing (division by zero)'];
        const leaks = languageLeaks(lang, answer.html, [...data, ...typed], codes);
        if (leaks.length > 0) found[name] = leaks;
      }
      expect(Object.values(statuses).filter((s) => s >= 500)).to.deep.equal([]);
      expect(found).to.deep.equal({});
    });
  }
});
