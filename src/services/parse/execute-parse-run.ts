/**
 * The parse job: file → cached or freshly computed output → PROCESSED, or FAILED with the engine's
 * failureReason. Idempotent under redelivery (a run already finished is left alone), so a job retried
 * after a worker crash simply resumes. Engine work happens in the worker-thread pool and is aborted
 * when the run is cancelled or the job is reclaimed.
 */
import type { Extend } from "extend-ai";
import type { FailureReason } from "../../domain/failure-reasons.ts";
import { isTerminal } from "../../domain/run-status.ts";
import type { JobContext } from "../../queue/job-queue.ts";
import { AppError } from "../../shared/app-error.ts";
import { type FileRecord, findFile } from "../../storage/repositories/file-repository.ts";
import {
  attachRunFile,
  findRun,
  type RunRecord,
  recordAttempt,
  transitionRun,
} from "../../storage/repositories/run-repository.ts";
import type { ServiceContext } from "../context.ts";
import { downloadFileInput, type PendingUrlInput } from "../files/file-input.ts";
import { fileSummaryOf } from "../files/file-summary.ts";
import { updateFileFromParse } from "../files/update-file-from-parse.ts";
import type { RunJobPayload } from "../runs/job-names.ts";
import { watchForCancellation } from "../runs/watch-for-cancellation.ts";
import { parseUsage } from "./create-parse-run.ts";
import type { EffectiveParseConfig } from "./effective-parse-config.ts";
import { parseWithCache } from "./parse-file.ts";

export async function executeParseRun(ctx: ServiceContext, job: JobContext<RunJobPayload>): Promise<void> {
  const found = await findRun(ctx.db, job.data.runId, { type: "parse" });
  if (found === undefined || isTerminal(found.status)) return;
  const run = found.status === "PENDING" ? await transitionRun(ctx.db, found.id, "PROCESSING") : found;
  if (run === undefined) return; // cancelled or deleted meanwhile
  await recordAttempt(ctx.db, run.id);
  const started = Date.now();
  const watcher = watchForCancellation(ctx, run.id, job.signal);
  try {
    const file = await resolveRunFile(ctx, run, watcher.signal);
    if (typeof file === "string") return await fail(ctx, run, "UNABLE_TO_DOWNLOAD_FILE", file);
    const config = run.config as EffectiveParseConfig;
    const result = await parseWithCache(ctx, file, config, watcher.signal);
    if (watcher.signal.aborted) return;
    if (result.status === "failure") return await fail(ctx, run, result.failureReason, result.failureMessage);
    // The file first: whoever sees the run PROCESSED must also see what the parse taught the file.
    // A parse of selected pages (pageRanges) counts and holds only those, so it teaches the file nothing.
    if ((config.advancedOptions?.pageRanges ?? []).length === 0) {
      await updateFileFromParse(
        ctx,
        file,
        result.pageCount,
        result.output ?? (await loadCachedOutput(ctx, file, result)),
      );
    }
    const finished = await transitionRun(ctx.db, run.id, "PROCESSED", {
      outputBlobKey: result.outputBlobKey,
      metrics: { processingTimeMs: Date.now() - started, pageCount: result.pageCount },
      usage: { ...parseUsage(run.id, config.engine, result.pageCount) },
      failureReason: null,
      failureMessage: null,
    });
    if (finished !== undefined) ctx.runEvents.emitFinished(run.id);
  } catch (error) {
    if (watcher.signal.aborted) return;
    const appError = error instanceof AppError ? error : undefined;
    if (appError?.code === "UNABLE_TO_DOWNLOAD_FILE" || appError?.code === "FILE_SIZE_TOO_LARGE") {
      return await fail(ctx, run, appError.code, appError.message);
    }
    // Transient (database, blob store, a crashed engine thread): let the queue retry; on the last
    // attempt, record the failure so the run does not stay PROCESSING forever.
    if (job.retryCount >= job.retryLimit) {
      await fail(
        ctx,
        run,
        "INTERNAL_ERROR",
        `Parsing failed after ${job.retryCount + 1} attempts: ${(error as Error).message}`,
      );
      return;
    }
    throw error;
  } finally {
    watcher.stop();
  }
}

/** A cache hit for a file that has no contents yet (same bytes uploaded again) still fills them in. */
async function loadCachedOutput(
  ctx: ServiceContext,
  file: FileRecord,
  result: { outputBlobKey: string },
): Promise<Extend.ParseRunOutput | undefined> {
  if (file.contents !== null) return undefined;
  return JSON.parse(
    (await ctx.blobs.getBytes(result.outputBlobKey)).toString("utf8"),
  ) as Extend.ParseRunOutput;
}

async function fail(
  ctx: ServiceContext,
  run: RunRecord,
  reason: FailureReason,
  message: string,
): Promise<void> {
  const failed = await transitionRun(ctx.db, run.id, "FAILED", {
    failureReason: reason,
    failureMessage: message,
  });
  if (failed !== undefined) ctx.runEvents.emitFinished(run.id);
}

/** The run's file, downloading a batch input URL first; a string is the reason it is unavailable. */
async function resolveRunFile(
  ctx: ServiceContext,
  run: RunRecord,
  signal: AbortSignal,
): Promise<FileRecord | string> {
  if (run.fileId !== null) {
    return (
      (await findFile(ctx.db, run.workspaceId, run.fileId)) ??
      "The run's file was deleted before it was parsed"
    );
  }
  if (run.pendingInput === null) return "The run has no file";
  const file = await downloadFileInput(
    ctx,
    run.workspaceId,
    run.pendingInput as unknown as PendingUrlInput,
    signal,
  );
  await attachRunFile(ctx.db, run.id, file.id, { ...fileSummaryOf(file) });
  return file;
}
