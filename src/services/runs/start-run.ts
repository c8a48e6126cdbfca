/**
 * Creating runs: the run rows and their jobs are written in ONE transaction, so a run can never exist
 * without the job that will process it (or the reverse), whatever crashes in between.
 */

import { insertBatch } from "../../storage/repositories/batch-repository.ts";
import type { NewRun, RunRecord } from "../../storage/repositories/run-repository.ts";
import { insertRun } from "../../storage/repositories/run-repository.ts";
import type { ServiceContext } from "../context.ts";
import type { RunJobPayload } from "./job-names.ts";

export async function startRun(ctx: ServiceContext, run: NewRun, jobName: string): Promise<RunRecord> {
  const inserted = await ctx.db.transaction(async (tx) => {
    const created = await insertRun(tx, run);
    await ctx.queue.enqueue<RunJobPayload>(jobName, { runId: run.id }, { tx, priority: run.priority });
    return created;
  });
  // Committed: an in-process worker can take it now rather than at its next poll.
  ctx.queue.wake(jobName);
  return inserted;
}

export async function startBatch(
  ctx: ServiceContext,
  batch: { readonly id: string; readonly workspaceId: string; readonly type: string },
  runs: readonly NewRun[],
  jobName: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await insertBatch(tx, { ...batch, runCount: runs.length });
    for (const run of runs) {
      await insertRun(tx, run);
      await ctx.queue.enqueue<RunJobPayload>(jobName, { runId: run.id }, { tx, priority: run.priority });
    }
  });
  ctx.queue.wake(jobName);
}
