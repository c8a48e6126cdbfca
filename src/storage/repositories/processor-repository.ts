/**
 * Processors (extractors, classifiers, splitters) and their versions. The draft is one row with
 * version 'draft', edited in place; publishing inserts an immutable 'N.M' row. All SQL for them here.
 */
import { AppError } from "../../shared/app-error.ts";
import type { Queryable } from "../db/database.ts";
import { cursorValueSql, keysetSql, type Page, type PageRequest, toPage } from "./keyset-page.ts";

export type ProcessorType = "extractor" | "classifier" | "splitter";

export interface ProcessorRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly type: ProcessorType;
  readonly name: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface ProcessorVersionRecord {
  readonly id: string;
  readonly processorId: string;
  /** "draft" or "N.M". */
  readonly version: string;
  readonly major: number | null;
  readonly minor: number | null;
  readonly description: string | null;
  readonly config: object;
  readonly createdBy: object | null;
  readonly createdAt: Date;
}

interface ProcessorRow {
  id: string;
  workspace_id: string;
  type: ProcessorType;
  name: string;
  created_at: Date;
  updated_at: Date;
}

interface VersionRow {
  id: string;
  processor_id: string;
  version: string;
  major: number | null;
  minor: number | null;
  description: string | null;
  config: object;
  created_by: object | null;
  created_at: Date;
}

const mapProcessor = (row: ProcessorRow): ProcessorRecord => ({
  id: row.id,
  workspaceId: row.workspace_id,
  type: row.type,
  name: row.name,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const mapVersion = (row: VersionRow): ProcessorVersionRecord => ({
  id: row.id,
  processorId: row.processor_id,
  version: row.version,
  major: row.major,
  minor: row.minor,
  description: row.description,
  config: row.config,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

export async function insertProcessor(
  db: Queryable,
  processor: { id: string; workspaceId: string; type: ProcessorType; name: string },
): Promise<ProcessorRecord> {
  const rows = await db.query<ProcessorRow>(
    "insert into processors (id, workspace_id, type, name) values ($1, $2, $3, $4) returning *",
    [processor.id, processor.workspaceId, processor.type, processor.name],
  );
  return mapProcessor(rows[0]!);
}

export async function findProcessor(
  db: Queryable,
  workspaceId: string,
  type: ProcessorType,
  id: string,
): Promise<ProcessorRecord | undefined> {
  const rows = await db.query<ProcessorRow>(
    "select * from processors where id = $1 and workspace_id = $2 and type = $3",
    [id, workspaceId, type],
  );
  return rows[0] === undefined ? undefined : mapProcessor(rows[0]);
}

export async function listProcessors(
  db: Queryable,
  workspaceId: string,
  type: ProcessorType,
  page: PageRequest,
): Promise<Page<ProcessorRecord>> {
  const keyset = keysetSql(page, 3);
  const rows = await db.query<ProcessorRow & { cursor_value: string }>(
    `select *, ${cursorValueSql(page.sortBy)} from processors where workspace_id = $1 and type = $2 and ${keyset.where} ${keyset.orderBy} ${keyset.limit}`,
    [workspaceId, type, ...keyset.params],
  );
  return toPage(rows, page, mapProcessor);
}

export async function renameProcessor(db: Queryable, id: string, name: string | undefined): Promise<void> {
  await db.query(
    "update processors set name = coalesce($2, name), updated_at = clock_timestamp() where id = $1",
    [id, name ?? null],
  );
}

export async function insertVersion(
  db: Queryable,
  version: Omit<ProcessorVersionRecord, "createdAt">,
): Promise<ProcessorVersionRecord> {
  const rows = await db.query<VersionRow>(
    `insert into processor_versions (id, processor_id, version, major, minor, description, config, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning *`,
    [
      version.id,
      version.processorId,
      version.version,
      version.major,
      version.minor,
      version.description,
      JSON.stringify(version.config),
      version.createdBy === null ? null : JSON.stringify(version.createdBy),
    ],
  );
  return mapVersion(rows[0]!);
}

export async function updateDraftConfig(db: Queryable, processorId: string, config: object): Promise<void> {
  await db.query(
    "update processor_versions set config = $2, updated_at = clock_timestamp() where processor_id = $1 and version = 'draft'",
    [processorId, JSON.stringify(config)],
  );
}

/** By version string ("draft", "1.0") or version id. */
export async function findVersion(
  db: Queryable,
  processorId: string,
  versionOrId: string,
): Promise<ProcessorVersionRecord | undefined> {
  const rows = await db.query<VersionRow>(
    "select * from processor_versions where processor_id = $1 and (version = $2 or id = $2)",
    [processorId, versionOrId],
  );
  return rows[0] === undefined ? undefined : mapVersion(rows[0]);
}

/** The highest published version, or undefined when only the draft exists. */
export async function findLatestPublished(
  db: Queryable,
  processorId: string,
): Promise<ProcessorVersionRecord | undefined> {
  const rows = await db.query<VersionRow>(
    "select * from processor_versions where processor_id = $1 and version <> 'draft' order by major desc, minor desc limit 1",
    [processorId],
  );
  return rows[0] === undefined ? undefined : mapVersion(rows[0]);
}

/**
 * Versions with the draft first, then published ones newest first (spec §1.7; sortDir flips only the
 * published part). Keyset over (is_draft, created_at, id), so pages stay stable while versions are
 * published concurrently.
 */
export async function listVersions(
  db: Queryable,
  processorId: string,
  page: PageRequest,
): Promise<Page<ProcessorVersionRecord>> {
  const direction = page.sortDir === "asc" ? "asc" : "desc";
  const comparator = page.sortDir === "asc" ? ">" : "<";
  const params: unknown[] = [processorId];
  let after = "true";
  if (page.token !== undefined) {
    const cursor = decodeVersionCursor(page.token);
    params.push(cursor.draft ? 1 : 0, cursor.createdAt, cursor.id);
    after = `(case when version = 'draft' then 1 else 0 end < $2
      or (case when version = 'draft' then 1 else 0 end = $2
          and (created_at, id) ${comparator} (($3::timestamp) at time zone 'UTC', $4)))`;
  }
  const rows = await db.query<VersionRow & { cursor_value: string }>(
    `select *, ${cursorValueSql("createdAt")} from processor_versions
     where processor_id = $1 and ${after}
     order by case when version = 'draft' then 1 else 0 end desc, created_at ${direction}, id ${direction}
     limit ${page.limit + 1}`,
    params,
  );
  const hasMore = rows.length > page.limit;
  const kept = rows.slice(0, page.limit);
  const last = kept.at(-1);
  return {
    items: kept.map(mapVersion),
    nextPageToken:
      hasMore && last !== undefined
        ? Buffer.from(
            JSON.stringify({
              d: last.version === "draft",
              v: last.cursor_value,
              i: last.id,
              s: page.sortDir,
            }),
          ).toString("base64url")
        : undefined,
  };
}

function decodeVersionCursor(token: string): { draft: boolean; createdAt: string; id: string } {
  try {
    const cursor = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as Record<string, unknown>;
    if (
      typeof cursor.d === "boolean" &&
      typeof cursor.v === "string" &&
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$/.test(cursor.v) &&
      typeof cursor.i === "string"
    ) {
      return { draft: cursor.d, createdAt: cursor.v, id: cursor.i };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError("INVALID_REQUEST", "nextPageToken is not a valid page token; Path: nextPageToken");
}
