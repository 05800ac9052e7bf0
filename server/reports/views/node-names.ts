/**
 * Display names of the framework's nodes and indicators from the evaluation's frozen snapshot:
 * the root's name for the index, each dimension's and indicator's name, the id when unknown.
 *
 * @example nodeName(context, 'coverage', 'zh') === '覆盖性'
 */
import type { ReportContext } from '../context/report-context.js';
import type { Lang } from '../i18n/lang.js';
import { pick } from '../i18n/pick.js';

export function nodeName(context: ReportContext, id: string, lang: Lang): string {
  const { snapshot } = context;
  if (id === context.results.root) return pick(snapshot.framework.root.name, lang);
  const dimension = context.memo('dimensionsById', () => new Map(snapshot.dimensions.map((d) => [d.id, d])));
  const named = dimension.get(id) ?? context.indicatorDefinitions.get(id);
  return named === undefined ? id : pick(named.name, lang);
}
