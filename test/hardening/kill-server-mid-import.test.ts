/**
 * Proof (issue 7): the real server (`npm start`) is killed with SIGKILL while it stores a large
 * observations import that arrived over the REST API. Started again on the same data, it shows
 * the batch as failed, none of its rows (the period's observations are what they were before,
 * and the store holds no row of the batch), and the same file imports cleanly afterwards.
 * Runs on the embedded store and, when a MongoDB-wire server is available, on FerretDB.
 */
import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import type { IntakeVariable } from '../../server/intake/intake-variable.js';
import { indicatorsDir } from '../../server/paths.js';
import { importRecords } from '../../server/store/import-records.js';
import type { ImportBatch } from '../../server/store/models/import-batch.js';
import type { ObservationRow } from '../../server/store/models/observation.js';
import { seedUser, type SeededUser } from '../support/auth.js';
import { mongoUriOrSkip } from '../support/mongo-target.js';
import { openLocation, type StoreLocation } from '../support/store-location.js';
import { syntheticRows } from '../support/synthetic-observations.js';
import { readJob, request, uploadFile, waitForJob, type JobView } from './support/api-client.js';
import { frameworkCsv, registerCommunities } from './support/framework-csv.js';
import { launchZhili, type ZhiliProcess } from './support/zhili-process.js';

const ROWS = 50_000;
const PERIOD = '2025';
/** What the period held before the big import: 10 units with hand-set values. */
const BASELINE: readonly ObservationRow[] = Array.from({ length: 10 }, (_, i) => ({
  unit: `U${String(i).padStart(6, '0')}`,
  period: PERIOD,
  values: { households: 100 + i, households_in_grids: 50 },
}));

interface Page<T> {
  readonly items: readonly T[];
  readonly next: number | null;
}

interface Observed {
  readonly unit: string;
  readonly values: Record<string, number>;
}

/** Units, an admin with an API token, and the baseline batch, written before the server starts. */
async function prepare(location: StoreLocation): Promise<SeededUser> {
  const store = await openLocation(location);
  try {
    const admin = await seedUser(store, 'admin');
    await registerCommunities(
      store,
      syntheticRows(ROWS, PERIOD, 0).map((row) => row.unit),
    );
    const baseline = await importRecords(
      store,
      {
        kind: 'observations',
        actor: 'kill-test',
        fileName: 'baseline.csv',
        sha256: 'b'.repeat(64),
        period: PERIOD,
        periods: [PERIOD],
      },
      BASELINE,
      { tally: { rows: BASELINE.length, errors: 0, warnings: 0 } },
    );
    expect(baseline.outcome).to.equal('committed');
    return admin;
  } finally {
    await store.close();
  }
}

async function currentOf(zhili: ZhiliProcess, admin: SeededUser): Promise<Page<Observed>> {
  const answer = await request<Page<Observed>>(
    `${zhili.url}/api/v1/observations?period=${PERIOD}&limit=500`,
    admin.headers,
  );
  expect(answer.status).to.equal(200);
  return answer.body;
}

