import { expect } from 'chai';
import { checkFolder } from '../../server/indicators/load-registry.js';
import { formatProblem } from '../../server/indicators/problem.js';
import type { LoadedIndicator } from '../../server/indicators/registry-types.js';
import { describeOutcome, runFixtures } from '../../server/indicators/run-fixtures.js';
import { indicatorsDir } from '../../server/paths.js';
import { copyFolder } from './temp-folder.js';

/** Every failing fixture of the given indicators, one line each. */
function failures(indicators: Iterable<LoadedIndicator>): string[] {
  return [...indicators].flatMap((indicator) =>
    runFixtures(indicator)
      .filter((result) => !result.pass)
      .map(
        (result) =>
          `${indicator.file} fixture "${result.fixture}": expected ${describeOutcome(result.expected)}, got ${describeOutcome(result.actual)}`,
      ),
  );
}

describe('the catalogue in indicators/', () => {
  it('loads with no problem', async () => {
    const { problems } = await checkFolder(indicatorsDir);
    expect(problems.map(formatProblem)).to.deep.equal([]);
  });

  it("passes every indicator's fixtures", async () => {
    const { indicators } = await checkFolder(indicatorsDir);
    expect(indicators.size).to.be.above(0);
    expect(failures(indicators.values())).to.deep.equal([]);
  });

  it('catches a wrong fixture, saying what was expected and what came out', async () => {
    const folder = await copyFolder(indicatorsDir);
    try {
      const { indicators } = await checkFolder(folder.dir);
      const target = [...indicators.values()].find((indicator) =>
        indicator.definition.fixtures.some((fixture) => typeof fixture.expected === 'number'),
      );
      if (target === undefined) throw new Error('the catalogue has no fixture expecting a number');
      const definition = await folder.readJson(target.file);
      const fixtures = definition.fixtures as { name: string; expected: number | null }[];
      const wrong = fixtures.find((fixture) => typeof fixture.expected === 'number')!;
      const right = wrong.expected!;
      wrong.expected = right + 1;
      await folder.writeJson(target.file, definition);

      const rechecked = await checkFolder(folder.dir);
      const lines = failures(rechecked.indicators.values());
      expect(lines).to.deep.equal([
        `${target.file} fixture "${wrong.name}": expected ${right + 1}, got ${describeOutcome({ value: right })}`,
      ]);
    } finally {
      await folder.remove();
    }
  });
});
