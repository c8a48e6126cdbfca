/** Reading files: one by id (with an expiring download URL) and the filtered, paginated list. */
import { notFound } from "../../shared/app-error.ts";
import {
  type FileRecord,
  findFile,
  listFiles as listFileRows,
} from "../../storage/repositories/file-repository.ts";
import type { Page, PageRequest } from "../../storage/repositories/keyset-page.ts";
import { signBlobUrl } from "../blobs/signed-urls.ts";
import type { ServiceContext } from "../context.ts";

export async function retrieveFile(
  ctx: ServiceContext,
  workspaceId: string,
  id: string,
): Promise<FileRecord> {
  const file = await findFile(ctx.db, workspaceId, id);
  if (file === undefined) throw notFound("File", id);
  return file;
}

export function listFiles(
  ctx: ServiceContext,
  workspaceId: string,
  filters: { readonly nameContains: string | undefined },
  page: PageRequest,
): Promise<Page<FileRecord>> {
  return listFileRows(ctx.db, workspaceId, filters, page);
}

/**
 * A download URL valid for the configured TTL (Extend: 15 minutes): the store's native presigned URL
 * when it has one (S3), else a Quire-signed link under baseUrl.
 */
export async function createFileDownloadUrl(
  ctx: ServiceContext,
  file: FileRecord,
  baseUrl: string,
): Promise<string> {
  const ttl = ctx.settings.presignedUrlTtlSeconds;
  const native = await ctx.blobs.createDownloadUrl(file.blobKey, {
    expiresInSeconds: ttl,
    fileName: file.name,
    contentType: file.mediaType,
  });
  if (native !== undefined) return native;
  return signBlobUrl(baseUrl, ctx.settings.signingSecret, {
    key: file.blobKey,
    fileName: file.name,
    contentType: file.mediaType,
    expiresAt: Math.floor(Date.now() / 1000) + ttl,
  });
}
