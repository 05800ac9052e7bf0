/**
 * The language of a page request (?lang=, else the cookie, else Chinese). A ?lang= choice is
 * remembered in a cookie for a year, so the switch in the header sticks across pages. Answers
 * vary by that cookie.
 */
import type { Request, Response } from 'express';
import { chooseLang, LANG_COOKIE, isLang, LOCALES, type Lang } from '../../reports/i18n/lang.js';

export function pageLang(req: Request, res: Response): Lang {
  const wanted = (req.query as Record<string, unknown>).lang;
  const lang = chooseLang(wanted, req.headers.cookie);
  if (isLang(wanted)) {
    res.append('Set-Cookie', `${LANG_COOKIE}=${wanted}; Path=/; Max-Age=31536000; SameSite=Lax`);
  }
  res.vary('Cookie');
  res.setHeader('Content-Language', LOCALES[lang]);
  return lang;
}
