/**
 * AppError: the one way to signal an expected failure. The HTTP error handler is the only place it
 * becomes a response; services and repositories never build responses themselves.
 */
import { ERROR_STATUS, type ErrorCode, isRetryableCode } from "./error-codes.ts";

export interface AppErrorOptions {
  /** Extra response headers (e.g. Retry-After). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly retryable: boolean;
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.retryable = isRetryableCode(code);
    this.headers = options.headers ?? {};
  }
}

export function notFound(kind: string, id: string): AppError {
  return new AppError("NOT_FOUND", `${kind} ${JSON.stringify(id)} was not found`);
}

export function invalidRequest(message: string, path?: string): AppError {
  return new AppError("INVALID_REQUEST", path ? `${message}; Path: ${path}` : message);
}
