/** Retrieving, listing and deleting runs of any type, scoped to the caller's workspace. */
import { isCancellable } from "../../domain/run-status.ts";
import { notFound } from "../../shared/app-error.ts";
import type { Page, PageRequest } from "../../storage/repositories/keyset-page.ts";
import {
  deleteRun,
  findRun,
  listRuns,
  type RunFilters,
  type RunRecord,
  type RunType,
  transitionRun,
} from "../../storage/repositories/run-repository.ts";
import type { ServiceContext } from "../context.ts";

const LABEL: Record<RunType, string> = {
  parse: "Parse run",
  extract: "Extract run",
  classify: "Classify run",
  split: "Split run",
};

export async function retrieveRunOfType(
  ctx: ServiceContext,
  workspaceId: string,
  id: string,
  type: RunType,
): Promise<RunRecord> {
  const run = await findRun(ctx.db, id, { workspaceId, type });
  if (run === undefined) throw notFound(LABEL[type], id);
  return run;
}

export function listRunsOfType(
  ctx: ServiceContext,
  workspaceId: string,
  type: RunType,
  filters: RunFilters,
  page: PageRequest,
): Promise<Page<RunRecord>> {
  return listRuns(ctx.db, workspaceId, type, filters, page);
}

/** Cancels an unfinished run first (its worker stops), then removes it. Files are not touched. */
export async function deleteRunOfType(
  ctx: ServiceContext,
  workspaceId: string,
  id: string,
  type: RunType,
): Promise<void> {
  const run = await retrieveRunOfType(ctx, workspaceId, id, type);
  if (isCancellable(run.status)) await transitionRun(ctx.db, id, "CANCELLED");
  await deleteRun(ctx.db, workspaceId, id, type);
  ctx.runEvents.emitFinished(id);
}
