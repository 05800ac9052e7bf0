/**
 * `indicators check [dir]`: validates every definition and runs every fixture. Prints
 * "OK: …" with the counts, or every problem as `file pointer: message (expected X, found Y)` and
 * exits 1.
 */
import type { Command } from 'commander';
import { checkFolder } from '../../server/indicators/load-registry.js';
import { formatProblem } from '../../server/indicators/problem.js';
import { fixtureProblems } from '../../server/indicators/run-fixtures.js';
import { CliError } from './cli-error.js';
import { definitionsDir } from './indicators-io.js';

export function registerIndicatorsCheck(indicators: Command): void {
  indicators
    .command('check')
    .description('validate every definition and run every fixture (exit 1 with the full list of problems)')
    .argument('[dir]', 'the definitions folder (default: indicators/)')
    .action(async (dir: string | undefined) => {
      const folder = definitionsDir(dir);
      const checked = await checkFolder(folder);
      // Fixtures of a definition with problems would only repeat them; run the others'.
      const troubled = new Set(checked.problems.map((problem) => problem.file));
      const fixtures = [...checked.indicators.values()]
        .filter((indicator) => !troubled.has(indicator.file))
        .flatMap(fixtureProblems);
      const problems = [...checked.problems, ...fixtures];
      if (problems.length > 0 || checked.registry === undefined) {
        throw new CliError(
          [
            ...problems.map(formatProblem),
            `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${folder}`,
          ].join('\n'),
        );
      }
      const registry = checked.registry;
      const fixtureCount = [...registry.indicators.values()].reduce(
        (n, i) => n + i.definition.fixtures.length,
        0,
      );
      const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
      console.log(
        `OK: ${count(registry.indicators.size, 'indicator')}, ${count(registry.dimensions.size, 'dimension')}, ` +
          `${count(registry.frameworks.size, 'framework')}; ${count(fixtureCount, 'fixture')} pass`,
      );
    });
}
