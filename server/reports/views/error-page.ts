/**
 * The error page in the reader's language: the error's title and message, each detail with where
 * it is, the status and the stable code (for a report to the administrator), within the usual page
 * chrome so the reader can go on from there.
 *
 * @example errorPage('zh', new NotFoundError('no evaluation e9'), { path: '/evaluations/e9', query: {} }).detail
 * // '找不到该页面或您无权查看。'
 */
import type { AppError } from '../../errors.js';
import { detailMessage, errorMessage, errorTitle } from '../i18n/error-text.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelsFor } from '../i18n/labels.js';
import { pageChrome, type Chrome } from './chrome.js';
import type { QueryValues } from './href.js';
import { withFields } from './with-fields.js';

export interface ErrorPage extends Chrome {
  readonly statusText: string;
  readonly code: string;
  readonly detail: string;
  readonly details: readonly { readonly where: string | null; readonly message: string }[];
}

export function errorPage(
  lang: Lang,
  error: AppError,
  request: { readonly path: string; readonly query: QueryValues },
): ErrorPage {
  const title = errorTitle(error, lang);
  return withFields(pageChrome(lang, { path: request.path, query: request.query, title, section: 'home' }), {
    statusText: fill(labelsFor(lang).errorStatus, { status: error.status }),
    code: error.code,
    detail: errorMessage(error, lang),
    details: error.details.map((detail) => ({
      where: detail.where ?? null,
      message: detailMessage(detail, lang),
    })),
  });
}
