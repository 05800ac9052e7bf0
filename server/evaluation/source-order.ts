/**
 * Which data sources an evaluation counts, and in which order of preference (issue 15, "who
 * evaluates"): a method choice `sources`, stored with the evaluation and replayed by new versions.
 * Absent, the default prefers a third party's survey or inspection, then the street's check, then
 * the community's own report — for data of one source (all data before sources existed) that is
 * exactly the values evaluations used before.
 *
 * @example resolveSourceOrder(['street', 'self']) // ['street', 'self']
 */
import { DEFAULT_SOURCE_ORDER, isDataSource, type DataSource } from '../domain/data-source.js';
import { ValidationError } from '../errors.js';

export function resolveSourceOrder(sources: readonly unknown[] | undefined): readonly DataSource[] {
  if (sources === undefined) return DEFAULT_SOURCE_ORDER;
  const bad = sources.findIndex((s, i) => !isDataSource(s) || sources.indexOf(s) !== i);
  if (sources.length === 0 || bad >= 0) {
    throw new ValidationError(
      {
        en: 'sources must list self, street or third_party, each at most once',
        zh: '数据来源须为 self、street、third_party 中的一个或多个，且不重复',
      },
      [
        {
          where: `methods/sources${bad >= 0 ? `/${bad}` : ''}`,
          message: 'self, street or third_party, once each',
        },
      ],
    );
  }
  return sources as readonly DataSource[];
}
