/**
 * File inputs of run requests (spec §1.12): `{id}`, `{text}`, `{base64}` and `{url}`. Local inputs
 * become Files while the request is handled (so a bad id is a 404 at once); a URL is only validated
 * then and downloaded by the worker, where a refusal or network error ends the run FAILED with
 * UNABLE_TO_DOWNLOAD_FILE instead of holding the HTTP request open.
 */
import { AppError, notFound } from "../../shared/app-error.ts";
import { assertNever } from "../../shared/assert-never.ts";
import { type FileRecord, findFile } from "../../storage/repositories/file-repository.ts";
import { verifyBlobToken } from "../blobs/signed-urls.ts";
import type { ServiceContext } from "../context.ts";
import { openFileUrl } from "./download-file-url.ts";
import { storeFile } from "./store-file.ts";

export type FileInput =
  | { readonly kind: "id"; readonly id: string }
  | { readonly kind: "text"; readonly text: string; readonly name: string | undefined }
  | { readonly kind: "base64"; readonly base64: string; readonly name: string | undefined }
  | {
      readonly kind: "url";
      readonly url: string;
      readonly name: string | undefined;
      readonly password: string | undefined;
    };

/** A URL to fetch later: what a run stores until its worker has downloaded the file. */
export interface PendingUrlInput {
  readonly url: string;
  readonly name: string | undefined;
  readonly password: string | undefined;
}

export type PreparedFileInput =
  | { readonly kind: "file"; readonly file: FileRecord }
  | { readonly kind: "url"; readonly pending: PendingUrlInput };

export async function prepareFileInput(
  ctx: ServiceContext,
  workspaceId: string,
  input: FileInput,
): Promise<PreparedFileInput> {
  switch (input.kind) {
    case "id": {
      const file = await findFile(ctx.db, workspaceId, input.id);
      if (file === undefined) throw notFound("File", input.id);
      return { kind: "file", file };
    }
    case "text": {
      const name = input.name ?? "text.txt";
      const file = await storeFile(ctx, {
        workspaceId,
        source: Buffer.from(input.text, "utf8"),
        fileName: /\.[A-Za-z0-9]+$/.test(name) ? name : `${name}.txt`,
      });
      return { kind: "file", file };
    }
    case "base64": {
      const bytes = decodeBase64(input.base64);
      const file = await storeFile(ctx, { workspaceId, source: bytes, fileName: input.name ?? "file" });
      return { kind: "file", file };
    }
    case "url":
      return { kind: "url", pending: { url: input.url, name: input.name, password: input.password } };
    default:
      return assertNever(input, "file input");
  }
}

/**
 * Downloads a pending URL input into a File. Quire's own signed links are read straight from the blob
 * store, so a presignedUrl from GET /files works as an input without opening the SSRF guard.
 */
export async function downloadFileInput(
  ctx: ServiceContext,
  workspaceId: string,
  pending: PendingUrlInput,
  signal?: AbortSignal,
): Promise<FileRecord> {
  const own = ownSignedBlob(ctx, pending.url);
  if (own !== undefined) {
    return storeFile(ctx, {
      workspaceId,
      source: await ctx.blobs.get(own.key),
      fileName: pending.name ?? own.fileName,
      password: pending.password,
    });
  }
  const downloaded = await openFileUrl(
    pending.url,
    { ...ctx.settings.fileUrls, maxBytes: ctx.settings.maxUploadBytes },
    signal,
  );
  return storeFile(ctx, {
    workspaceId,
    source: downloaded.stream,
    fileName: pending.name ?? downloaded.fileName,
    password: pending.password,
  });
}

function ownSignedBlob(ctx: ServiceContext, url: string): { key: string; fileName: string } | undefined {
  const match = /\/signed\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(url.split("?")[0] ?? "");
  if (match?.[1] === undefined) return undefined;
  const verdict = verifyBlobToken(ctx.settings.signingSecret, match[1], Date.now() / 1000);
  return verdict.ok ? { key: verdict.blob.key, fileName: verdict.blob.fileName } : undefined;
}

function decodeBase64(value: string): Buffer {
  const compact = value.replace(/^data:[^;,]*;base64,/, "").replace(/\s+/g, "");
  if (compact === "" || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(compact)) {
    throw new AppError("INVALID_REQUEST", "file.base64 is not valid base64; Path: file.base64");
  }
  return Buffer.from(compact, compact.includes("-") || compact.includes("_") ? "base64url" : "base64");
}
