/**
 * The dead-letter handler: a run whose job used up every retry (its worker kept crashing, or died on
 * the last attempt, so no handler could record it) is failed with INTERNAL_ERROR rather than left
 * PROCESSING forever. A run that did finish meanwhile is left alone (the transition is guarded).
 */
import type { JobContext } from "../../queue/job-queue.ts";
import { transitionRun } from "../../storage/repositories/run-repository.ts";
import type { ServiceContext } from "../context.ts";
import type { RunJobPayload } from "./job-names.ts";

export async function failAbandonedRun(ctx: ServiceContext, job: JobContext<RunJobPayload>): Promise<void> {
  const failed = await transitionRun(ctx.db, job.data.runId, "FAILED", {
    failureReason: "INTERNAL_ERROR",
    failureMessage:
      "Processing did not complete after every retry (the worker failed or was stopped each time)",
  });
  if (failed !== undefined) {
    ctx.logger.error({ runId: job.data.runId }, "run failed after exhausting its retries");
    ctx.runEvents.emitFinished(job.data.runId);
  }
}
