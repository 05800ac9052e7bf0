/**
 * The researcher's workbench pages without JavaScript: who may open them, starting a draft from a
 * form, saving a file from its form fields and from its JSON, the check with every problem linked
 * to its field in both languages, and the impact preview on the demo evaluation.
 */
import { expect } from 'chai';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { demoApp, type DemoApp } from '../demo-app.js';
import { professionalismDraft } from '../../indicators/professionalism-draft.js';
import { Visitor } from './visitor.js';

function textareaOf(html: string, id: string): string {
  const match = new RegExp(`<textarea id="${id}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
  return (match?.[1] ?? '')
    .replaceAll('&quot;', '"')
    .replaceAll('&#x27;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&#x3D;', '=')
    .replaceAll('&#x60;', '`')
    .replaceAll('&amp;', '&');
}

describe('pages: the researcher’s definition drafts', function () {
  this.timeout(180_000);
  let app: DemoApp;
  let researcher: SeededUser;
  let visitor: Visitor;
  let draftPath: string;

  before(async () => {
    app = await demoApp();
    researcher = await seedUser(app.store, 'researcher', { login: 'qian' });
    visitor = new Visitor(app.url, researcher.cookie);
  });
  after(async () => {
    await app.close();
  });

  it('refuses a viewer and an evaluator with 403', async () => {
    for (const role of ['viewer', 'evaluator'] as const) {
      const user = await seedUser(app.store, role);
      const answer = await new Visitor(app.url, user.cookie).get('/definitions/drafts');
      expect(answer.status, role).to.equal(403);
    }
  });

  it('lists the drafts in Chinese first and in English with ?lang=en', async () => {
    expect((await visitor.get('/definitions/drafts')).html).to.include('<h1>定义草稿</h1>');
    expect((await visitor.get('/definitions/drafts?lang=en')).html).to.include('<h1>Definition drafts</h1>');
    await visitor.get('/definitions/drafts?lang=zh');
  });

  it('starts a draft with a new dimension and shows its form beside its JSON', async () => {
    const answer = await visitor.post('/definitions/drafts', {
      _csrf: researcher.csrf,
      start: 'dimension',
      title: '专业性',
      id: 'professionalism',
    });
    expect(answer.status).to.equal(303);
    draftPath = (answer.location ?? '').split('?')[0] ?? '';
    const { html } = await visitor.get(draftPath);
    expect(html).to.include('professionalism/dimension.json');
    expect(html).to.match(/<input id="f0-name-zh" name="\/name\/zh" value="新维度 professionalism"/);
    expect(JSON.parse(textareaOf(html, 'json-0'))).to.include({ kind: 'dimension', id: 'professionalism' });
  });

  it('saves the form onto the JSON and links each problem to its field, in both languages', async () => {
    const { html } = await visitor.get(draftPath);
    const saved = await visitor.post(`${draftPath}/files/0`, {
      _csrf: researcher.csrf,
      from: 'form',
      json: textareaOf(html, 'json-0'),
      '/name/zh': '专业性',
      '/name/en': 'Professionalism',
      '/weight': 'heavy',
    });
    expect(saved.status).to.equal(303);
    const after = await visitor.get(draftPath);
    expect(JSON.parse(textareaOf(after.html, 'json-0'))).to.include({ weight: 'heavy' });
    const row =
      /<tr><td><code>professionalism\/dimension\.json<\/code><\/td><th scope="row"><a href="#f0-weight">([^<]*)<\/a><\/th><td>([^<]*)<\/td><td>([^<]*)<\/td>/.exec(
        after.html,
      );
    expect(row?.slice(1)).to.deep.equal(['/weight (权重)', '类型不对', 'wrong type']);
  });

  it('saves corrected JSON and the check passes', async () => {
    const { html } = await visitor.get(draftPath);
    const definition = JSON.parse(textareaOf(html, 'json-0')) as Record<string, unknown>;
    await visitor.post(`${draftPath}/files/0`, {
      _csrf: researcher.csrf,
      from: 'json',
      json: JSON.stringify({ ...definition, weight: 0.1 }),
    });
    const after = await visitor.get(draftPath);
    expect(after.html).to.match(/<p role="status" id="draft-check-summary"><strong>没有发现问题/);
  });

  it('previews the impact of a sixth dimension on the demo evaluation, warning of the missing data', async () => {
    const created = await visitor.post('/definitions/drafts', {
      _csrf: researcher.csrf,
      start: 'revise',
      title: '第六维度',
      definition: 'framework:default',
    });
    const path = (created.location ?? '').split('?')[0] ?? '';
    for (const change of professionalismDraft(app.deps.registry).slice(0, 3)) {
      const dimension = change.file.endsWith('dimension.json');
      await visitor.post(`${path}/files`, {
        _csrf: researcher.csrf,
        ...(dimension
          ? { start: 'dimension', id: 'professionalism' }
          : {
              start: 'indicator',
              dimension: 'professionalism',
              id: change.file.split('/')[1]?.replace('.json', '') ?? '',
            }),
      });
    }
    const changes = professionalismDraft(app.deps.registry);
    const page = await visitor.get(path);
    const files = [...page.html.matchAll(/<h2 id="file-(\d+)-title"><code>([^<]+)<\/code>/g)].map(
      (m) => [Number(m[1]), m[2]] as const,
    );
    for (const [index, file] of files) {
      const text = changes.find((change) => change.file === file)?.text ?? '';
      await visitor.post(`${path}/files/${index}`, { _csrf: researcher.csrf, from: 'json', json: text });
    }
    const checked = await visitor.get(path);
    expect(checked.html).to.match(/没有发现问题/);
    const preview = await visitor.get(`${path}?framework=default&evaluation=${app.demo.id}`);
    expect(preview.status).to.equal(200);
    expect(preview.html).to.match(
      /<p id="preview-ranks">排名一致性：斯皮尔曼 ρ &#x3D; [\d.]+，肯德尔 τ &#x3D; [\d.]+/,
    );
    expect(preview.html).to.match(
      /<p class="parallel" role="alert" id="preview-no-data">警告：这些维度完全没有数据，其得分列将为空：专业性<\/p>/,
    );
    expect(preview.html).to.match(
      /<th scope="row"><code>certified_social_workers<\/code><\/th><td class="num"><strong>0 \/ /,
    );
  });
});
