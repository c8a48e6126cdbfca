/**
 * Batch runs (GET /batch_runs/{id}): status derived from the runs' statuses. PENDING until a run
 * starts, PROCESSING while any run is unfinished, then PROCESSED (some runs may have FAILED; the batch
 * itself completed), FAILED only when every run failed, CANCELLED when every run was cancelled.
 */
import { notFound } from "../../shared/app-error.ts";
import { type BatchRecord, findBatch } from "../../storage/repositories/batch-repository.ts";
import type { ServiceContext } from "../context.ts";

export type BatchStatus = "PENDING" | "PROCESSING" | "PROCESSED" | "FAILED" | "CANCELLED";

export async function retrieveBatch(
  ctx: ServiceContext,
  workspaceId: string,
  id: string,
): Promise<BatchRecord & { status: BatchStatus }> {
  const batch = await findBatch(ctx.db, workspaceId, id);
  if (batch === undefined) throw notFound("Batch run", id);
  return { ...batch, status: batchStatus(batch.statusCounts) };
}

export function batchStatus(counts: BatchRecord["statusCounts"]): BatchStatus {
  const pending = counts.PENDING ?? 0;
  const processing = counts.PROCESSING ?? 0;
  const processed = counts.PROCESSED ?? 0;
  const failed = counts.FAILED ?? 0;
  const cancelled = counts.CANCELLED ?? 0;
  const total = pending + processing + processed + failed + cancelled;
  if (pending === total) return "PENDING";
  if (pending + processing > 0) return "PROCESSING";
  if (cancelled === total) return "CANCELLED";
  if (failed === total) return "FAILED";
  return "PROCESSED";
}
