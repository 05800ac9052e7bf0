/**
 * The period a page shows: the one named by ?period= (an id of the evaluation), else the latest.
 *
 * @example periodIndex(['2023', '2024', '2025'], undefined) === 2; periodIndex(['2023', '2024'], '2023') === 0
 */
import { NotFoundError } from '../../errors.js';

export function periodIndex(periods: readonly string[], wanted: string | undefined): number {
  if (wanted === undefined || wanted === '') return Math.max(0, periods.length - 1);
  const index = periods.indexOf(wanted);
  if (index < 0) {
    throw new NotFoundError(`no period ${wanted} in this evaluation`, [
      { where: 'query.period', message: `one of ${periods.join(', ')}` },
    ]);
  }
  return index;
}
