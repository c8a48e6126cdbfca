/** The files table: stored uploads and downloads, one row per blob. All SQL for files lives here. */
import type { Queryable } from "../db/database.ts";
import { cursorValueSql, keysetSql, type Page, type PageRequest, toPage } from "./keyset-page.ts";

export interface FileRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly name: string;
  /** Extend FileType (PDF, IMG, …) or null when undeterminable. */
  readonly type: string | null;
  /** Precise media type detected from the bytes (application/pdf, image/png, …). */
  readonly mediaType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly blobKey: string;
  readonly parentFileId: string | null;
  readonly metadata: Record<string, unknown>;
  /** Password supplied for an encrypted PDF; never returned over the API. */
  readonly password: string | null;
  /** Parse-derived contents (deprecated Extend `contents`); null until a parse produced them. */
  readonly contents: Record<string, unknown> | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export type NewFile = Omit<FileRecord, "createdAt" | "updatedAt" | "contents">;

interface FileRow {
  id: string;
  workspace_id: string;
  name: string;
  type: string | null;
  media_type: string;
  size_bytes: number;
  sha256: string;
  blob_key: string;
  parent_file_id: string | null;
  metadata: Record<string, unknown>;
  password: string | null;
  contents: Record<string, unknown> | null;
  created_at: Date;
  updated_at: Date;
}

function mapFile(row: FileRow): FileRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    type: row.type,
    mediaType: row.media_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    blobKey: row.blob_key,
    parentFileId: row.parent_file_id,
    metadata: row.metadata,
    password: row.password,
    contents: row.contents,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertFile(db: Queryable, file: NewFile): Promise<FileRecord> {
  const rows = await db.query<FileRow>(
    `insert into files (id, workspace_id, name, type, media_type, size_bytes, sha256, blob_key, parent_file_id, metadata, password)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning *`,
    [
      file.id,
      file.workspaceId,
      file.name,
      file.type,
      file.mediaType,
      file.sizeBytes,
      file.sha256,
      file.blobKey,
      file.parentFileId,
      JSON.stringify(file.metadata),
      file.password,
    ],
  );
  return mapFile(rows[0]!);
}

export async function findFile(
  db: Queryable,
  workspaceId: string,
  id: string,
): Promise<FileRecord | undefined> {
  const rows = await db.query<FileRow>("select * from files where workspace_id = $1 and id = $2", [
    workspaceId,
    id,
  ]);
  return rows[0] === undefined ? undefined : mapFile(rows[0]);
}

export async function listFiles(
  db: Queryable,
  workspaceId: string,
  filters: { readonly nameContains: string | undefined },
  page: PageRequest,
): Promise<Page<FileRecord>> {
  const params: unknown[] = [workspaceId];
  let where = "workspace_id = $1";
  if (filters.nameContains !== undefined) {
    params.push(`%${escapeLike(filters.nameContains)}%`);
    where += ` and name ilike $${params.length}`;
  }
  const keyset = keysetSql(page, params.length + 1);
  const rows = await db.query<FileRow & { cursor_value: string }>(
    `select *, ${cursorValueSql(page.sortBy)} from files where ${where} and ${keyset.where} ${keyset.orderBy} ${keyset.limit}`,
    [...params, ...keyset.params],
  );
  return toPage(rows, page, mapFile);
}

/** Deletes the row and returns it (so the caller can delete its blob), or undefined if absent. */
export async function deleteFile(
  db: Queryable,
  workspaceId: string,
  id: string,
): Promise<FileRecord | undefined> {
  const rows = await db.query<FileRow>("delete from files where workspace_id = $1 and id = $2 returning *", [
    workspaceId,
    id,
  ]);
  return rows[0] === undefined ? undefined : mapFile(rows[0]);
}

/** LIKE metacharacters in user input match literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export async function updateFilePassword(db: Queryable, id: string, password: string): Promise<void> {
  await db.query("update files set password = $2, updated_at = clock_timestamp() where id = $1", [
    id,
    password,
  ]);
}

/** Records what a parse learned; contents undefined keeps the stored ones (a cached parse). */
export async function updateFileParseResults(
  db: Queryable,
  id: string,
  results: { readonly pageCount: number; readonly contents: object | undefined },
): Promise<void> {
  await db.query(
    `update files set metadata = metadata || jsonb_build_object('pageCount', $2::int),
       contents = coalesce($3::jsonb, contents), updated_at = clock_timestamp() where id = $1`,
    [id, results.pageCount, results.contents === undefined ? null : JSON.stringify(results.contents)],
  );
}
