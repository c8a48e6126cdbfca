/**
 * Deleting a file: the row first (so the file disappears atomically for readers), then its blob. A
 * blob whose deletion fails is logged as an orphan to sweep; a row pointing at no blob never exists.
 */
import { notFound } from "../../shared/app-error.ts";
import { deleteFile as deleteFileRow } from "../../storage/repositories/file-repository.ts";
import type { ServiceContext } from "../context.ts";

export async function deleteFile(ctx: ServiceContext, workspaceId: string, id: string): Promise<void> {
  const deleted = await deleteFileRow(ctx.db, workspaceId, id);
  if (deleted === undefined) throw notFound("File", id);
  await ctx.blobs.delete(deleted.blobKey).catch((error: unknown) => {
    ctx.logger.error(
      { err: error, blobKey: deleted.blobKey },
      "orphaned blob: file row deleted, blob delete failed",
    );
  });
}
