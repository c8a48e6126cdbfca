/** Batches: a group of runs created together; their status is derived from the runs' statuses. */
import type { RunStatus } from "../../domain/run-status.ts";
import type { Queryable } from "../db/database.ts";

export interface BatchRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly type: string;
  readonly runCount: number;
  readonly createdAt: Date;
  /** How many of the batch's runs are in each status. */
  readonly statusCounts: Readonly<Partial<Record<RunStatus, number>>>;
}

export async function insertBatch(
  db: Queryable,
  batch: { id: string; workspaceId: string; type: string; runCount: number },
): Promise<void> {
  await db.query("insert into batches (id, workspace_id, type, run_count) values ($1, $2, $3, $4)", [
    batch.id,
    batch.workspaceId,
    batch.type,
    batch.runCount,
  ]);
}

export async function findBatch(
  db: Queryable,
  workspaceId: string,
  id: string,
): Promise<BatchRecord | undefined> {
  const batches = await db.query<{
    id: string;
    workspace_id: string;
    type: string;
    run_count: number;
    created_at: Date;
  }>("select * from batches where id = $1 and workspace_id = $2", [id, workspaceId]);
  const batch = batches[0];
  if (batch === undefined) return undefined;
  const counts = await db.query<{ status: RunStatus; n: number }>(
    "select status, count(*)::int as n from runs where batch_id = $1 group by status",
    [id],
  );
  return {
    id: batch.id,
    workspaceId: batch.workspace_id,
    type: batch.type,
    runCount: batch.run_count,
    createdAt: batch.created_at,
    statusCounts: Object.fromEntries(counts.map((row) => [row.status, row.n])),
  };
}
