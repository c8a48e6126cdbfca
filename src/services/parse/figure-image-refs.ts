/**
 * Figure images of parse outputs: stored as blobs beside the cached output, referenced in it by a stable
 * `quire-blob:<key>` imageUrl, and swapped for expiring signed links only when an output is returned.
 */
import type { Extend } from "extend-ai";
import { signBlobUrl } from "../blobs/signed-urls.ts";
import type { ServiceContext } from "../context.ts";

export const BLOB_REFERENCE_PREFIX = "quire-blob:";

/** Figure and barcode blocks carry images (figureImageClippingEnabled, barcodes.imageClippingEnabled). */
function hasImageUrl(details: Extend.BlockDetails): details is Extend.FigureDetails | Extend.BarcodeDetails {
  return details.type === "figure_details" || details.type === "barcode_details";
}

/**
 * Stores each figure PNG as `parse-cache/<cacheKey>/figures/<blockId>.png` and sets the figure blocks'
 * details.imageUrl to its stable reference (in place: `output` is about to be stored).
 */
export async function storeFigureImages(
  ctx: ServiceContext,
  cacheKey: string,
  output: Extend.ParseRunOutput,
  images: readonly { readonly blockId: string; readonly png: Uint8Array }[],
): Promise<void> {
  const references = new Map<string, string>();
  for (const { blockId, png } of images) {
    const key = `parse-cache/${cacheKey}/figures/${blockId}.png`;
    await ctx.blobs.put(key, Buffer.from(png.buffer, png.byteOffset, png.byteLength));
    references.set(blockId, `${BLOB_REFERENCE_PREFIX}${key}`);
  }
  for (const block of output.chunks.flatMap((chunk) => chunk.blocks)) {
    const reference = references.get(block.id);
    if (reference !== undefined && hasImageUrl(block.details))
      block.details = { ...block.details, imageUrl: reference };
  }
}

/** Replaces every `quire-blob:` imageUrl with a download link valid for the presigned-URL TTL (in place). */
export async function signFigureImageUrls(
  ctx: ServiceContext,
  output: Extend.ParseRunOutput,
  baseUrl: string,
): Promise<void> {
  const ttl = ctx.settings.presignedUrlTtlSeconds;
  for (const block of output.chunks.flatMap((chunk) => chunk.blocks)) {
    if (!hasImageUrl(block.details)) continue;
    const details = block.details;
    if (details.imageUrl?.startsWith(BLOB_REFERENCE_PREFIX) !== true) continue;
    const key = details.imageUrl.slice(BLOB_REFERENCE_PREFIX.length);
    const options = { expiresInSeconds: ttl, fileName: `${block.id}.png`, contentType: "image/png" };
    const url =
      (await ctx.blobs.createDownloadUrl(key, options)) ??
      signBlobUrl(baseUrl, ctx.settings.signingSecret, {
        key,
        fileName: options.fileName,
        contentType: options.contentType,
        expiresAt: Math.floor(Date.now() / 1000) + ttl,
      });
    block.details = { ...details, imageUrl: url };
  }
}
