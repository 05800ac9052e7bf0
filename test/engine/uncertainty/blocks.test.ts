import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { blockFromJson, blockToJson } from '../../../server/engine/uncertainty/block-json.js';
import { mergeReplicationBlocks, runReplicationBlock } from '../../../server/engine/uncertainty/blocks.js';
import { runUncertaintyInProcess } from '../../../server/engine/uncertainty/in-process.js';
import { prepareUncertainty } from '../../../server/engine/uncertainty/prepare.js';
import type { UncertaintyResult } from '../../../server/engine/uncertainty/result.js';
import { ValidationError } from '../../../server/errors.js';
import { projectRoot } from '../../../server/paths.js';
import { panelBase } from './fixtures.js';
import { splitInput, splitSettings } from './split-settings.js';

/** The whole result as bytes: typed arrays as their element lists, everything else as JSON has it. */
function bytesOf(result: UncertaintyResult): string {
  return JSON.stringify(result, (_key, value: unknown) =>
    ArrayBuffer.isView(value) && !(value instanceof DataView)
      ? { [value.constructor.name]: Array.from(value as unknown as ArrayLike<number>) }
      : value,
  );
}

const prepared = () => prepareUncertainty(splitInput, panelBase, splitSettings);

/** Runs `FROM TO` of the split analysis in a child process; resolves to the block it prints. */
function childBlock(from: number, to: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/support/uncertainty-block-child.ts', String(from), String(to)],
      { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve(JSON.parse(out));
      else reject(new Error(`block child exited with ${String(code)}: ${err}`));
    });
  });
}

describe('uncertainty: one analysis split by replication block', () => {
  const whole = runUncertaintyInProcess(splitInput, panelBase, splitSettings);

  it('has runs and level ranks to split (9 samples × (5 factors + 2) runs, streets and districts)', () => {
    expect(whole.runs).to.equal(63);
    expect(whole.levels.map((l) => l.codes)).to.deep.equal([
      ['s1', 's2', 's3'],
      ['d1', 'd2'],
    ]);
    expect(whole.levelRanks.length).to.equal(63 * 2 * (3 + 2));
  });

  it('merges [0, k) and [k, n) into the whole run, byte for byte', () => {
    const p = prepared();
    const merged = mergeReplicationBlocks(p, [runReplicationBlock(p, 0, 31), runReplicationBlock(p, 31, 63)]);
    expect(bytesOf(merged)).to.equal(bytesOf(whole));
    expect(Buffer.from(merged.ranks.buffer).equals(Buffer.from(whole.ranks.buffer))).to.equal(true);
  });

  it('gives the same bytes for uneven blocks given in reverse order, and after a JSON round trip', () => {
    const p = prepared();
    const blocks = [
      [0, 1],
      [1, 40],
      [40, 62],
      [62, 63],
    ].map(([from, to]) =>
      blockFromJson(JSON.parse(JSON.stringify(blockToJson(runReplicationBlock(p, from!, to!))))),
    );
    expect(bytesOf(mergeReplicationBlocks(p, blocks.reverse()))).to.equal(bytesOf(whole));
  });

  it('refuses a missing run, an overlap, and a block of another analysis, naming the block', () => {
    const p = prepared();
    const a = runReplicationBlock(p, 0, 30);
    const b = runReplicationBlock(p, 30, 63);
    const problem = (blocks: Parameters<typeof mergeReplicationBlocks>[1]): string => {
      try {
        mergeReplicationBlocks(p, blocks);
      } catch (error) {
        expect(error).to.be.instanceOf(ValidationError);
        return (error as Error).message;
      }
      return expect.fail('the blocks were merged');
    };
    expect(problem([a])).to.contain('runs 30–62 are missing');
    expect(problem([a, runReplicationBlock(p, 29, 63)])).to.contain('block [29, 63) overlaps runs before 30');
    const other = prepareUncertainty(splitInput, panelBase, { ...splitSettings, seed: 18 });
    expect(problem([a, runReplicationBlock(other, 30, 63)])).to.contain(
      'block [30, 63) belongs to another analysis',
    );
    expect(() => runReplicationBlock(p, 10, 64)).to.throw(ValidationError, '0 ≤ from < to ≤ 63');
    expect(mergeReplicationBlocks(p, [b, a]).runs).to.equal(63);
  });

  it('merges blocks run by two child processes into the whole run, byte for byte', async function () {
    this.timeout(60_000);
    const blocks = await Promise.all([childBlock(0, 20), childBlock(20, 63)]);
    const merged = mergeReplicationBlocks(prepared(), blocks.map(blockFromJson));
    expect(bytesOf(merged)).to.equal(bytesOf(whole));
  });
});
