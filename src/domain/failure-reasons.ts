/**
 * Why a run failed: Extend's failureReason values (spec §3.4). Whether a failure is worth retrying is
 * decided here, once, by an exhaustive switch.
 */
import { assertNever } from "../shared/assert-never.ts";

export const FAILURE_REASONS = [
  "UNABLE_TO_DOWNLOAD_FILE",
  "FILE_TYPE_NOT_SUPPORTED",
  "FILE_SIZE_TOO_LARGE",
  "CORRUPT_FILE",
  "OCR_ERROR",
  "PASSWORD_PROTECTED_FILE",
  "FAILED_TO_CONVERT_TO_PDF",
  "FAILED_TO_CONVERT_TO_JPEG",
  "FAILED_TO_GENERATE_TARGET_FORMAT",
  "CHUNKING_ERROR",
  "INTERNAL_ERROR",
  "INVALID_CONFIG_OPTIONS",
  "OUT_OF_CREDITS",
] as const;

export type FailureReason = (typeof FAILURE_REASONS)[number];

/** Transient failures are retried with backoff before the run is failed; the others fail at once. */
export function isTransientFailure(reason: FailureReason): boolean {
  switch (reason) {
    case "INTERNAL_ERROR":
    case "OCR_ERROR":
    case "UNABLE_TO_DOWNLOAD_FILE":
      return true;
    case "FILE_TYPE_NOT_SUPPORTED":
    case "FILE_SIZE_TOO_LARGE":
    case "CORRUPT_FILE":
    case "PASSWORD_PROTECTED_FILE":
    case "FAILED_TO_CONVERT_TO_PDF":
    case "FAILED_TO_CONVERT_TO_JPEG":
    case "FAILED_TO_GENERATE_TARGET_FORMAT":
    case "CHUNKING_ERROR":
    case "INVALID_CONFIG_OPTIONS":
    case "OUT_OF_CREDITS":
      return false;
    default:
      return assertNever(reason, "failure reason");
  }
}
