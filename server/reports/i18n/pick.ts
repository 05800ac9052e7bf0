/**
 * The text of a bilingual value ({ zh, en }, Chinese first) in a language; the other language when
 * the wanted one is empty.
 *
 * @example pick({ zh: '覆盖性', en: 'Coverage' }, 'en') === 'Coverage'
 */
import type { Lang } from './lang.js';

export interface BilingualText {
  readonly zh: string;
  readonly en: string;
}

export function pick(text: BilingualText, lang: Lang): string {
  const wanted = text[lang];
  return wanted === '' ? (lang === 'zh' ? text.en : text.zh) : wanted;
}
