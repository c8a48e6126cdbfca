/** A parse run's stored output: inline (loaded from the blob store) or as a signed link. */
import type { Extend } from "extend-ai";
import type { RunRecord } from "../../storage/repositories/run-repository.ts";
import { signBlobUrl } from "../blobs/signed-urls.ts";
import type { ServiceContext } from "../context.ts";
import { signFigureImageUrls } from "./figure-image-refs.ts";

/**
 * The output of a PROCESSED run (null otherwise). Outputs live in the blob store, not the database;
 * figure images' stable references become links signed now (against `baseUrl` for Quire-signed ones).
 */
export async function loadParseOutput(
  ctx: ServiceContext,
  run: RunRecord,
  baseUrl: string,
): Promise<Extend.ParseRunOutput | null> {
  if (run.status !== "PROCESSED" || run.outputBlobKey === null) return null;
  const output = JSON.parse(
    (await ctx.blobs.getBytes(run.outputBlobKey)).toString("utf8"),
  ) as Extend.ParseRunOutput;
  await signFigureImageUrls(ctx, output, baseUrl);
  return output;
}

/**
 * responseType=url: a link (15 minutes by default) to a JSON document shaped exactly like `output`,
 * except that figure imageUrls keep their stable `quire-blob:` references: the JSON is the cached blob
 * itself, served as stored (re-signing would mean writing a per-request copy).
 */
export async function createParseOutputUrl(
  ctx: ServiceContext,
  run: RunRecord,
  baseUrl: string,
): Promise<string | null> {
  if (run.status !== "PROCESSED" || run.outputBlobKey === null) return null;
  const ttl = ctx.settings.presignedUrlTtlSeconds;
  const options = { expiresInSeconds: ttl, fileName: `${run.id}.json`, contentType: "application/json" };
  const native = await ctx.blobs.createDownloadUrl(run.outputBlobKey, options);
  return (
    native ??
    signBlobUrl(baseUrl, ctx.settings.signingSecret, {
      key: run.outputBlobKey,
      fileName: options.fileName,
      contentType: options.contentType,
      expiresAt: Math.floor(Date.now() / 1000) + ttl,
    })
  );
}
