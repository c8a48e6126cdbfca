/**
 * x-extend-api-version handling (spec §1.3). Hosted Extend answers 400 when the header is missing; a
 * self-hosted server defaults to the current version instead so curl works, and refuses versions it does
 * not implement so a client never silently gets shapes it did not ask for.
 */
import { AppError } from "../shared/app-error.ts";

export const CURRENT_API_VERSION = "2026-02-09";
/** 2025-04-21 and older are legacy "processor" versions: their endpoints are not served yet. */
const SUPPORTED = new Set([CURRENT_API_VERSION]);
const KNOWN_LEGACY = new Set(["2025-04-21", "2024-12-23", "2024-11-14", "2024-07-30", "2024-02-01"]);

export function resolveApiVersion(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === "") return CURRENT_API_VERSION;
  const version = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(version)) {
    throw new AppError(
      "INVALID_REQUEST",
      `x-extend-api-version must be a date like ${CURRENT_API_VERSION}; got ${JSON.stringify(version)}`,
    );
  }
  if (SUPPORTED.has(version)) return version;
  if (KNOWN_LEGACY.has(version)) {
    throw new AppError(
      "INVALID_REQUEST",
      `API version ${version} is a legacy version this server does not implement; use ${CURRENT_API_VERSION}`,
    );
  }
  throw new AppError(
    "INVALID_REQUEST",
    `Unknown API version ${version}; supported: ${[...SUPPORTED].join(", ")}`,
  );
}
