/**
 * Cancelling a run: a guarded status change to CANCELLED. The worker executing it notices within its
 * cancel-poll interval (and at once in the same process) and aborts the engine, which terminates the
 * worker thread, so a cancelled run stops consuming CPU within about a second.
 */
import { isCancellable } from "../../domain/run-status.ts";
import { AppError, notFound } from "../../shared/app-error.ts";
import {
  findRun,
  type RunRecord,
  type RunType,
  transitionRun,
} from "../../storage/repositories/run-repository.ts";
import type { ServiceContext } from "../context.ts";

export async function cancelRun(
  ctx: ServiceContext,
  workspaceId: string,
  id: string,
  type: RunType,
): Promise<RunRecord> {
  const run = await findRun(ctx.db, id, { workspaceId, type });
  if (run === undefined) throw notFound(`${type[0]!.toUpperCase()}${type.slice(1)} run`, id);
  if (!isCancellable(run.status)) {
    throw new AppError("INVALID_REQUEST", `Run ${id} is ${run.status} and can no longer be cancelled`);
  }
  const cancelled = await transitionRun(ctx.db, id, "CANCELLED", {
    failureMessage: "Cancelled by request",
  });
  if (cancelled === undefined) {
    // It finished between the read and the update: report what it is now.
    const current = await findRun(ctx.db, id, { workspaceId, type });
    if (current === undefined) throw notFound("Run", id);
    throw new AppError("INVALID_REQUEST", `Run ${id} is ${current.status} and can no longer be cancelled`);
  }
  ctx.runEvents.emitFinished(id);
  return cancelled;
}
