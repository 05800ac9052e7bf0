/**
 * The catalogue of application errors (house rule 2): each has a stable code and an HTTP status.
 * Throw these anywhere; the one error middleware in server/http/error-handler.ts turns them
 * into problem+json under /api and an HTML page elsewhere.
 *
 * The message is English (the API's `detail`, the log's text); a message a page may show also
 * carries its Chinese as `zh` (pass `{ zh, en }`), and so may each detail. A page in Chinese shows
 * `zh`, or for an error without one a sentence for its code (server/reports/i18n/error-text.ts).
 *
 * @example new ValidationError({ zh: '密码不符合要求', en: 'the password is not acceptable' })
 */
export interface ProblemDetail {
  /** Where the problem is: a file, row, column, JSON pointer or field. */
  readonly where?: string;
  /** What is wrong, in English. */
  readonly message: string;
  /** What is wrong, in Chinese, for pages. */
  readonly zh?: string;
}

/** A message in both page languages, Chinese first; `en` is also the API's and the log's text. */
export interface BilingualMessage {
  readonly zh: string;
  readonly en: string;
}

export type ErrorMessage = string | BilingualMessage;

export abstract class AppError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
  /** A short, stable title in English and Chinese. */
  abstract readonly title: string;

  /** The message in Chinese for pages, when the thrower wrote one. */
  readonly zh: string | undefined;

  constructor(
    message: ErrorMessage,
    readonly details: readonly ProblemDetail[] = [],
  ) {
    super(typeof message === 'string' ? message : message.en);
    this.zh = typeof message === 'string' ? undefined : message.zh;
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  readonly code = 'validation_failed';
  readonly status = 400;
  readonly title = '输入有误 Invalid input';
}

/** No valid session or API token: log in, or send `Authorization: Bearer <token>`. */
export class UnauthenticatedError extends AppError {
  readonly code = 'unauthenticated';
  readonly status = 401;
  readonly title = '需要登录 Login required';
}

/** Logged in, but the role or unit scope does not allow this. */
export class ForbiddenError extends AppError {
  readonly code = 'forbidden';
  readonly status = 403;
  readonly title = '无权访问 Forbidden';
}

/** Too many attempts (login rate limiting); try again after `retryAfterSeconds`. */
export class TooManyRequestsError extends AppError {
  readonly code = 'too_many_requests';
  readonly status = 429;
  readonly title = '请求过于频繁 Too many requests';

  constructor(
    message: ErrorMessage,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export class NotFoundError extends AppError {
  readonly code = 'not_found';
  readonly status = 404;
  readonly title = '未找到 Not found';
}

export class ConflictError extends AppError {
  readonly code = 'conflict';
  readonly status = 409;
  readonly title = '冲突 Conflict';
}

/** A job stopped because its owner or an admin cancelled it; it left nothing behind. */
export class JobCancelledError extends AppError {
  readonly code = 'job_cancelled';
  readonly status = 409;
  readonly title = '任务已取消 Job cancelled';
}

/** A job whose server stopped (a restart, a crash) before it finished; it stored nothing. */
export class JobInterruptedError extends AppError {
  readonly code = 'interrupted';
  readonly status = 503;
  readonly title = '任务中断 Job interrupted';
}

export class PayloadTooLargeError extends AppError {
  readonly code = 'payload_too_large';
  readonly status = 413;
  readonly title = '内容过大 Payload too large';
}

export class UnsupportedMediaTypeError extends AppError {
  readonly code = 'unsupported_media_type';
  readonly status = 415;
  readonly title = '不支持的格式 Unsupported media type';
}

/** Seconds a client should wait before trying again when the store does not answer. */
export const STORE_RETRY_AFTER_SECONDS = 15;

/**
 * The store does not answer (down, unreachable, locked): 503 with Retry-After. The message is for
 * anyone, so it names no address; the driver's own error, when there is one, is the `cause`, which
 * the error handler logs for the operator.
 */
export class StoreUnavailableError extends AppError {
  readonly code = 'store_unavailable';
  readonly status = 503;
  readonly title = '存储不可用 Store unavailable';
  /** Seconds a client should wait before trying again (the Retry-After header). */
  readonly retryAfterSeconds = STORE_RETRY_AFTER_SECONDS;
}

/** Anything that is not an AppError: reported as a 500 without internals. */
export class InternalError extends AppError {
  readonly code = 'internal_error';
  readonly status = 500;
  readonly title = '内部错误 Internal error';
}

/** Stored data no longer matches the checksum recorded when it was written: it was changed outside Zhili. */
export class IntegrityError extends AppError {
  readonly code = 'integrity_failed';
  readonly status = 500;
  readonly title = '数据校验失败 Integrity check failed';
}
