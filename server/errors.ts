/**
 * The catalogue of application errors (house rule 2): each has a stable code and an HTTP status.
 * Throw these anywhere; the one error middleware in server/http/error-handler.ts turns them
 * into problem+json under /api and an HTML page elsewhere.
 */
export interface ProblemDetail {
  /** Where the problem is: a file, row, column, JSON pointer or field. */
  readonly where?: string;
  readonly message: string;
}

export abstract class AppError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
  /** A short, stable title in English and Chinese. */
  abstract readonly title: string;

  constructor(
    message: string,
    readonly details: readonly ProblemDetail[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  readonly code = 'validation_failed';
  readonly status = 400;
  readonly title = '输入有误 Invalid input';
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

export class StoreUnavailableError extends AppError {
  readonly code = 'store_unavailable';
  readonly status = 503;
  readonly title = '存储不可用 Store unavailable';
}

/** Anything that is not an AppError: reported as a 500 without internals. */
export class InternalError extends AppError {
  readonly code = 'internal_error';
  readonly status = 500;
  readonly title = '内部错误 Internal error';
}
