import { expect } from 'chai';
import { buildApp } from '../../../server/app.js';
import { draftIndicator } from '../../indicators/draft-indicator.js';
import { appDeps } from '../../support/app-deps.js';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { serve, type Served } from '../../support/http.js';
import { tempEmbeddedStore } from '../../support/temp-store.js';
import { formFor, unescapeHtml, Visitor } from './visitor.js';

describe('page: checking an indicator draft', function () {
  this.timeout(30_000);
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  let served: Served;
  let researcher: SeededUser;
  let viewer: SeededUser;
  let evaluator: SeededUser;

  before(async () => {
    temp = await tempEmbeddedStore();
    served = await serve(buildApp(await appDeps(temp.store)));
    researcher = await seedUser(temp.store, 'researcher');
    viewer = await seedUser(temp.store, 'viewer');
    evaluator = await seedUser(temp.store, 'evaluator');
  });
  after(async () => {
    await served.close();
    await temp.dispose();
  });

  /** Opens the page as `who` and submits its form with `draft` in the textarea. */
  async function check(who: SeededUser, draft: string) {
    const visitor = new Visitor(served.url, who.cookie);
    const page = await visitor.get('/indicators/check');
    expect(page.status).to.equal(200);
    return visitor.submit(formFor(page.html, '/indicators/check'), { draft });
  }

  it('links the catalogue to the check for a researcher, not for a viewer', async () => {
    const asResearcher = await new Visitor(served.url, researcher.cookie).get('/indicators');
    expect(asResearcher.html).to.include('href="/indicators/check"');
    const asViewer = await new Visitor(served.url, viewer.cookie).get('/indicators');
    expect(asViewer.status).to.equal(200);
    expect(asViewer.html).to.not.include('href="/indicators/check"');
  });

  it('refuses a viewer and an evaluator (403)', async () => {
    for (const who of [viewer, evaluator]) {
      expect((await new Visitor(served.url, who.cookie).get('/indicators/check')).status).to.equal(403);
    }
  });

  it('shows a valid draft as passing, with its fixture table, Chinese first', async () => {
    const answer = await check(researcher, JSON.stringify(draftIndicator()));
    expect(answer.status).to.equal(200);
    expect(answer.html).to.include('检查通过');
    expect(answer.html).to.include('新指标');
    expect(answer.html).to.match(/<td class="num">75<\/td><td class="num">75<\/td><td>✓ 通过<\/td>/);
  });

  it('lists each problem of a broken draft by its pointer', async () => {
    const draft = draftIndicator({
      dimension: 'happiness',
      formula: 'alone_elders_visited / alone_elders * bonus',
    });
    const answer = await check(researcher, JSON.stringify(draft));
    expect(answer.status).to.equal(200);
    expect(answer.html).to.include('<code>/dimension</code></th><td>未知的维度</td>');
    expect(answer.html).to.include('<code>/formula</code></th><td>公式使用了未声明的变量</td>');
  });

  it('shows a <script> in the draft’s name as text, and keeps the draft in the textarea', async () => {
    const name = { zh: '<script>alert(1)</script>独居', en: '<script>alert(1)</script>' };
    const text = JSON.stringify(draftIndicator({ name }));
    const answer = await check(researcher, text);
    expect(answer.status).to.equal(200);
    expect(answer.html).to.not.include('<script>alert(1)');
    expect(answer.html).to.include(
      '<h2 id="draft-check-result-title">草稿：&lt;script&gt;alert(1)&lt;/script&gt;独居</h2>',
    );
    const textarea = /<textarea[^>]*>([\s\S]*?)<\/textarea>/.exec(answer.html)?.[1] ?? '';
    expect(unescapeHtml(textarea)).to.equal(text);
  });

  it('answers 400 naming the 64-level limit for a pasted draft nested deeper, and keeps the text', async () => {
    // The outer brace is level 1, so the 64th "[" (offset 24 + 63, column 88) opens level 65.
    const text = `{"id": "deep", "notes": ${'['.repeat(8_000)}${']'.repeat(8_000)}}`;
    const answer = await check(researcher, text);
    expect(answer.status).to.equal(400);
    expect(answer.html).to.include('<code>line 1, column 88</code>');
    expect(answer.html).to.include('<td>JSON 嵌套不得超过 64 层</td>');
    const textarea = /<textarea[^>]*>([\s\S]*?)<\/textarea>/.exec(answer.html)?.[1] ?? '';
    expect(unescapeHtml(textarea)).to.equal(text);
  });

  it('refuses a form without its CSRF token', async () => {
    const visitor = new Visitor(served.url, researcher.cookie);
    const answer = await visitor.post('/indicators/check', { draft: '{}' });
    expect(answer.status).to.equal(403);
  });
});
