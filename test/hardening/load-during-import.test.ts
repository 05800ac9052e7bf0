/**
 * Proof (issue 7): 200 concurrent report requests during an import, no errors. The real server
 * (`npm start`, the demo city evaluated and published) receives a 20,000-row observations import
 * over the API; while its job runs, 200 requests go out at once — ranking and unit pages as a
 * logged-in viewer, the results JSON, the units list — and every one must answer 200, and the
 * import must still commit. scripts/bench/load-bench.ts is the full-size version with figures.
 */
import { expect } from 'chai';
import {
  quarters,
  importFile,
  reportTargets,
  startLoadServer,
  summarise,
  wave,
  type LoadServer,
  type Sample,
} from '../../scripts/bench/load-bench.js';
import { readJob, request, uploadFile, waitForJob, type JobView } from './support/api-client.js';

const CONCURRENT = 200;
const PERIODS = quarters(1980, 20);

interface Page<T> {
  readonly items: readonly T[];
  readonly next: number | null;
}

describe('200 concurrent report requests during an import', function () {
  this.timeout(300_000);
  let server: LoadServer;
  let started: LoadServer | undefined;
  let samples: Sample[];
  let atWave: JobView;
  let done: JobView;
  let waveSeconds = 0;
  let waveStarted = 0;

  before(async () => {
    server = started = await startLoadServer();
    const file = await importFile(server.communities, PERIODS);
    const job = await uploadFile(server.url, server.admin.headers, file, {
      kind: 'observations',
      filename: 'under-load.csv',
    });
    atWave = await waitForJob(server.url, server.admin.headers, job.id, (j) => j.progress.step !== 'queued');
    waveStarted = Date.now();
    const waveFrom = performance.now();
    samples = await wave(reportTargets(server, CONCURRENT));
    waveSeconds = (performance.now() - waveFrom) / 1000;
    done = await waitForJob(server.url, server.admin.headers, job.id);
  });

  after(async () => {
    await started?.close();
  });

  it('sent all 200 while the import job was running, and had answers before it finished', () => {
    expect(atWave.status).to.equal('running');
    expect(samples).to.have.length(CONCURRENT);
    expect(new Set(samples.map((s) => s.kind))).to.have.length(4);
    const finished = Date.parse(done.finishedAt ?? '');
    const answeredDuring = samples.filter((s) => waveStarted + s.ms < finished).length;
    expect(answeredDuring).to.be.greaterThan(0);
    const summary = summarise(samples, waveSeconds);
    console.log(
      `      (${CONCURRENT} at once, ${answeredDuring} answered before the import finished; ` +
        `p50 ${summary.p50.toFixed(0)} ms, p95 ${summary.p95.toFixed(0)} ms, max ${summary.max.toFixed(0)} ms)`,
    );
  });

  it('answers every one of them with 200', () => {
    const failed = samples
      .filter((s) => s.status !== 200)
      .map((s) => `${s.status} ${s.url} ${s.error ?? ''}`);
    expect(failed).to.deep.equal([]);
  });

  it('still commits the import, every row visible', async () => {
    expect(done.error).to.equal(null);
    expect(done.result?.outcome).to.equal('committed');
    const batch = await request<{ status: string; counts: { stored: number } }>(
      `${server.url}/api/v1/imports/${done.result?.batch ?? ''}`,
      server.admin.headers,
    );
    expect(batch.body.status).to.equal('committed');
    expect(batch.body.counts.stored).to.equal(server.communities.length * PERIODS.length);
    const last = await request<Page<{ unit: string }>>(
      `${server.url}/api/v1/observations?period=${PERIODS.at(-1) ?? ''}&limit=1&offset=${server.communities.length - 1}`,
      server.admin.headers,
    );
    expect(last.body.items).to.have.length(1);
    expect(last.body.next).to.equal(null);
    expect((await readJob(server.url, server.admin.headers, done.id)).status).to.equal('succeeded');
  });
});
