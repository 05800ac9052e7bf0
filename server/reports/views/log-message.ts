/**
 * One engine log message in the page's language. The log is stored in English with the results;
 * in English the page shows it as stored, in Chinese each kind of message the engine writes is
 * recognised and said again from the dictionary (methods by their labels), and a message of an
 * unknown kind points to the exported log rather than showing English.
 *
 * @example logMessage({ stage: 'weighting', message: 'weighting: entropy', method: 'entropy', … }, 'zh') === '方法：熵权法'
 */
import type { ReportLogEntry } from '../context/log-entries.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';

const FIXED: Readonly<
  Record<
    string,
    | 'log_input'
    | 'log_choices'
    | 'log_bounds'
    | 'log_weightsUsed'
    | 'log_diagnostics'
    | 'log_winsorised'
    | 'log_log_transformed'
  >
> = {
  input: 'log_input',
  'method choices (defaults filled in)': 'log_choices',
  bounds: 'log_bounds',
  'weights used': 'log_weightsUsed',
  diagnostics: 'log_diagnostics',
  winsorised: 'log_winsorised',
  log_transformed: 'log_log_transformed',
};

function methodLabel(lang: Lang, stage: string, method: string): string {
  return labelOf(lang, `m_${stage}`, method);
}

function inChinese(entry: ReportLogEntry): string {
  const lang = 'zh';
  const t = labelsFor(lang);
  const { message, stage } = entry;
  const fixed = FIXED[message];
  if (fixed !== undefined) return t[fixed];
  let match = /^[\w-]+: (\w+)(?:, bounds \w+)?$/.exec(message);
  if (match !== null) return fill(t.log_method, { method: methodLabel(lang, stage, match[1] ?? '') });
  match = /^(\d+) unit-period\(s\) below the availability threshold: (dropped|flagged)$/.exec(message);
  if (match !== null)
    return fill(t.log_screened, {
      count: match[1] ?? '',
      action: labelOf(lang, 'action', match[2] === 'dropped' ? 'drop' : 'flag'),
    });
  match = /^(\d+) value\(s\) imputed, (\d+) left missing$/.exec(message);
  if (match !== null) return fill(t.log_imputed, { filled: match[1] ?? '', unfilled: match[2] ?? '' });
  if (message.startsWith('ranks within each period')) return t.log_ranks;
  match = /^AHP weights, consistency ratio ([\d.]+)$/.exec(message);
  if (match !== null) return fill(t.log_ahp, { cr: match[1] ?? '' });
  match = /^(\w+) gives no usable weights/.exec(message);
  if (match !== null)
    return fill(t.log_unusableWeights, { method: methodLabel(lang, stage, match[1] ?? '') });
  match = /^(\w+) weights$/.exec(message);
  if (match !== null) return fill(t.log_methodWeights, { method: methodLabel(lang, stage, match[1] ?? '') });
  match = /^(\d+) parent\(s\) with a child of unknown population/.exec(message);
  if (match !== null) return fill(t.log_plainMean, { count: match[1] ?? '' });
  match = /^no data at all for dimension "(.+)"/.exec(message);
  if (match !== null) return fill(t.log_noData, { node: match[1] ?? '' });
  return t.log_other;
}

export function logMessage(entry: ReportLogEntry, lang: Lang): string {
  return lang === 'en' ? entry.message : inChinese(entry);
}
