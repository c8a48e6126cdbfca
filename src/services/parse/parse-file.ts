/**
 * Parsing one file with the parse cache: same bytes + same effective config (engine version included)
 * + same password → the same output, reused. Used by parse runs and by every run that parses first
 * (extract, classify, split). Engine work runs in the worker-thread pool and honours the signal.
 */
import { createHash } from "node:crypto";
import type { Extend } from "extend-ai";
import type { FailureReason } from "../../domain/failure-reasons.ts";
import { DETECTION_HEAD_BYTES, detectFormat } from "../../engine/ingest/detect-format.ts";
import type { FileRecord } from "../../storage/repositories/file-repository.ts";
import { findParseCache, insertParseCache } from "../../storage/repositories/parse-cache-repository.ts";
import type { ServiceContext } from "../context.ts";
import type { EffectiveParseConfig } from "./effective-parse-config.ts";
import { storeFigureImages } from "./figure-image-refs.ts";

export type ParseResult =
  | { status: "success"; outputBlobKey: string; pageCount: number; output: Extend.ParseRunOutput | undefined }
  | { status: "failure"; failureReason: FailureReason; failureMessage: string };

/**
 * Same bytes + same effective config + same engine version → same output: reuse it. The password is
 * part of the key only as a hash, and only because it decides whether the document opens at all.
 */
export async function parseWithCache(
  ctx: ServiceContext,
  file: FileRecord,
  config: EffectiveParseConfig,
  signal: AbortSignal,
): Promise<ParseResult> {
  const cacheKey = createHash("sha256")
    .update(
      JSON.stringify([
        file.sha256,
        canonicalJson(config),
        file.password ?? "",
        ctx.settings.ocr?.engine ?? "no-ocr",
      ]),
    )
    .digest("hex");
  const cached = await findParseCache(ctx.db, cacheKey);
  if (cached !== undefined && (await ctx.blobs.exists(cached.outputBlobKey))) {
    return {
      status: "success",
      outputBlobKey: cached.outputBlobKey,
      pageCount: cached.pageCount,
      output: undefined,
    };
  }
  const bytes = await ctx.blobs.getBytes(file.blobKey);
  const format = detectFormat(bytes.subarray(0, DETECTION_HEAD_BYTES), file.name).format;
  const outcome = await ctx.engine.run(
    {
      bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      options: {
        format,
        password: file.password ?? undefined,
        maxPages: ctx.settings.maxPages,
        chunking: config.chunkingStrategy.type,
        config,
        ocr: ctx.settings.ocr,
        pdfConverter: ctx.settings.pdfConverter,
      },
    },
    signal,
  );
  if (outcome.status === "failure") {
    return {
      status: "failure",
      failureReason: outcome.failureReason,
      failureMessage: outcome.failureMessage,
    };
  }
  // Figure images first, so the stored output's stable references never point at missing blobs.
  if (outcome.figureImages !== undefined)
    await storeFigureImages(ctx, cacheKey, outcome.output, outcome.figureImages);
  const outputBlobKey = `parse-cache/${cacheKey}.json`;
  await ctx.blobs.put(outputBlobKey, Buffer.from(JSON.stringify(outcome.output), "utf8"));
  await insertParseCache(ctx.db, { cacheKey, outputBlobKey, pageCount: outcome.pageCount });
  return { status: "success", outputBlobKey, pageCount: outcome.pageCount, output: outcome.output };
}

/** JSON with object keys sorted, so equal configs hash equally whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
