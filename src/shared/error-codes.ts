/**
 * The closed catalogue of API error codes and the HTTP status each one maps to.
 * Codes are Extend's wire values; the table is exhaustive so a new code without a status does not compile.
 */
export const ERROR_STATUS = {
  /** The request body, query or headers are malformed or violate a rule. */
  INVALID_REQUEST: 400,
  /** Missing, unknown or revoked API key, or a key used outside its workspace. */
  UNAUTHORIZED: 401,
  /** Insufficient credits (Extend); unused by Quire but part of the catalogue. */
  USAGE_BLOCKED: 402,
  /** The key is valid but may not perform this action. */
  FORBIDDEN: 403,
  /** No such object in the caller's workspace. */
  NOT_FOUND: 404,
  /** The object exists but is in a state that forbids the operation (e.g. cancel a finished run). */
  CONFLICT: 409,
  /** The endpoint no longer exists; the message names the replacement. */
  ENDPOINT_REMOVED: 410,
  /** The uploaded or downloaded file is larger than the configured limit. */
  FILE_SIZE_TOO_LARGE: 413,
  /** A file URL could not be fetched (refused by the SSRF guard, timed out, non-2xx). */
  UNABLE_TO_DOWNLOAD_FILE: 422,
  /** An upload could not be converted to PDF (convertToPdf, or a Word/PowerPoint upload); nothing is stored. */
  FAILED_TO_CONVERT_TO_PDF: 422,
  /** Per-key rate limit exceeded; answered with Retry-After. */
  RATE_LIMIT_EXCEEDED: 429,
  /** A defect. Retryable only when nothing was persisted. */
  INTERNAL_ERROR: 500,
  /** The server is starting or shutting down. */
  SERVICE_UNAVAILABLE: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

const RETRYABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  "RATE_LIMIT_EXCEEDED",
  "INTERNAL_ERROR",
  "SERVICE_UNAVAILABLE",
]);

export function isRetryableCode(code: ErrorCode): boolean {
  return RETRYABLE.has(code);
}
