/**
 * The report languages: Chinese (the default, what officials read first) and English. A page takes
 * its language from ?lang=, else from the `zhili_lang` cookie the switch sets, else Chinese.
 *
 * @example chooseLang('en', undefined) === 'en'; chooseLang(undefined, 'zhili_lang=en') === 'en'
 */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const LANG_COOKIE = 'zhili_lang';

/** BCP 47 tags for Intl and the <html lang> attribute. */
export const LOCALES: Readonly<Record<Lang, string>> = { zh: 'zh-CN', en: 'en-GB' };

export function isLang(value: unknown): value is Lang {
  return value === 'zh' || value === 'en';
}

/** The value of one cookie in a Cookie header, if present. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

export function chooseLang(query: unknown, cookieHeader: string | undefined): Lang {
  if (isLang(query)) return query;
  const fromCookie = cookieValue(cookieHeader, LANG_COOKIE);
  return isLang(fromCookie) ? fromCookie : 'zh';
}
