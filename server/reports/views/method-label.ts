/**
 * The name of the method an evaluation chose for a stage, in the reader's language, read from the
 * results' resolved choices ({ stage: { method, …params } }).
 *
 * @example methodLabel({ weighting: { method: 'entropy' } }, 'weighting', 'zh') === '熵权法'
 */
import { methodOf } from '../context/method-of.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf } from '../i18n/labels.js';

export function methodLabel(choices: unknown, stage: string, lang: Lang): string {
  const method = methodOf(choices, stage);
  return method === undefined ? '—' : labelOf(lang, `m_${stage}`, method);
}
