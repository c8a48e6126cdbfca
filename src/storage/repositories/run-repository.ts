/**
 * The runs table: every run type's lifecycle row. Status changes are guarded UPDATEs (… WHERE status
 * IN (allowed predecessors)), so two processes racing on one run (worker finishing, user cancelling)
 * cannot both win. All SQL for runs lives here.
 */
import { type RunStatus, statusesLeadingTo } from "../../domain/run-status.ts";
import type { Queryable } from "../db/database.ts";
import { escapeLike } from "./file-repository.ts";
import { cursorValueSql, keysetSql, type Page, type PageRequest, toPage } from "./keyset-page.ts";

export type RunType = "parse" | "extract" | "classify" | "split";

export interface RunRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly type: RunType;
  readonly batchId: string | null;
  readonly fileId: string | null;
  readonly fileSummary: Record<string, unknown> | null;
  readonly pendingInput: Record<string, unknown> | null;
  readonly status: RunStatus;
  readonly failureReason: string | null;
  readonly failureMessage: string | null;
  readonly metadata: Record<string, unknown> | null;
  readonly config: object;
  readonly outputBlobKey: string | null;
  readonly metrics: Record<string, unknown> | null;
  readonly usage: Record<string, unknown> | null;
  readonly source: string;
  readonly sourceId: string | null;
  readonly priority: number;
  readonly attempts: number;
  readonly processorId: string | null;
  readonly processorSummary: object | null;
  readonly versionSummary: object | null;
  readonly parseRunId: string | null;
  /** Package inputs: the files (as summaries) and their ids in input order. */
  readonly fileSummaries: object[] | null;
  readonly packageInputs: object[] | null;
  /** Small JSON outputs (extract, classify, split) live here; parse outputs live in the blob store. */
  readonly output: object | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export type NewRun = Pick<
  RunRecord,
  | "id"
  | "workspaceId"
  | "type"
  | "batchId"
  | "fileId"
  | "fileSummary"
  | "pendingInput"
  | "status"
  | "metadata"
  | "config"
  | "source"
  | "sourceId"
  | "priority"
> &
  Partial<
    Pick<RunRecord, "processorId" | "processorSummary" | "versionSummary" | "fileSummaries" | "packageInputs">
  >;

export interface RunFilters {
  readonly status?: RunStatus | undefined;
  readonly batchId?: string | undefined;
  readonly source?: string | undefined;
  readonly sourceId?: string | undefined;
  readonly fileNameContains?: string | undefined;
  /** Extractor / classifier / splitter id. */
  readonly processorId?: string | undefined;
}

/** Fields a transition may set alongside the status. */
export interface RunPatch {
  readonly failureReason?: string | null;
  readonly failureMessage?: string | null;
  readonly outputBlobKey?: string | null;
  readonly metrics?: Record<string, unknown> | null;
  readonly usage?: Record<string, unknown> | null;
  readonly fileId?: string | null;
  readonly fileSummary?: Record<string, unknown> | null;
  readonly pendingInput?: Record<string, unknown> | null;
  readonly output?: object | null;
  readonly parseRunId?: string | null;
}

interface RunRow {
  id: string;
  workspace_id: string;
  type: RunType;
  batch_id: string | null;
  file_id: string | null;
  file_summary: Record<string, unknown> | null;
  pending_input: Record<string, unknown> | null;
  status: RunStatus;
  failure_reason: string | null;
  failure_message: string | null;
  metadata: Record<string, unknown> | null;
  config: object;
  output_blob_key: string | null;
  metrics: Record<string, unknown> | null;
  usage: Record<string, unknown> | null;
  source: string;
  source_id: string | null;
  priority: number;
  attempts: number;
  processor_id: string | null;
  processor_summary: object | null;
  version_summary: object | null;
  parse_run_id: string | null;
  file_summaries: object[] | null;
  package_inputs: object[] | null;
  output: object | null;
  created_at: Date;
  updated_at: Date;
}

function mapRun(row: RunRow): RunRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    type: row.type,
    batchId: row.batch_id,
    fileId: row.file_id,
    fileSummary: row.file_summary,
    pendingInput: row.pending_input,
    status: row.status,
    failureReason: row.failure_reason,
    failureMessage: row.failure_message,
    metadata: row.metadata,
    config: row.config,
    outputBlobKey: row.output_blob_key,
    metrics: row.metrics,
    usage: row.usage,
    source: row.source,
    sourceId: row.source_id,
    priority: row.priority,
    attempts: row.attempts,
    processorId: row.processor_id,
    processorSummary: row.processor_summary,
    versionSummary: row.version_summary,
    parseRunId: row.parse_run_id,
    fileSummaries: row.file_summaries,
    packageInputs: row.package_inputs,
    output: row.output,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

export async function insertRun(db: Queryable, run: NewRun): Promise<RunRecord> {
  const rows = await db.query<RunRow>(
    `insert into runs (id, workspace_id, type, batch_id, file_id, file_summary, pending_input, status, metadata, config, source, source_id, priority,
       processor_id, processor_summary, version_summary, file_summaries, package_inputs)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) returning *`,
    [
      run.id,
      run.workspaceId,
      run.type,
      run.batchId,
      run.fileId,
      json(run.fileSummary),
      json(run.pendingInput),
      run.status,
      json(run.metadata),
      JSON.stringify(run.config),
      run.source,
      run.sourceId,
      run.priority,
      run.processorId ?? null,
      json(run.processorSummary),
      json(run.versionSummary),
      json(run.fileSummaries),
      json(run.packageInputs),
    ],
  );
  return mapRun(rows[0]!);
}

