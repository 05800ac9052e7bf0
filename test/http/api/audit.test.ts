import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import type { AuditEvent } from '../../../server/store/models/audit-event.js';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { call, demoApi, settle, type ApiFixture } from './api-fixture.js';

interface Page<T> {
  items: T[];
  limit: number;
  offset: number;
  next: number | null;
}

describe('API audit log', function () {
  this.timeout(60_000);
  let api: ApiFixture;
  let wang: SeededUser;
  const header = 'unit_code,period,households,households_in_grids';

  before(async () => {
    api = await demoApi();
    wang = await seedUser(api.store, 'evaluator', { login: 'wang' });
  });

  after(async () => {
    await api.close();
  });

  async function importAsWang(csv: string, name: string): Promise<{ outcome: string; batch: string }> {
    const started = await call<{ id: string }>(
      `${api.url}/imports?kind=observations&period=2026&filename=${encodeURIComponent(name)}`,
      { method: 'POST', as: wang, headers: { 'content-type': 'text/csv' }, body: csv },
    );
    expect(started.status).to.equal(202);
    const job = await settle(api.url, started.body.id, wang);
    return job.result as { outcome: string; batch: string };
  }

  it('records import.commit, import.duplicate and import.fail with the importer as actor', async () => {
    const csv = `${header}\nWY01S01C00,2026,1200,1100\n`;
    const committed = await importAsWang(csv, 'good.csv');
    const duplicate = await importAsWang(csv, 'good.csv');
    const failed = await importAsWang(`${header}\nWY01S01C02,2026,lots,5\n`, 'bad.csv');
    expect([committed.outcome, duplicate.outcome, failed.outcome]).to.deep.equal([
      'committed',
      'duplicate',
      'failed',
    ]);
    const [commit] = await api.store.audit.list({ action: 'import.commit' });
    expect(commit).to.deep.include({ actor: 'wang', target: committed.batch });
    expect(commit!.detail).to.deep.equal({
      fileName: 'good.csv',
      kind: 'observations',
      period: '2026',
      counts: { rows: 1, stored: 1, errors: 0, warnings: 0 },
    });
    const [dup] = await api.store.audit.list({ action: 'import.duplicate' });
    expect(dup).to.deep.include({ actor: 'wang', target: committed.batch });
    const [fail] = await api.store.audit.list({ action: 'import.fail' });
    expect(fail).to.deep.include({ actor: 'wang', target: failed.batch });
    expect(fail!.detail).to.deep.include({
      fileName: 'bad.csv',
      counts: { rows: 1, stored: 0, errors: 1, warnings: 0 },
    });
    // The batch itself names its importer too.
    expect((await api.store.imports.get(committed.batch))?.actor).to.equal('wang');
  });

  it('records an import that could not be read at all as import.fail without a batch', async () => {
    const started = await call<{ id: string }>(`${api.url}/imports?kind=units&filename=junk.xlsx`, {
      method: 'POST',
      as: wang,
      body: 'PK\u0003\u0004 this is not a workbook',
    });
    const job = await settle(api.url, started.body.id, wang);
    expect(job.status).to.equal('failed');
    const events = await api.store.audit.list({ action: 'import.fail', actor: 'wang' });
    const junk = events.find((e) => (e.detail as { fileName?: string }).fileName === 'junk.xlsx');
    expect(junk?.target).to.equal(null);
    expect(junk?.detail).to.deep.include({ kind: 'units', period: null });
  });

  it('records evaluation.create and evaluation.publish with the evaluator as actor', async () => {
    const started = await call<{ id: string }>(`${api.url}/evaluations`, {
      method: 'POST',
      as: wang,
      json: { framework: 'default', periods: ['2025'] },
    });
    const job = await settle(api.url, started.body.id, wang);
    const id = (job.result as { evaluation: string }).evaluation;
    const publish = await call(`${api.url}/evaluations/${id}/publish`, { method: 'POST', as: wang });
    expect(publish.status).to.equal(200);
    const created = await api.store.audit.list({ action: 'evaluation.create', target: id });
    const published = await api.store.audit.list({ action: 'evaluation.publish', target: id });
    expect(created.map((e) => e.actor)).to.deep.equal(['wang']);
    expect(published.map((e) => e.actor)).to.deep.equal(['wang']);
    expect(published[0]!.detail).to.deep.equal({ framework: 'default', periods: ['2025'] });
    expect((await api.store.evaluations.get(id))?.publishedBy).to.equal('wang');
  });

  it('does not audit a publish that failed', async () => {
    const again = await call(`${api.url}/evaluations/${api.demo.id}/publish`, { method: 'POST', as: wang });
    expect(again.status).to.be.within(400, 499);
    expect(await api.store.audit.list({ action: 'evaluation.publish', target: api.demo.id })).to.deep.equal(
      [],
    );
  });

  it('pages the log newest first and filters by actor, action and time', async () => {
    const page = await api.call<Page<AuditEvent>>(`${api.url}/audit?actor=wang&limit=2`);
    expect(page.status).to.equal(200);
    expect(page.body.items).to.have.length(2);
    expect(page.body.next).to.equal(2);
    expect(page.body.items.every((e) => e.actor === 'wang')).to.equal(true);
    expect(page.body.items[0]!.at >= page.body.items[1]!.at).to.equal(true);
    const publishes = await api.call<Page<AuditEvent>>(`${api.url}/audit?action=evaluation.publish`);
    expect(publishes.body.items.map((e) => e.action)).to.deep.equal(['evaluation.publish']);
    const future = await api.call<Page<AuditEvent>>(`${api.url}/audit?since=2999-01-01`);
    expect(future.body.items).to.deep.equal([]);
    const bad = await api.call<{ errors: { where: string }[] }>(`${api.url}/audit?since=yesterday`);
    expect(bad.status).to.equal(400);
    expect(bad.body.errors[0]!.where).to.equal('query.since');
  });

  it('exports CSV with a BOM and neutralises formula-like actor, target and detail cells', async () => {
    await api.store.audit.append({
      actor: '=HYPERLINK("http://x","click")',
      action: 'token.create',
      target: '-2+3',
      detail: '@SUM(A1)',
    });
    const answer = await api.call<string>(
      `${api.url}/audit/export?format=csv&action=token.create&target=${encodeURIComponent('-2+3')}`,
    );
    expect(answer.status).to.equal(200);
    expect(answer.type).to.match(/^text\/csv/);
    expect(answer.headers.get('content-disposition')).to.match(
      /^attachment; filename="?zhili-audit-\d{4}-\d{2}-\d{2}\.csv"?$/,
    );
    // fetch's text() drops a BOM, so read the bytes: EF BB BF first.
    const raw = await fetch(
      `${api.url}/audit/export?format=csv&action=token.create&target=${encodeURIComponent('-2+3')}`,
      {
        headers: api.admin.headers,
      },
    );
    const bytes = Buffer.from(await raw.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(bytes.subarray(3).toString('utf8'));
    expect(rows[0]).to.deep.equal(['时间 at', '操作者 actor', '操作 action', '对象 target', '详情 detail']);
    expect(rows[1]!.slice(1)).to.deep.equal([
      '\'=HYPERLINK("http://x","click")',
      'token.create',
      "'-2+3",
      "'@SUM(A1)",
    ]);
    expect(rows).to.have.length(2);
  });

  it('exports JSON with the same filters', async () => {
    const answer = await api.call<AuditEvent[]>(`${api.url}/audit/export?format=json&actor=wang`);
    expect(answer.body.length).to.be.at.least(5);
    expect(answer.body.every((e) => e.actor === 'wang')).to.equal(true);
    expect((await api.call(`${api.url}/audit/export?format=xml`)).status).to.equal(400);
  });
});
