import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runPipeline } from '../../server/engine/pipeline.js';
import { writeScoreFiles } from '../../scripts/commands/score-output.js';
import { smallInput } from '../engine/support/small-input.js';
import { HOSTILE_CELLS, expectInertCsv } from '../support/csv-injection.js';

describe('score output files', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'zhili-score-output-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a unit code with a lone CR or LF in one quoted cell of scores.csv and ranks.csv', () => {
    const input = smallInput({
      units: [...HOSTILE_CELLS],
      indicators: [{ id: 'x', parent: 'index', values: [[1, 2, 3]] }],
    });
    writeScoreFiles(runPipeline(input, { treatment: { method: 'none' } }), dir, { unitColumn: 'uCode' });
    for (const file of ['scores.csv', 'ranks.csv']) {
      const records = expectInertCsv(readFileSync(path.join(dir, file), 'utf8'), 1 + HOSTILE_CELLS.length);
      expect(records.slice(1).map((record) => record[0])).to.deep.equal(HOSTILE_CELLS);
    }
  });

  it('writes negative scores as numbers, not as neutralised text', () => {
    const input = smallInput({
      units: ['a', 'b', 'c'],
      indicators: [{ id: 'x', parent: 'index', values: [[1, 2, 3]] }],
    });
    const result = runPipeline(input, { treatment: { method: 'none' }, normalisation: { method: 'zscore' } });
    writeScoreFiles(result, dir, { unitColumn: 'uCode' });
    const [, first] = readFileSync(path.join(dir, 'scores.csv'), 'utf8').split('\n');
    expect(first).to.equal(
      `a,${String(result.normalised.values.get('x')![0])},${String(result.scores.values.get('index')![0])}`,
    );
    expect(first).to.match(/^a,-1,/);
  });
});
