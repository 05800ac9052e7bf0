import { expect } from 'chai';
import { openApiDocument } from '../../../server/http/api/openapi.js';
import { demoApi, type ApiFixture } from './api-fixture.js';

interface Page<T> {
  items: T[];
  limit: number;
  offset: number;
  next: number | null;
}
interface Problem {
  code: string;
  status: number;
  errors?: { where?: string; message: string }[];
}

describe('REST API /api/v1', function () {
  this.timeout(60_000);
  let api: ApiFixture;

  before(async () => {
    api = await demoApi();
  });

  after(async () => {
    await api.close();
  });

  describe('units', () => {
    it('pages through units with limit, offset and next', async () => {
      const first = await api.call<Page<{ code: string }>>(`${api.url}/units?limit=10`);
      expect(first.status).to.equal(200);
      expect(first.body.items).to.have.length(10);
      expect(first.body.next).to.equal(10);
      const second = await api.call<Page<{ code: string }>>(`${api.url}/units?limit=10&offset=10`);
      expect(second.body.items[0]!.code).not.to.equal(first.body.items[0]!.code);
    });

    it('filters by level: the demo city has 7 districts', async () => {
      const districts = await api.call<Page<{ level: string }>>(`${api.url}/units?level=district`);
      expect(districts.body.items).to.have.length(7);
      expect(districts.body.next).to.equal(null);
    });

    it('lists the children of a unit', async () => {
      const streets = await api.call<Page<{ parent: string }>>(`${api.url}/units?parent=WY03`);
      expect(streets.body.items).to.have.length(12);
      expect(streets.body.items.every((s) => s.parent === 'WY03')).to.equal(true);
    });

    it('rejects a limit above 500 with a problem naming the parameter', async () => {
      const answer = await api.call<Problem>(`${api.url}/units?limit=501`);
      expect(answer.status).to.equal(400);
      expect(answer.type).to.match(/problem\+json/);
      expect(answer.body.errors?.[0]?.where).to.equal('query.limit');
    });

    it('answers 404 for an unknown unit code', async () => {
      const answer = await api.call<Problem>(`${api.url}/units/NOPE`);
      expect(answer.status).to.equal(404);
      expect(answer.body.code).to.equal('not_found');
    });
  });

  describe('observations', () => {
    it('returns the current observations of one unit in a period', async () => {
      const answer = await api.call<Page<{ unit: string; values: Record<string, number> }>>(
        `${api.url}/observations?period=2025&unit=WY01S01C00`,
      );
      expect(answer.body.items).to.have.length(1);
      expect(answer.body.items[0]!.values).to.have.property('households');
    });

    it('requires a period', async () => {
      expect((await api.call<Problem>(`${api.url}/observations`)).status).to.equal(400);
    });
  });

  describe('frameworks', () => {
    it('lists the catalogue frameworks with their hashes', async () => {
      const answer = await api.call<{ items: { id: string; hash: string }[] }>(`${api.url}/frameworks`);
      const ids = answer.body.items.map((f) => f.id);
      expect(ids).to.include.members(['default', 'sdg_style']);
      expect(answer.body.items[0]!.hash).to.match(/^sha256:/);
    });

    it('serves the data-collection template as CSV with bilingual headers', async () => {
      const answer = await api.call<string>(`${api.url}/frameworks/default/template?format=csv`);
      expect(answer.status).to.equal(200);
      expect(answer.type).to.match(/text\/csv/);
      expect(answer.body).to.include('households｜常住户数');
    });

    it('answers 404 for an unknown framework', async () => {
      expect((await api.call<Problem>(`${api.url}/frameworks/nope`)).status).to.equal(404);
    });
  });

  describe('evaluations', () => {
    it('lists the published demo evaluation', async () => {
      const answer = await api.call<Page<{ id: string; status: string }>>(
        `${api.url}/evaluations?status=published`,
      );
      expect(answer.body.items.map((e) => e.id)).to.include(api.demo.id);
    });

    it('runs an evaluation as a job, then publishes it', async () => {
      const started = await api.call<{ id: string }>(`${api.url}/evaluations`, {
        method: 'POST',
        json: { framework: 'sdg_style', periods: ['2024', '2025'] },
      });
      expect(started.status).to.equal(202);
      const job = await api.settle(started.body.id);
      expect(job.status).to.equal('succeeded');
      const id = (job.result as { evaluation: string }).evaluation;
      const evaluation = await api.call<{ status: string; framework: { id: string } }>(
        `${api.url}/evaluations/${id}`,
      );
      expect(evaluation.body).to.deep.include({ status: 'draft' });
      expect(evaluation.body.framework.id).to.equal('sdg_style');
      const results = await api.call<{ periods: string[]; units: string[] }>(
        `${api.url}/evaluations/${id}/results`,
      );
      expect(results.body.periods).to.deep.equal(['2024', '2025']);
      expect(results.body.units).to.have.length(1000);
      const published = await api.call<{ status: string }>(`${api.url}/evaluations/${id}/publish`, {
        method: 'POST',
      });
      expect(published.body.status).to.equal('published');
    });

    it('runs a Monte Carlo analysis when asked and refuses bad settings in the job', async () => {
      const post = (uncertainty: unknown) =>
        api.call<{ id: string }>(`${api.url}/evaluations`, {
          method: 'POST',
          json: { framework: 'default', periods: ['2025'], uncertainty },
        });
      const good = await api.settle(
        (await post({ replications: 20, seed: 1, weights: { method: 'uniform', range: 0.2 } })).body.id,
      );
      expect(good.status).to.equal('succeeded');
      const id = (good.result as { evaluation: string }).evaluation;
      const results = await api.call<{ uncertainty: { runs: number; p5: (number | null)[] } }>(
        `${api.url}/evaluations/${id}/results`,
      );
      expect(results.body.uncertainty.runs).to.equal(20);
      expect(results.body.uncertainty.p5).to.have.length(1000);
      const bad = await api.settle((await post({ replications: 0 })).body.id);
      expect(bad.status).to.equal('failed');
      expect(JSON.stringify(bad.error)).to.include('uncertainty.replications');
    });

    it('refuses an unknown field in the request body', async () => {
      const answer = await api.call<Problem>(`${api.url}/evaluations`, {
        method: 'POST',
        json: { framework: 'default', periods: ['2025'], colour: 'red' },
      });
      expect(answer.status).to.equal(400);
      expect(answer.body.errors?.[0]).to.deep.equal({ where: 'body', message: 'unknown field "colour"' });
    });

    it('refuses an unknown framework before starting a job', async () => {
      const answer = await api.call<Problem>(`${api.url}/evaluations`, {
        method: 'POST',
        json: { framework: 'nope', periods: ['2025'] },
      });
      expect(answer.status).to.equal(404);
    });

    it('reports a failed job with the reason when a period has no data', async () => {
      const started = await api.call<{ id: string }>(`${api.url}/evaluations`, {
        method: 'POST',
        json: { framework: 'default', periods: ['1999'] },
      });
      const job = await api.settle(started.body.id);
      expect(job.status).to.equal('failed');
      expect(JSON.stringify(job.error)).to.include('no committed observations for period 1999');
    });
  });

  describe('imports', () => {
    const header = 'unit_code,period,households,households_in_grids';

    async function upload(csv: string, name: string): Promise<{ status: string; result: unknown }> {
      const started = await api.call<{ id: string }>(
        `${api.url}/imports?kind=observations&period=2026&filename=${encodeURIComponent(name)}`,
        { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv },
      );
      expect(started.status).to.equal(202);
      return api.settle(started.body.id);
    }

    it('commits a good file, and a second upload of the same file is a duplicate', async () => {
      const csv = `${header}\nWY01S01C00,2026,1200,1100\nWY01S01C01,2026,900,850\n`;
      const first = await upload(csv, 'good.csv');
      expect(first.result).to.deep.include({ outcome: 'committed' });
      const second = await upload(csv, 'good.csv');
      expect(second.result).to.deep.include({ outcome: 'duplicate' });
      const observations = await api.call<Page<{ values: Record<string, number> }>>(
        `${api.url}/observations?period=2026&unit=WY01S01C00`,
      );
      expect(observations.body.items[0]!.values).to.deep.equal({
        households: 1200,
        households_in_grids: 1100,
      });
    });

    it('fails a file with a bad cell and serves its report by row and column, as CSV too', async () => {
      const result = await upload(`${header}\nWY01S01C02,2026,lots,5\n`, 'bad.csv');
      const { outcome, batch } = result.result as { outcome: string; batch: string };
      expect(outcome).to.equal('failed');
      const report = await api.call<string>(`${api.url}/imports/${batch}/report?format=csv`);
      expect(report.type).to.match(/text\/csv/);
      // Row 2 (the header is row 1), column C holds "lots" where an integer was expected.
      expect(report.body.split('\n')[1]).to.match(/^2,C,households,lots,/);
    });

    it('refuses an empty upload', async () => {
      const answer = await api.call<Problem>(`${api.url}/imports?kind=observations&period=2026`, {
        method: 'POST',
        body: '',
      });
      expect(answer.status).to.equal(400);
    });
  });

  describe('OpenAPI document', () => {
    it('is served at /api/openapi.json', async () => {
      const answer = await api.call<{ openapi: string; paths: Record<string, unknown> }>(
        api.url.replace('/v1', '/openapi.json'),
      );
      expect(answer.body.openapi).to.match(/^3\./);
      expect(Object.keys(answer.body.paths)).to.include('/evaluations');
    });

    it('documents only paths that have a route', async () => {
      const ids: Record<string, string> = { code: 'WY01', period: '2025', id: 'default' };
      for (const [path, item] of Object.entries(openApiDocument.paths)) {
        if (!('get' in item)) continue;
        const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => ids[name] ?? 'x');
        const answer = await api.call<Problem>(
          `${api.url}${url}${path === '/observations' ? '?period=2025' : ''}`,
        );
        expect(JSON.stringify(answer.body), path).not.to.include('nothing at GET');
      }
    });
  });
});
