/** Opening a blob for download, with a missing blob reported as NOT_FOUND rather than a defect. */
import type { Readable } from "node:stream";
import { AppError } from "../../shared/app-error.ts";
import { BlobNotFoundError } from "../../storage/blobs/blob-store.ts";
import type { ServiceContext } from "../context.ts";

export async function openBlob(ctx: ServiceContext, key: string): Promise<Readable> {
  try {
    return await ctx.blobs.get(key);
  } catch (error) {
    if (error instanceof BlobNotFoundError)
      throw new AppError("NOT_FOUND", "The linked object no longer exists");
    throw error;
  }
}