function killScenario(where: string, locate: (context: Mocha.Context) => Promise<StoreLocation>): void {
  describe(`on the ${where} store`, function () {
    this.timeout(300_000);
    let location: StoreLocation;
    let dataDir = '';
    let admin: SeededUser;
    let variables: readonly IntakeVariable[];
    let file: Buffer;
    let atKill: JobView;
    let killed: ImportBatch;
    let zhili: ZhiliProcess | undefined;
    let restartSeconds = 0;

    const env = (): Record<string, string> => ({
      DATA_DIR: dataDir,
      ZHILI_DEMO: 'off',
      ...(location.kind === 'mongo' ? { MONGODB_URI: location.uri } : {}),
    });

    before(async function () {
      location = await locate(this);
      dataDir =
        location.kind === 'embedded'
          ? location.dataDir
          : await mkdtemp(path.join(os.tmpdir(), 'zhili-kill-'));
      variables = (await loadRegistry(indicatorsDir)).resolveFramework('default').variables;
      file = frameworkCsv(variables, syntheticRows(ROWS, PERIOD, variables.length));
      admin = await prepare(location);
      zhili = await launchZhili(env());
      const job = await uploadFile(zhili.url, admin.headers, file, {
        kind: 'observations',
        period: PERIOD,
        filename: 'big.csv',
      });
      atKill = await waitForJob(
        zhili.url,
        admin.headers,
        job.id,
        (j) => j.progress.step === 'storing' && j.progress.done > 0,
      );
      await zhili.kill();
      const restarting = performance.now();
      zhili = await launchZhili(env());
      restartSeconds = (performance.now() - restarting) / 1000;
    });

    after(async () => {
      await zhili?.stop();
      if (dataDir !== '') await rm(dataDir, { recursive: true, force: true });
    });

    it('killed the server while it was storing rows, before the commit', () => {
      expect(atKill.status).to.equal('running');
      expect(atKill.progress.step).to.equal('storing');
      expect(atKill.progress.done).to.be.greaterThan(0).and.lessThan(ROWS);
      console.log(
        `      (killed with ${atKill.progress.done} of ${ROWS} rows stored; ` +
          `npm start to listening again, recovery included: ${restartSeconds.toFixed(1)} s)`,
      );
    });

    it('shows the interrupted batch as failed, with nothing stored', async () => {
      const batches = await request<Page<ImportBatch>>(
        `${zhili!.url}/api/v1/imports?limit=50`,
        admin.headers,
      );
      const big = batches.body.items.filter((b) => b.fileName === 'big.csv');
      expect(big).to.have.length(1);
      killed = big[0]!;
      expect(killed.status).to.equal('failed');
      expect(killed.failure).to.match(/^interrupted/);
      expect(killed.committedAt).to.equal(null);
      expect(killed.counts.stored).to.equal(0);
    });

    it('shows the period exactly as before the import: the baseline rows only', async () => {
      const current = await currentOf(zhili!, admin);
      expect(current.next).to.equal(null);
      expect(current.items.map(({ unit, values }) => ({ unit, period: PERIOD, values }))).to.deep.equal(
        BASELINE,
      );
    });

    it('imports the same file again: committed, every row visible', async () => {
      const again = await uploadFile(zhili!.url, admin.headers, file, {
        kind: 'observations',
        period: PERIOD,
        filename: 'big.csv',
      });
      const done = await waitForJob(zhili!.url, admin.headers, again.id);
      expect(done.error).to.equal(null);
      expect(done.result?.outcome).to.equal('committed');
      const last = await request<Page<Observed>>(
        `${zhili!.url}/api/v1/observations?period=${PERIOD}&limit=2&offset=${ROWS - 1}`,
        admin.headers,
      );
      expect(last.body.items).to.have.length(1);
      expect(last.body.next).to.equal(null);
      // U049999 is the 50,000th unit; its households as the file's last line has them.
      const lastLine = file.toString('utf8').trimEnd().split('\r\n').at(-1)!.split(',');
      const households = variables.findIndex((v) => v.name === 'households');
      expect(last.body.items[0]!.unit).to.equal('U049999').and.equal(lastLine[0]);
      expect(last.body.items[0]!.values.households).to.equal(Number(lastLine[households + 1]));
      const first = await currentOf(zhili!, admin);
      expect(first.items[0]!.values).not.to.deep.equal(BASELINE[0]!.values);
      const job = await readJob(zhili!.url, admin.headers, again.id);
      expect(job.result?.status).to.equal('committed');
    });

    it('holds no row of the killed batch in the store', async () => {
      await zhili!.stop();
      zhili = undefined;
      const store = await openLocation(location);
      try {
        expect(await store.imports.storedRowCount(killed.id)).to.equal(0);
        expect((await store.imports.get(killed.id))?.status).to.equal('failed');
        expect(await store.observations.current({ period: PERIOD })).to.have.length(ROWS);
      } finally {
        await store.close();
      }
    });
  });
}

describe('killing the server in the middle of an API import', () => {
  killScenario('embedded', async () => ({
    kind: 'embedded',
    dataDir: await mkdtemp(path.join(os.tmpdir(), 'zhili-kill-')),
  }));
  killScenario('mongo (FerretDB)', (context) =>
    Promise.resolve({ kind: 'mongo', uri: mongoUriOrSkip(context) }),
  );
});