/** By id within a workspace; workspaceId undefined is for workers, which act on any workspace's runs. */
export async function findRun(
  db: Queryable,
  id: string,
  scope: { readonly workspaceId?: string; readonly type?: RunType } = {},
): Promise<RunRecord | undefined> {
  const rows = await db.query<RunRow>(
    "select * from runs where id = $1 and ($2::text is null or workspace_id = $2) and ($3::text is null or type = $3)",
    [id, scope.workspaceId ?? null, scope.type ?? null],
  );
  return rows[0] === undefined ? undefined : mapRun(rows[0]);
}

export async function findRunStatus(db: Queryable, id: string): Promise<RunStatus | undefined> {
  const rows = await db.query<{ status: RunStatus }>("select status from runs where id = $1", [id]);
  return rows[0]?.status;
}

export async function listRuns(
  db: Queryable,
  workspaceId: string,
  type: RunType,
  filters: RunFilters,
  page: PageRequest,
): Promise<Page<RunRecord>> {
  const params: unknown[] = [workspaceId, type];
  const where = ["r.workspace_id = $1", "r.type = $2"];
  const add = (clause: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (filters.status !== undefined) add((p) => `r.status = ${p}`, filters.status);
  if (filters.batchId !== undefined) add((p) => `r.batch_id = ${p}`, filters.batchId);
  // Upstream parity: batchId takes precedence over source (spec §1.7).
  else if (filters.source !== undefined) add((p) => `r.source = ${p}`, filters.source);
  if (filters.sourceId !== undefined) add((p) => `r.source_id = ${p}`, filters.sourceId);
  if (filters.processorId !== undefined) add((p) => `r.processor_id = ${p}`, filters.processorId);
  if (filters.fileNameContains !== undefined) {
    add((p) => `r.file_summary->>'name' ilike ${p}`, `%${escapeLike(filters.fileNameContains)}%`);
  }
  const keyset = keysetSql(page, params.length + 1, "r");
  const rows = await db.query<RunRow & { cursor_value: string }>(
    `select r.*, ${cursorValueSql(page.sortBy, "r")} from runs r
     where ${where.join(" and ")} and ${keyset.where} ${keyset.orderBy} ${keyset.limit}`,
    [...params, ...keyset.params],
  );
  return toPage(rows, page, mapRun);
}

/**
 * Moves a run to `to` if its current status allows it, setting the patch fields; returns the updated
 * run, or undefined when the run is gone or its status no longer allows the move (someone else won).
 */
export async function transitionRun(
  db: Queryable,
  id: string,
  to: RunStatus,
  patch: RunPatch = {},
): Promise<RunRecord | undefined> {
  const sets = ["status = $2", "updated_at = clock_timestamp()"];
  const params: unknown[] = [id, to, statusesLeadingTo(to)];
  const set = (column: string, value: unknown, isJson = false) => {
    params.push(isJson ? json(value) : value);
    sets.push(`${column} = $${params.length}`);
  };
  if (patch.failureReason !== undefined) set("failure_reason", patch.failureReason);
  if (patch.failureMessage !== undefined) set("failure_message", patch.failureMessage);
  if (patch.outputBlobKey !== undefined) set("output_blob_key", patch.outputBlobKey);
  if (patch.metrics !== undefined) set("metrics", patch.metrics, true);
  if (patch.usage !== undefined) set("usage", patch.usage, true);
  if (patch.fileId !== undefined) set("file_id", patch.fileId);
  if (patch.fileSummary !== undefined) set("file_summary", patch.fileSummary, true);
  if (patch.pendingInput !== undefined) set("pending_input", patch.pendingInput, true);
  if (patch.output !== undefined) set("output", patch.output, true);
  if (patch.parseRunId !== undefined) set("parse_run_id", patch.parseRunId);
  if (to === "PROCESSING") sets.push("started_at = coalesce(started_at, clock_timestamp())");
  else sets.push("finished_at = clock_timestamp()");
  const rows = await db.query<RunRow>(
    `update runs set ${sets.join(", ")} where id = $1 and status = any($3::text[]) returning *`,
    params,
  );
  return rows[0] === undefined ? undefined : mapRun(rows[0]);
}

/** Records that a worker (re)started the run; attempts counts crashes and retries. */
export async function recordAttempt(db: Queryable, id: string): Promise<number> {
  const rows = await db.query<{ attempts: number }>(
    "update runs set attempts = attempts + 1, updated_at = clock_timestamp() where id = $1 returning attempts",
    [id],
  );
  return rows[0]?.attempts ?? 0;
}

/** Fills in the file of a run whose input was downloaded by the worker (status unchanged). */
export async function attachRunFile(
  db: Queryable,
  id: string,
  fileId: string,
  fileSummary: Record<string, unknown>,
): Promise<void> {
  await db.query(
    "update runs set file_id = $2, file_summary = $3, pending_input = null, updated_at = clock_timestamp() where id = $1",
    [id, fileId, JSON.stringify(fileSummary)],
  );
}

/** Replaces the config a run snapshots (an extract run's inferred schema joins it; status unchanged). */
export async function updateRunConfig(db: Queryable, id: string, config: object): Promise<void> {
  await db.query("update runs set config = $2, updated_at = clock_timestamp() where id = $1", [
    id,
    JSON.stringify(config),
  ]);
}

export async function deleteRun(
  db: Queryable,
  workspaceId: string,
  id: string,
  type: RunType,
): Promise<RunRecord | undefined> {
  const rows = await db.query<RunRow>(
    "delete from runs where id = $1 and workspace_id = $2 and type = $3 returning *",
    [id, workspaceId, type],
  );
  return rows[0] === undefined ? undefined : mapRun(rows[0]);
}
