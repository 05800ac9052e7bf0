/**
 * The one error middleware (house rule 2). Under /api it answers application/problem+json
 * (RFC 9457); elsewhere an HTML page. Never a stack trace: unknown errors become a 500
 * with a reference the operator can find in the log. A store that does not answer is a 503 with
 * Retry-After, its cause logged, never shown. The page is in the reader's language (?lang=, else the
 * language cookie), with the navigation of whoever is logged in; the problem+json keeps the English
 * `detail` and adds the Chinese as `detail_zh` when the error has one.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import {
  AppError,
  InternalError,
  NotFoundError,
  PayloadTooLargeError,
  StoreUnavailableError,
  TooManyRequestsError,
  UnauthenticatedError,
  ValidationError,
} from '../errors.js';
import { chooseLang } from '../reports/i18n/lang.js';
import { withAccount } from '../reports/views/account-chrome.js';
import { errorPage } from '../reports/views/error-page.js';
import { principalOf } from './auth/principal.js';
import type { Views } from './views.js';

function megabytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return mib >= 1 ? `${mib.toFixed(Number.isInteger(mib) ? 0 : 1)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

/** body-parser and friends throw http-errors objects: keep their 4xx meaning. */
function fromHttpError(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, type, limit } = error as { status?: unknown; type?: unknown; limit?: unknown };
  if (status === 413) {
    const allowed = typeof limit === 'number' ? megabytes(limit) : undefined;
    return new PayloadTooLargeError({
      zh: allowed === undefined ? '请求内容超过了大小上限。' : `请求内容超过了 ${allowed} 的上限。`,
      en: `the request body is larger than the limit${allowed === undefined ? '' : ` of ${allowed}`}`,
    });
  }
  if (type === 'entity.parse.failed')
    return new ValidationError({ zh: '请求内容不是有效的 JSON。', en: 'the request body is not valid JSON' });
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new ValidationError(error instanceof Error ? error.message : 'bad request');
  }
  return undefined;
}

export function notFoundHandler(): RequestHandler {
  return (req) => {
    throw new NotFoundError(`nothing at ${req.method} ${req.path}`);
  };
}

export function errorHandler(logger: Logger, views: Views): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    let appError = error instanceof AppError ? error : fromHttpError(error);
    let reference: string | undefined;
    if (appError === undefined) {
      reference = randomUUID();
      logger.error({ err: error, reference, path: req.path }, 'unhandled error');
      appError = new InternalError({
        zh: `发生了意外错误，请将参考编号告知管理员：${reference}`,
        en: `an unexpected error occurred; reference ${reference}`,
      });
    } else if (appError.status >= 500) {
      // A store that is down, or data that fails its checksum: the operator must hear of it.
      logger.error({ err: appError, path: req.path }, appError.code);
    }
    res.status(appError.status);
    if (appError instanceof TooManyRequestsError || appError instanceof StoreUnavailableError)
      res.setHeader('Retry-After', String(appError.retryAfterSeconds));
    // The answer names no address; the log keeps the driver's error for the operator.
    if (appError instanceof StoreUnavailableError)
      logger.warn({ err: appError.cause ?? appError, path: req.path }, 'store unavailable');
    if (appError instanceof UnauthenticatedError) res.setHeader('WWW-Authenticate', 'Bearer realm="zhili"');
    if (req.path.startsWith('/api/') || req.path === '/api' || req.path === '/healthz') {
      res.type('application/problem+json').send(
        JSON.stringify({
          type: `urn:zhili:error:${appError.code}`,
          title: appError.title,
          status: appError.status,
          code: appError.code,
          detail: appError.message,
          ...(appError.zh === undefined ? {} : { detail_zh: appError.zh }),
          instance: req.originalUrl,
          ...(appError.details.length > 0 ? { errors: appError.details } : {}),
        }),
      );
      return;
    }
    const lang = chooseLang((req.query as Record<string, unknown> | undefined)?.lang, req.headers.cookie);
    const page = errorPage(lang, appError, { path: req.method === 'GET' ? req.path : '/', query: {} });
    const principal = principalOf(res);
    const viewer =
      principal === undefined ? null : { displayName: principal.user.displayName, role: principal.user.role };
    res
      .type('html')
      .send(views.render('error', withAccount(page, viewer, principal?.credential.csrfToken ?? '')));
  };
}
