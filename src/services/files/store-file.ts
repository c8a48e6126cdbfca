/**
 * The one path by which bytes become a File: stream into the blob store while measuring, detect the
 * format from the bytes, then insert the row. Nothing is half-stored: if any step fails, the blob is
 * removed and no row exists.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { newId } from "../../domain/ids.ts";
import { DETECTION_HEAD_BYTES, detectFormat } from "../../engine/ingest/detect-format.ts";
import { AppError } from "../../shared/app-error.ts";
import { type FileRecord, insertFile } from "../../storage/repositories/file-repository.ts";
import type { ServiceContext } from "../context.ts";
import { MeasureStream } from "./measure-stream.ts";

export interface StoreFileInput {
  readonly workspaceId: string;
  readonly source: Readable | Uint8Array;
  readonly fileName: string;
  readonly password?: string | undefined;
  readonly parentFileId?: string | undefined;
  /** Initial File metadata (e.g. pageCount of a PDF made on upload). */
  readonly metadata?: Record<string, unknown> | undefined;
}

export async function storeFile(ctx: ServiceContext, input: StoreFileInput): Promise<FileRecord> {
  const id = newId("file");
  const blobKey = `${input.workspaceId}/${id}`;
  const measure = new MeasureStream(ctx.settings.maxUploadBytes, DETECTION_HEAD_BYTES);
  const source = input.source instanceof Readable ? input.source : Readable.from([Buffer.from(input.source)]);
  try {
    // pipeline propagates a MeasureStream size error to both ends, so put() sees a failed stream.
    const stored = ctx.blobs.put(blobKey, measure);
    await Promise.all([pipeline(source, measure), stored]);
    const detected = detectFormat(measure.head, input.fileName);
    return await insertFile(ctx.db, {
      id,
      workspaceId: input.workspaceId,
      name: sanitizeFileName(input.fileName),
      type: detected.fileType,
      mediaType: detected.mediaType,
      sizeBytes: measure.size,
      sha256: measure.digest(),
      blobKey,
      parentFileId: input.parentFileId ?? null,
      metadata: input.metadata ?? {},
      password: input.password ?? null,
    });
  } catch (error) {
    await ctx.blobs.delete(blobKey).catch((cleanupError: unknown) => {
      ctx.logger.error({ err: cleanupError, blobKey }, "could not remove blob of a failed store");
    });
    throw error instanceof AppError ? error : unwrapStreamError(error);
  }
}

/** Stream plumbing may wrap our AppError (e.g. as the cause of a premature-close error). */
function unwrapStreamError(error: unknown): unknown {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current instanceof AppError) return current;
    current = current.cause;
  }
  return error;
}

/** A display name: the basename, without control characters, at most 255 characters. */
export function sanitizeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (clean === "" ? "file" : clean).slice(0, 255);
}
