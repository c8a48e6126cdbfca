/**
 * Deleting a parse run: cancels it first if unfinished (so its worker stops), then removes the row.
 * The output blob is shared through the parse cache and stays; the run's file is not touched.
 */
import { isCancellable } from "../../domain/run-status.ts";
import { notFound } from "../../shared/app-error.ts";
import { deleteRun, findRun, transitionRun } from "../../storage/repositories/run-repository.ts";
import type { ServiceContext } from "../context.ts";

export async function deleteParseRun(ctx: ServiceContext, workspaceId: string, id: string): Promise<void> {
  const run = await findRun(ctx.db, id, { workspaceId, type: "parse" });
  if (run === undefined) throw notFound("Parse run", id);
  if (isCancellable(run.status)) await transitionRun(ctx.db, id, "CANCELLED");
  await deleteRun(ctx.db, workspaceId, id, "parse");
  ctx.runEvents.emitFinished(id);
}
