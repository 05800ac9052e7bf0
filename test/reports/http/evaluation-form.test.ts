import { expect } from 'chai';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { demoApp, type DemoApp } from '../demo-app.js';
import { unescapeHtml, Visitor, type Answer } from './visitor.js';

/** Follows an evaluation job's page until it sends the reader on (to the draft), or fails. */
async function followJob(visitor: Visitor, jobPath: string): Promise<Answer> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const answer = await visitor.get(jobPath);
    if (answer.status === 303) return answer;
    expect(answer.status, answer.html).to.equal(200);
    if (!answer.html.includes('<progress')) return answer;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${jobPath} did not finish`);
}

/** The upper triangle of a perfectly consistent matrix a_ij = w_i / w_j. */
function consistentCells(node: string, weights: readonly number[]): Record<string, string> {
  const cells: Record<string, string> = {};
  for (let i = 0; i < weights.length; i++)
    for (let j = i + 1; j < weights.length; j++)
      cells[`ahp.${node}.${i}.${j}`] = `${weights[i]}/${weights[j]}`;
  return cells;
}

describe('the evaluation form (/evaluations/new) and its job page', function () {
  this.timeout(300_000);
  let app: DemoApp;
  let viewer: SeededUser;
  let evaluator: SeededUser;
  let periods: string;
  /** The draft the form makes (a parallel version 1 of the demo evaluation). */
  let draftId = '';

  before(async () => {
    app = await demoApp();
    viewer = await seedUser(app.store, 'viewer', { login: 'form-viewer' });
    evaluator = await seedUser(app.store, 'evaluator', { login: 'form-evaluator' });
    periods = app.demo.periods.join(',');
  });
  after(async () => {
    await app.close();
  });

  const asEvaluator = () => new Visitor(app.url, evaluator.cookie);
  const post = (path: string, fields: Record<string, string>) =>
    asEvaluator().post(path, { _csrf: evaluator.csrf, framework: 'default', ...fields });

  it('shows an evaluator every stage, its methods with explanations and the framework default marked', async () => {
    const page = await asEvaluator().get(`/evaluations/new?periods=${periods}`);
    expect(page.status).to.equal(200);
    for (const stage of [
      '缺失值插补',
      '数据筛选',
      '异常值处理',
      '标准化',
      '赋权',
      '汇总',
      '上卷（报告）',
      '分期',
    ])
      expect(page.html).to.include(`<legend>${stage}</legend>`);
    expect(page.html).to.include('熵权法');
    expect(page.html).to.include('权重来自专家两两比较矩阵');
    expect(page.html.match(/<span class="tag">框架默认<\/span>/g)?.length).to.equal(8);
    expect(page.html).to.match(/name="mc" value="on" checked/);
    expect(page.html).to.include('name="mc.runs" value="500"');
    for (const period of app.demo.periods)
      expect(page.html).to.match(
        new RegExp(`name="periods" value="${period}" id="period-${period}" checked`),
      );
  });

  it('is not there for a viewer, who gets no form', async () => {
    const answer = await new Visitor(app.url, viewer.cookie).get('/evaluations/new');
    expect(answer.status).to.equal(403);
    expect(answer.html).not.to.include('evaluation-form');
  });

  it('proposes a new version when a published evaluation has the same framework and periods', async () => {
    const answer = await post('/evaluations/new', { periods, 'method.weighting': 'equal', mc: '' });
    expect(answer.status).to.equal(422);
    expect(answer.html).to.include('已有同框架、同期次的已发布评估');
    expect(answer.html).to.include(`href="/evaluations/${app.demo.id}/versions/new"`);
    // The form comes back as typed.
    expect(answer.html).to.match(/name="method.weighting" value="equal" id="m-weighting-equal" checked/);
  });

  it('names a field typed wrong in the reader’s language and starts nothing', async () => {
    const answer = await post('/evaluations/new', {
      periods,
      parallel: 'on',
      mc: 'on',
      'mc.runs': 'abc',
      'mc.weights': 'on',
    });
    expect(answer.status).to.equal(422);
    expect(answer.html).to.include('“模拟次数”应为数字，收到“abc”');
    expect(await app.store.evaluations.list({ status: 'draft' })).to.have.length(0);
  });

  it('refuses varying the framework’s weights when the evaluation weighs otherwise', async () => {
    const answer = await post('/evaluations/new', {
      periods,
      parallel: 'on',
      'method.weighting': 'entropy',
      mc: 'on',
      'mc.runs': '20',
      'mc.weights': 'on',
    });
    expect(answer.status).to.equal(422);
    expect(answer.html).to.include('权重随机变动只适用于框架（专家）权重');
  });

  it('checks an AHP matrix without JavaScript: a consistent one has CR 0 and the weights w_i / Σw', async () => {
    const answer = await post('/evaluations/new', {
      periods,
      check: 'ahp',
      'method.weighting': 'ahp',
      'ahp.use.index': 'on',
      ...consistentCells('index', [5, 4, 3, 2, 1]),
    });
    expect(answer.status).to.equal(200);
    expect(unescapeHtml(/<p class="consistency[^"]*"[^>]*>([^<]*)</.exec(answer.html)?.[1] ?? '')).to.include(
      '一致性比率 CR = 0（λmax = 5）',
    );
    // 5/15, 4/15, 3/15, 2/15, 1/15
    expect(answer.html).to.match(/33\.3%.*26\.7%.*20\.0%.*13\.3%.*6\.7%/s);
  });

  it('answers the live check with the engine’s CR: a matrix with a reversed judgement is inconsistent', async () => {
    const ids = await asEvaluator().get('/evaluations/new');
    const node = /data-node="([A-Za-z0-9_]+)"/g;
    const nodes = [...ids.html.matchAll(node)].map((m) => m[1]);
    expect(nodes[0]).to.equal('index');
    // The first dimension beats every other 9 : 1, but the second beats the first 9 : 1 as well.
    const cells = ['1/9', '9', '9', '9', '1', '1', '1', '1', '1', '1'].join(',');
    const live = await asEvaluator().get(
      `/evaluations/new/consistency?framework=default&node=index&cells=${cells}&lang=en`,
    );
    expect(live.status).to.equal(200);
    const view = JSON.parse(live.html) as { text: string; bad: boolean; weights: unknown[] };
    expect(view.bad).to.equal(true);
    expect(view.text).to.match(/^Consistency ratio CR = \d/);
    expect(view.weights).to.have.length(5);
  });

  it('starts the evaluation as a job, follows it and ends on the new draft with the chosen methods', async () => {
    const visitor = asEvaluator();
    const started = await visitor.post('/evaluations/new', {
      _csrf: evaluator.csrf,
      framework: 'default',
      periods,
      parallel: 'on',
      'label.zh': '熵权法试算',
      'method.weighting': 'entropy',
      mc: 'on',
      'mc.runs': '20',
      'mc.seed': '3',
      'mc.aggregation': 'on',
    });
    expect(started.status, started.html).to.equal(303);
    expect(started.location).to.match(/^\/evaluations\/jobs\/[0-9a-f-]+$/);
    const done = await followJob(visitor, started.location ?? '');
    expect(done.status, done.html).to.equal(303);
    const id = /^\/evaluations\/(ev_[A-Za-z0-9_-]+)$/.exec(done.location ?? '')?.[1] ?? '';
    const draft = await app.store.evaluations.get(id);
    draftId = id;
    expect(draft?.status).to.equal('draft');
    expect(draft?.label?.zh).to.equal('熵权法试算');
    expect((draft?.methods as { weighting: { method: string } }).weighting.method).to.equal('entropy');
    expect(draft?.uncertainty).to.deep.equal({
      replications: 20,
      seed: 3,
      normalisation: [{ method: 'minmax', range: [1, 100] }],
      aggregation: [{ method: 'arithmetic' }, { method: 'geometric' }],
    });
    const audit = await app.store.audit.list({ action: 'evaluation.create' });
    expect(audit.some((e) => e.target === id && e.actor === 'form-evaluator')).to.equal(true);
  });

  it('publishes the draft from its page with a reason, warning first that it would be a second version 1', async () => {
    const page = await asEvaluator().get(`/evaluations/${draftId}`);
    expect(page.html).to.include('id="publish-form"');
    expect(page.html).to.include('发布此草稿会出现两个第1版');
    // The review panel: the weighting differs from the demo's, the data do not, and the ranks moved.
    const review = unescapeHtml(/<section class="review[\s\S]*?<\/section>/.exec(page.html)?.[0] ?? '');
    expect(review).to.match(/<th scope="row">赋权<\/th><td>框架（专家）权重[^<]*<\/td><td>熵权法<\/td>/);
    expect(review).to.include('所用数据相同（数据指纹一致）');
    expect(review).to.include('单位：新增 0 个，减少 0 个');
    expect(review).to.match(/斯皮尔曼 ρ = 0\.\d{3}，肯德尔 τ = 0\.\d{3}（[\d,]+ 个单位）/);
    expect(review).to.include(`href="/evaluations/compare?ids=${app.demo.id}%2C${draftId}"`);
    const viewerPage = await new Visitor(app.url, viewer.cookie).get(`/evaluations/${draftId}`);
    expect(viewerPage.status).to.equal(404);
    const noReason = await post(`/evaluations/${draftId}/publish`, { reason: '  ' });
    expect(noReason.status).to.equal(400);
    expect((await app.store.evaluations.get(draftId))?.status).to.equal('draft');
    const published = await post(`/evaluations/${draftId}/publish`, { reason: '方法实验，经组内审阅' });
    expect(published.status).to.equal(303);
    expect(published.location).to.equal(`/evaluations/${draftId}`);
    expect((await app.store.evaluations.get(draftId))?.status).to.equal('published');
    const events = await app.store.audit.list({ action: 'evaluation.publish' });
    expect(events.find((e) => e.target === draftId)?.detail).to.include({ reason: '方法实验，经组内审阅' });
  });

  it('offers a new evaluation on the list to evaluators only', async () => {
    expect((await asEvaluator().get('/evaluations')).html).to.include('href="/evaluations/new"');
    expect((await new Visitor(app.url, viewer.cookie).get('/evaluations')).html).not.to.include(
      'href="/evaluations/new"',
    );
  });

  it('sets the local context from the form: nearest-neighbour peers, progress’s base and target, no expected score', async () => {
    const visitor = asEvaluator();
    const started = await visitor.post('/evaluations/new', {
      _csrf: evaluator.csrf,
      framework: 'default',
      periods,
      parallel: 'on',
      mc: '',
      'ctx.peers': 'nearest',
      'ctx.k': '5',
      'ctx.base': '2024',
      'ctx.target': '2032',
    });
    expect(started.status, started.html).to.equal(303);
    const done = await followJob(visitor, started.location ?? '');
    const id = /^\/evaluations\/(ev_[A-Za-z0-9_-]+)$/.exec(done.location ?? '')?.[1] ?? '';
    const methods = (await app.store.evaluations.get(id))?.methods as Record<string, unknown>;
    expect(methods.peers).to.deep.include({ method: 'nearest', k: 5 });
    expect(methods.progress).to.deep.equal({ base: '2024', target_period: '2032' });
    expect(methods.expected).to.deep.equal({ method: 'none' });
    const results = (await app.store.evaluations.readResults(id)) as Record<string, unknown>;
    expect(results.expected).to.equal(undefined);
    expect(results.peers).not.to.equal(undefined);
  });

  it('refuses a k that is not a whole number, naming it', async () => {
    const answer = await post('/evaluations/new', {
      periods,
      parallel: 'on',
      mc: '',
      'ctx.peers': 'nearest',
      'ctx.k': 'ten',
    });
    expect(answer.status).to.equal(422);
    expect(answer.html).to.include('“近邻个数 k（1–50）”应为数字，收到“ten”');
  });

  it('makes a new version of the published evaluation from its form, with a reason', async () => {
    const form = await asEvaluator().get(`/evaluations/${app.demo.id}/versions/new`);
    expect(form.status).to.equal(200);
    expect(form.html).to.include('name="reason"');
    // The form starts from the previous version's choices and says so.
    expect(form.html.match(/<span class="tag">上一版的选择<\/span>/g)?.length).to.equal(8);
    const refused = await post(`/evaluations/${app.demo.id}/versions`, { periods, mc: '' });
    expect(refused.status).to.equal(422);
    const visitor = asEvaluator();
    const started = await visitor.post(`/evaluations/${app.demo.id}/versions`, {
      _csrf: evaluator.csrf,
      periods,
      reason: '改用等权',
      'method.weighting': 'equal',
      mc: '',
    });
    expect(started.status, started.html).to.equal(303);
    const done = await followJob(visitor, started.location ?? '');
    const id = /^\/evaluations\/(ev_[A-Za-z0-9_-]+)$/.exec(done.location ?? '')?.[1] ?? '';
    const version = await app.store.evaluations.get(id);
    expect(version?.version).to.equal(2);
    expect(version?.supersedes).to.equal(app.demo.id);
    expect(version?.reason).to.equal('改用等权');
    expect(version?.uncertainty).to.equal(null);
  });
});
