/**
 * Store contract, a crash in the middle of an import: a child process starts a large import and
 * is killed with SIGKILL after its first appends. Reopening the store must fail that batch,
 * show none of its rows, and let a fresh import of the same file succeed.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../server/paths.js';
import { importRecords } from '../../server/store/import-records.js';
import { openLocation, type FreshLocation, type StoreLocation } from '../support/store-location.js';
import { syntheticRows, syntheticSha } from '../support/synthetic-observations.js';

const ROWS = 60_000;
const PERIOD = '2025';

/** Runs the import child and kills it once it has reported `appends` appends; resolves its output. */
async function killMidImport(location: StoreLocation, appends: number): Promise<string> {
  const script = path.join(projectRoot, 'test', 'support', 'import-child.ts');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', script, JSON.stringify(location), String(ROWS), PERIOD],
    {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the import child did not reach ${appends} appends in time:\n${output}`));
    }, 45_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if ((output.match(/^progress /gm) ?? []).length >= appends && child.exitCode === null)
        child.kill('SIGKILL');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve(output);
      else reject(new Error(`the import child ended by itself (${String(signal)}):\n${output}`));
    });
  });
}

export function crashContract(fresh: FreshLocation): void {
  describe('a process killed in the middle of an import', function () {
    this.timeout(120_000);
    let location: StoreLocation;
    let output = '';

    before(async function () {
      location = await fresh(this);
      output = await killMidImport(location, 3);
    });

    it('was killed after some appends and before its commit', () => {
      expect(output).to.match(/^progress 3000$/m);
      expect(output).not.to.include('committed');
    });

    it('leaves a failed batch with no rows and nothing visible, then imports the file afresh', async () => {
      const store = await openLocation(location);
      try {
        const batches = await store.imports.list();
        expect(batches).to.have.length(1);
        const [killed] = batches;
        expect(killed?.status).to.equal('failed');
        expect(killed?.failure).to.match(/^interrupted/);
        expect(await store.imports.storedRowCount(killed!.id)).to.equal(0);
        expect(await store.observations.current({ period: PERIOD })).to.deep.equal([]);

        const rows = syntheticRows(ROWS, PERIOD);
        const again = await importRecords(
          store,
          {
            kind: 'observations',
            actor: 'kill-test',
            fileName: 'big.csv',
            sha256: syntheticSha(ROWS, PERIOD),
            period: PERIOD,
            periods: [PERIOD],
          },
          rows,
          { tally: { rows: ROWS, errors: 0, warnings: 0 } },
        );
        expect(again.outcome).to.equal('committed');
        const current = await store.observations.current({ period: PERIOD });
        expect(current).to.have.length(ROWS);
        expect(current[ROWS - 1]?.values).to.deep.equal(rows[ROWS - 1]?.values);
      } finally {
        await store.close();
      }
    });
  });
}
