import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { runUncertaintyInProcess } from '../../server/engine/uncertainty/in-process.js';
import { prepareUncertainty } from '../../server/engine/uncertainty/prepare.js';
import type { ReplicationRecord } from '../../server/engine/uncertainty/record.js';
import { ValidationError } from '../../server/errors.js';
import { projectRoot } from '../../server/paths.js';
import { runReplicationsInWorkers } from '../../server/workers/replication-pool.js';
import { runUncertainty } from '../../server/workers/run-uncertainty.js';
import { panel, panelBase } from '../engine/uncertainty/fixtures.js';

const settings = {
  seed: 21,
  replications: 5,
  sensitivity: true,
  weights: { method: 'uniform', range: 0.3 },
  imputation: [{ method: 'none' }, { method: 'group_median', group: 'peer' }],
  treatment: true,
  normalisation: [{ method: 'minmax', range: [1, 100] }, { method: 'rank' }],
  aggregation: [{ method: 'arithmetic' }, { method: 'geometric' }],
};

describe('workers: replications over worker threads', function () {
  this.timeout(120_000);

  it('gives bit-identical results on this thread and over 1, 2 and 3 workers', async () => {
    const here = runUncertaintyInProcess(panel, panelBase, settings);
    expect(here.runs).to.equal(5 * 7);
    for (const workers of [1, 2, 3]) {
      const pooled = await runUncertainty(panel, panelBase, settings, { workers, batchSize: 4 });
      expect(Buffer.from(pooled.ranks.buffer).equals(Buffer.from(here.ranks.buffer)), `${workers} workers`).to
        .be.true;
      expect(pooled.records).to.deep.equal(here.records);
      expect(Array.from(pooled.statistics.median)).to.deep.equal(Array.from(here.statistics.median));
      expect(pooled.sensitivity).to.deep.equal(here.sensitivity);
    }
  });

  it('ranks the levels above the units identically on this thread and over 2 workers', async () => {
    const tree = {
      ...panel,
      units: {
        ...panel.units,
        parents: ['s1', 's1', 's1', 's2', 's2', 's2', 's3', 's3', 's3', 's3'],
        ancestors: new Map([
          ['s1', 'd1'],
          ['s2', 'd1'],
          ['s3', 'd2'],
        ]),
      },
    };
    const here = runUncertaintyInProcess(tree, panelBase, settings);
    const pooled = await runUncertainty(tree, panelBase, settings, { workers: 2, batchSize: 3 });
    // Three streets and two districts over two periods, in every one of the 35 runs.
    expect(here.levelRanks.length).to.equal(35 * (3 * 2 + 2 * 2));
    expect(Buffer.from(pooled.levelRanks.buffer).equals(Buffer.from(here.levelRanks.buffer))).to.be.true;
    expect(pooled.levels).to.deep.equal(here.levels);
  });

  it('reports progress up to the number of runs', async () => {
    const seen: number[] = [];
    const result = await runUncertainty(
      panel,
      panelBase,
      { ...settings, sensitivity: false, replications: 9 },
      { workers: 2, batchSize: 2, onProgress: (done) => seen.push(done) },
    );
    expect(seen.at(-1)).to.equal(result.runs);
    expect(seen).to.deep.equal([...seen].sort((a, b) => a - b));
  });

  it('rejects a failing replication with its index and the pipeline’s error', async () => {
    const prepared = prepareUncertainty(panel, panelBase, { replications: 1, treatment: true });
    const broken: ReplicationRecord = {
      index: 0,
      matrix: 'A',
      sample: 0,
      picks: {},
      choices: { aggregation: { method: 'median_of_means' } },
    };
    let caught: unknown;
    try {
      await runReplicationsInWorkers(prepared.payload, [broken], prepared.nominal.rowCount, { workers: 1 });
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(ValidationError);
    expect((caught as ValidationError).message).to.match(
      /^replication 0 .*failed: .*unknown method "median_of_means"/,
    );
  });

  it('refuses a negative number of workers', async () => {
    let caught: unknown;
    try {
      await runUncertainty(panel, panelBase, settings, { workers: -1 });
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(ValidationError);
  });

  it('starts its workers under the tsx command as well as under mocha', async () => {
    const tsx = path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const script = path.join(projectRoot, 'test', 'workers', 'fixtures', 'pool-under-tsx.ts');
    const { stdout } = await promisify(execFile)(process.execPath, [tsx, script], { cwd: projectRoot });
    expect(JSON.parse(stdout.trim())).to.deep.equal({ runs: 6, identical: true });
  });
});
