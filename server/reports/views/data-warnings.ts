/**
 * The warnings an evaluation's page shows above everything else: each dimension the engine found
 * without any data (its log's "no data at all for dimension" entries), named in the page's
 * language, so an empty column never goes unexplained.
 *
 * @example dataWarnings(context, 'zh') // ['维度“专业性”完全没有数据：所有单位在该维度上都没有得分']
 */
import { logEntries } from '../context/log-entries.js';
import type { ReportContext } from '../context/report-context.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelsFor } from '../i18n/labels.js';
import { nodeName } from './node-names.js';

const NO_DATA = /^no data at all for dimension "(.+)"/;

/** Found once per context and language: the log has an entry per unit and indicator problem. */
export function dataWarnings(context: ReportContext, lang: Lang): readonly string[] {
  return context.memo(`dataWarnings:${lang}`, () => {
    const t = labelsFor(lang);
    return logEntries(context.results.log).flatMap((entry) => {
      const match = entry.stage === 'diagnostics' ? NO_DATA.exec(entry.message) : null;
      if (match === null) return [];
      return [fill(t.log_noData, { node: nodeName(context, entry.node ?? match[1] ?? '', lang) })];
    });
  });
}
