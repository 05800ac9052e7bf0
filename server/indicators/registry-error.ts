/**
 * Thrown by loadRegistry when a definition folder has problems: it carries every problem found,
 * not just the first, so that a researcher can fix them all in one pass.
 */
import { AppError } from '../errors.js';
import { formatProblem, type Problem } from './problem.js';

export class RegistryError extends AppError {
  readonly code = 'registry_invalid';
  readonly status = 500;
  readonly title = '指标定义有误 Invalid indicator definitions';

  constructor(readonly problems: readonly Problem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the indicator definitions:\n` +
        problems.map((problem) => `  ${formatProblem(problem)}`).join('\n'),
      problems.map((problem) => ({
        where: `${problem.file} ${problem.pointer}`.trim(),
        message: problem.message,
      })),
    );
  }
}
