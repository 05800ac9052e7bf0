/**
 * The evaluation page renders its districts' table, distribution and progress counts once per
 * period, language and reader scope and reuses them (server/http/kept-blocks.ts): readers of every
 * unit and a reader limited to one district, asking for the same pages in turn, each keep seeing
 * their own tables, in the language they asked for, and a page read again is the same page.
 */
import { expect } from 'chai';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { demoApp, type DemoApp } from '../demo-app.js';

function section(html: string, id: string): string {
  return new RegExp(`<section id="${id}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';
}

/** The codes of the units the districts' table links to, in order. */
function districtsShown(html: string): string[] {
  return [...section(html, 'districts').matchAll(/\/units\/(WY\d\d)"/g)].map((m) => m[1] ?? '');
}

describe('pages: sections kept between readers, languages and periods', function () {
  this.timeout(60_000);
  let app: DemoApp;
  let everyone: SeededUser;
  let limited: SeededUser;

  before(async () => {
    app = await demoApp();
    everyone = await seedUser(app.store, 'viewer');
    limited = await seedUser(app.store, 'viewer', { unitScope: ['WY03'] });
  });

  after(async () => {
    await app.close();
  });

  async function page(reader: SeededUser, query: string): Promise<string> {
    const response = await fetch(`${app.url}/evaluations/${app.demo.id}${query}`, {
      headers: { cookie: reader.cookie },
    });
    expect(response.status).to.equal(200);
    return response.text();
  }

  it('shows each reader their own districts, in turn, however often the page is read', async () => {
    const first = {
      everyone: await page(everyone, '?sort=name'),
      limited: await page(limited, '?sort=name'),
    };
    expect(districtsShown(first.everyone)).to.have.length(7);
    expect(districtsShown(first.limited)).to.deep.equal(['WY03']);
    // Only readers of every unit see the counts over every unit.
    expect(section(first.everyone, 'progress')).to.not.equal('');
    expect(section(first.limited, 'progress')).to.equal('');
    for (let round = 0; round < 2; round++) {
      expect(await page(limited, '?sort=name')).to.equal(first.limited);
      expect(await page(everyone, '?sort=name')).to.equal(first.everyone);
    }
  });

  it('keeps the sections of each language and period apart', async () => {
    const periods = app.demo.periods;
    const [older, latest] = [periods[0] ?? '', periods[periods.length - 1] ?? ''];
    const zh = await page(everyone, `?period=${latest}`);
    const en = await page(everyone, `?period=${latest}&lang=en`);
    const old = await page(everyone, `?period=${older}`);
    expect(section(zh, 'districts')).to.include(`<h2 id="districts-title">各区排名 · ${latest}</h2>`);
    expect(section(en, 'districts')).to.match(
      new RegExp(`<h2 id="districts-title">[A-Za-z’' ]+ · ${latest}</h2>`),
    );
    expect(section(old, 'districts')).to.include(` · ${older}</h2>`);
    expect(section(old, 'distribution')).to.not.equal(section(zh, 'distribution'));
    expect(await page(everyone, `?period=${latest}&lang=en`)).to.equal(en);
    expect(await page(everyone, `?period=${latest}`)).to.equal(zh);
  });
});
