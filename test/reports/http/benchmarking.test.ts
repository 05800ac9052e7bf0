/**
 * A scoped official benchmarking their units over HTTP: the unit page's compare link opens a picker
 * of the units they may see (their unit ticked, its peer group first) instead of an error, the
 * picker's form compares the ticked units; a district official is offered the streets below it;
 * the unit page shows the unit's own score and rank for every period; and the admin's user list
 * names the units of a scope.
 */
import { expect } from 'chai';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { demoApp, type DemoApp } from '../demo-app.js';
import { unescapeHtml, Visitor } from './visitor.js';

const checkboxes = (html: string): { code: string; checked: boolean }[] =>
  [...html.matchAll(/<input type="checkbox" name="units" value="([^"]+)"( checked)?>/g)].map((m) => ({
    code: m[1]!,
    checked: m[2] !== undefined,
  }));

describe('pages: benchmarking for a scoped official', function () {
  this.timeout(60_000);
  let app: DemoApp;
  let official: SeededUser;
  let unitPath: string;

  before(async () => {
    app = await demoApp();
    official = await seedUser(app.store, 'viewer', { unitScope: ['WY03'] });
    unitPath = `/evaluations/${app.demo.id}/units/WY03S01C00`;
  });

  after(async () => {
    await app.close();
  });

  it("opens a picker of the official's own units from the unit page's compare link, not an error", async () => {
    const visitor = new Visitor(app.url, official.cookie);
    const unitPage = await visitor.get(unitPath);
    expect(unitPage.status).to.equal(200);
    const link = /<a href="([^"]*\/compare\?units=[^"]*)">与其他单位比较<\/a>/.exec(
      unescapeHtml(unitPage.html),
    )?.[1];
    expect(link).to.be.a('string');
    const page = await visitor.get(link!);
    expect(page.status).to.equal(200);
    expect(page.html).not.to.include('请输入 2 到 4 个单位代码');
    expect(page.html).to.include('id="compare-picker"');
    const boxes = checkboxes(page.html);
    expect(boxes[0]).to.deep.equal({ code: 'WY03S01C00', checked: true });
    expect(boxes.filter((b) => b.checked)).to.have.length(1);
    // Only communities of WY03, which the official may see, and each of them once.
    const communities = (await app.store.units.list({ level: 'community' })).filter((u) =>
      u.code.startsWith('WY03'),
    );
    expect(boxes.map((b) => b.code).sort()).to.deep.equal(communities.map((u) => u.code).sort());
    // The first group is the unit's peer group.
    const peer = communities.find((u) => u.code === 'WY03S01C00')!.attributes.peer_group;
    const firstGroup = /<details open>([\s\S]*?)<\/details>/.exec(page.html)?.[1] ?? '';
    const peerCodes = checkboxes(firstGroup).map((b) => b.code);
    expect(peerCodes.length).to.be.above(1);
    for (const code of peerCodes)
      expect(communities.find((u) => u.code === code)?.attributes.peer_group, code).to.equal(peer);
  });

  it('compares the units ticked in the picker (?units=A&units=B)', async () => {
    const visitor = new Visitor(app.url, official.cookie);
    const page = await visitor.get(`/evaluations/${app.demo.id}/compare?units=WY03S01C00&units=WY03S01C01`);
    expect(page.status).to.equal(200);
    expect(page.html).to.include('id="comparison"');
    expect(page.html).not.to.include('id="compare-picker"');
    expect(page.html).to.include('value="WY03S01C00,WY03S01C01"');
  });

  it('offers a district official the streets below the district, saying why', async () => {
    const visitor = new Visitor(app.url, official.cookie);
    const page = await visitor.get(`/evaluations/${app.demo.id}/compare?units=WY03`);
    expect(page.status).to.equal(200);
    expect(page.html).to.include('您可查看的同级单位只有本单位；可以比较其下级单位。');
    const streets = (await app.store.units.list({ level: 'street', parent: 'WY03' })).map((u) => u.code);
    expect(streets.length).to.be.above(1);
    expect(checkboxes(page.html).map((b) => b.code)).to.deep.equal([...streets].sort());
  });

  it("shows the unit's own score and rank for every period, the latest matching the summary", async () => {
    const page = await new Visitor(app.url, official.cookie).get(unitPath);
    const table = /<table id="unit-trend-table">([\s\S]*?)<\/table>/.exec(page.html)?.[1] ?? '';
    const rows = [
      ...table.matchAll(
        /<tr><th scope="row">([^<]+)<\/th><td class="num">([^<]+)<\/td><td class="num">([^<]+)<\/td><\/tr>/g,
      ),
    ];
    expect(rows.map((r) => r[1])).to.deep.equal([...app.demo.periods]);
    const summary = /data-testid="index-score">([^<]+)</.exec(page.html)?.[1];
    expect(rows.at(-1)?.[2]).to.equal(summary);
    expect(rows.every((r) => /^\d+$/.test(r[3]!))).to.equal(true);
    expect(page.html).to.include('id="chart-unit-trend"');
  });

  it("names the units of a user's scope on the admin's user list, in both languages", async () => {
    const unit = (await app.store.units.get('WY03'))!;
    const visitor = new Visitor(app.url, app.admin.cookie);
    const zh = await visitor.get('/admin/users');
    expect(zh.html).to.include(`<td>${unit.name.zh}（WY03）</td>`);
    const en = await visitor.get('/admin/users?lang=en');
    expect(unescapeHtml(en.html)).to.include(`<td>${unit.name.en} (WY03)</td>`);
  });
});
