/**
 * POST /api/v1/imports?kind=responses: a respondent file imported through the API as a job, its
 * batch and report readable like any import; a framework without survey indicators is refused at
 * once (400), before any job starts.
 */
import { expect } from 'chai';
import { demoApi, type ApiFixture } from './api-fixture.js';

interface Problem {
  readonly detail?: string;
}

describe('API: importing survey responses', function () {
  this.timeout(120_000);
  let api: ApiFixture;
  before(async () => {
    api = await demoApi();
  });
  after(async () => {
    await api.close();
  });

  const post = (query: string, csv: string) =>
    api.call<{ id: string } & Problem>(`${api.url}/imports?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });

  it('commits a respondent file for a period and the store holds its respondents', async () => {
    const started = await post(
      'kind=responses&period=2026&filename=survey.csv',
      'unit_code,weight,satisfaction\nWY01S01C00,1.2,4\nWY01S01C00,0.8,很满意\n',
    );
    expect(started.status).to.equal(202);
    const job = await api.settle(started.body.id);
    expect(job.result).to.deep.include({ outcome: 'committed' });
    const stored = await api.store.responses.current({ period: '2026' });
    expect(stored.map((r) => [r.unit, r.answers.satisfaction, r.weight])).to.deep.equal([
      ['WY01S01C00', 4, 1.2],
      ['WY01S01C00', 5, 0.8],
    ]);
  });

  it('fails a file with an undeclared column and serves the report naming it', async () => {
    const started = await post(
      'kind=responses&period=2026&filename=phones.csv',
      'unit_code,phone,satisfaction\nWY01S01C00,13800000000,4\n',
    );
    const job = await api.settle(started.body.id);
    const { outcome, batch } = job.result as { outcome: string; batch: string };
    expect(outcome).to.equal('failed');
    const report = await api.call<{ issues: { row: number; column: { letter: string }; reason: string }[] }>(
      `${api.url}/imports/${batch}/report`,
    );
    expect(report.body.issues.map((i) => [i.row, i.column.letter, i.reason])).to.deep.equal([
      [1, 'B', 'undeclared_column'],
    ]);
  });

  it('refuses at once a framework without survey indicators', async () => {
    const answer = await post(
      'kind=responses&framework=asem&period=2026',
      'unit_code,satisfaction\nWY01,4\n',
    );
    expect(answer.status).to.equal(400);
    expect(answer.body.detail).to.include('lists no survey indicators');
  });
});
