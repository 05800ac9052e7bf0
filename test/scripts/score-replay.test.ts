import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CliError } from '../../scripts/commands/cli-error.js';
import { readReplay, runChoices } from '../../scripts/commands/score-replay.js';

describe('score --replay: the design file and each run’s choices', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'zhili-replay-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a run with an unknown field, naming the file and the field', async () => {
    const file = path.join(dir, 'bad.json');
    await writeFile(file, JSON.stringify({ runs: [{ id: 'r1', weigths: { Conn: 1 } }] }));
    expect(() => readReplay(file))
      .to.throw(CliError)
      .with.property('message')
      .that.includes('bad.json/runs/0')
      .and.includes('unknown field "weigths"');
  });

  it("sets the winsorisation limit on the command's treatment, keeping its other parameters", () => {
    const base = { treatment: { method: 'winsorise_log', skew: 2, kurtosis: 3.5, winmax: 5 } };
    expect(runChoices(base, { id: 'r', winmax: 2 }).treatment).to.deep.equal({
      method: 'winsorise_log',
      skew: 2,
      kurtosis: 3.5,
      winmax: 2,
    });
  });

  it("puts a run's weights over the framework's unless the run chooses a weighting", () => {
    expect(runChoices({}, { id: 'r', weights: { Conn: 2 } }).weighting).to.deep.equal({
      method: 'framework',
      weights: { Conn: 2 },
    });
    expect(
      runChoices({}, { id: 'r', weights: { Conn: 2 }, methods: { weighting: { method: 'equal' } } })
        .weighting,
    ).to.deep.equal({ method: 'equal' });
  });
});
