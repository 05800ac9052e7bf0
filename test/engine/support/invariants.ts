/** Checks the engine's promise: every missing cell says why, and no cell holds Infinity. */
import type { EngineResult } from '../../../server/engine/result.js';
import type { ColumnSet } from '../../../server/engine/types.js';

export function unexplainedCells(result: EngineResult): string[] {
  const problems: string[] = [];
  const check = (name: string, set: ColumnSet): void => {
    for (const [id, values] of set.values) {
      const reasons = set.reasons.get(id);
      values.forEach((v, row) => {
        if (v === Infinity || v === -Infinity) problems.push(`${name}.${id}[${row}] is infinite`);
        if (Number.isNaN(v) && (reasons?.[row] ?? 0) === 0)
          problems.push(`${name}.${id}[${row}] is NaN without a reason`);
      });
    }
  };
  check('raw', result.raw);
  check('imputed', result.imputed);
  check('treated', result.treated);
  check('normalised', result.normalised);
  check('scores', result.scores);
  return problems;
}
