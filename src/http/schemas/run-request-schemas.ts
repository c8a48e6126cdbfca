/** Fields shared by run requests (spec §1.13): metadata (≤ 10 KB JSON object), priority, dataRetention. */
import { z } from "zod";
import { AppError } from "../../shared/app-error.ts";

const METADATA_MAX_BYTES = 10 * 1024;

export const MetadataSchema = z
  .record(z.string(), z.unknown())
  .refine((value) => Buffer.byteLength(JSON.stringify(value), "utf8") <= METADATA_MAX_BYTES, {
    message: "metadata must be at most 10 KB of JSON",
  })
  .transform(sanitizeUsageTags);

export const PrioritySchema = z.number().int().min(1).max(100);

export const DataRetentionSchema = z
  .object({ mode: z.enum(["workspace_default", "zero"]).optional() })
  .transform((value) => {
    if (value.mode === "zero") {
      // Upstream parity: zero retention is refused with 400 for organizations that are not eligible.
      throw new AppError(
        "INVALID_REQUEST",
        "dataRetention.mode zero is not enabled on this server; Path: dataRetention.mode",
      );
    }
    return value;
  });

/** Upstream parity: characters outside [A-Za-z0-9_-] in `extend:usage_tags` are silently stripped. */
function sanitizeUsageTags(metadata: Record<string, unknown>): Record<string, unknown> {
  const tags = metadata["extend:usage_tags"];
  if (!Array.isArray(tags)) return metadata;
  return {
    ...metadata,
    "extend:usage_tags": tags
      .filter((tag): tag is string => typeof tag === "string")
      .map((tag) => tag.replace(/[^A-Za-z0-9_-]/g, "")),
  };
}
