/** Reading parse runs: by id, listed with filters, their stored output inline or as a signed link. */
import type { Extend } from "extend-ai";
import { notFound } from "../../shared/app-error.ts";
import type { Page, PageRequest } from "../../storage/repositories/keyset-page.ts";
import {
  findRun,
  listRuns,
  type RunFilters,
  type RunRecord,
} from "../../storage/repositories/run-repository.ts";
import { signBlobUrl } from "../blobs/signed-urls.ts";
import type { ServiceContext } from "../context.ts";

export async function retrieveParseRun(
  ctx: ServiceContext,
  workspaceId: string,
  id: string,
): Promise<RunRecord> {
  const run = await findRun(ctx.db, id, { workspaceId, type: "parse" });
  if (run === undefined) throw notFound("Parse run", id);
  return run;
}

export function listParseRuns(
  ctx: ServiceContext,
  workspaceId: string,
  filters: RunFilters,
  page: PageRequest,
): Promise<Page<RunRecord>> {
  return listRuns(ctx.db, workspaceId, "parse", filters, page);
}

/** The output of a PROCESSED run (null otherwise). Outputs live in the blob store, not the database. */
export async function loadParseOutput(
  ctx: ServiceContext,
  run: RunRecord,
): Promise<Extend.ParseRunOutput | null> {
  if (run.status !== "PROCESSED" || run.outputBlobKey === null) return null;
  return JSON.parse((await ctx.blobs.getBytes(run.outputBlobKey)).toString("utf8")) as Extend.ParseRunOutput;
}

/** responseType=url: a link (15 minutes by default) to a JSON document shaped exactly like `output`. */
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
