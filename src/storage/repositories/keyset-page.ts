/**
 * Keyset pagination shared by every list: rows ordered by (sort column, id), the cursor carrying the
 * last row's exact sort value (microseconds) and id. Unlike offsets, a page boundary never shifts when
 * rows are inserted concurrently. Tokens are opaque base64url JSON bound to the sort they were made for.
 */
import { AppError } from "../../shared/app-error.ts";

export type SortBy = "createdAt" | "updatedAt";
export type SortDir = "asc" | "desc";

export interface PageRequest {
  readonly limit: number;
  readonly sortBy: SortBy;
  readonly sortDir: SortDir;
  readonly token: string | undefined;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextPageToken: string | undefined;
}

interface Cursor {
  readonly v: string;
  readonly i: string;
  readonly s: SortBy;
  readonly d: SortDir;
}

const COLUMN: Record<SortBy, string> = { createdAt: "created_at", updatedAt: "updated_at" };

/** Select-list expression giving a row's exact cursor value; alias it `cursor_value`. */
export function cursorValueSql(sortBy: SortBy, alias = ""): string {
  const column = alias === "" ? COLUMN[sortBy] : `${alias}.${COLUMN[sortBy]}`;
  return `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') as cursor_value`;
}

/**
 * The WHERE fragment and ORDER BY for a page. `nextParam` is the first free $n placeholder; the
 * returned params must be appended to the query's params in order.
 */
export function keysetSql(
  page: PageRequest,
  nextParam: number,
  alias = "",
): { where: string; orderBy: string; limit: string; params: unknown[] } {
  const prefix = alias === "" ? "" : `${alias}.`;
  const column = `${prefix}${COLUMN[page.sortBy]}`;
  const direction = page.sortDir === "asc" ? "asc" : "desc";
  const orderBy = `order by ${column} ${direction}, ${prefix}id ${direction}`;
  const limit = `limit ${page.limit + 1}`;
  if (page.token === undefined) return { where: "true", orderBy, limit, params: [] };
  const cursor = decodeCursor(page.token, page);
  const comparator = page.sortDir === "asc" ? ">" : "<";
  return {
    where: `(${column}, ${prefix}id) ${comparator} (($${nextParam}::timestamp) at time zone 'UTC', $${nextParam + 1})`,
    orderBy,
    limit,
    params: [cursor.v, cursor.i],
  };
}

/** Turns limit+1 fetched rows into a page and the token for the next one. */
export function toPage<Row extends { id: string; cursor_value: string }, T>(
  rows: readonly Row[],
  page: PageRequest,
  map: (row: Row) => T,
): Page<T> {
  const hasMore = rows.length > page.limit;
  const kept = hasMore ? rows.slice(0, page.limit) : rows;
  const last = kept.at(-1);
  return {
    items: kept.map(map),
    nextPageToken:
      hasMore && last !== undefined
        ? encodeCursor({ v: last.cursor_value, i: last.id, s: page.sortBy, d: page.sortDir })
        : undefined,
  };
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");
}

function decodeCursor(token: string, page: PageRequest): Cursor {
  let cursor: unknown;
  try {
    cursor = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    throw invalidToken();
  }
  if (
    typeof cursor !== "object" ||
    cursor === null ||
    typeof (cursor as Cursor).v !== "string" ||
    !/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$/.test((cursor as Cursor).v) ||
    typeof (cursor as Cursor).i !== "string"
  ) {
    throw invalidToken();
  }
  const typed = cursor as Cursor;
  if (typed.s !== page.sortBy || typed.d !== page.sortDir) {
    throw new AppError(
      "INVALID_REQUEST",
      "nextPageToken was issued for a different sortBy/sortDir; repeat the original sort options; Path: nextPageToken",
    );
  }
  return typed;
}

function invalidToken(): AppError {
  return new AppError("INVALID_REQUEST", "nextPageToken is not a valid page token; Path: nextPageToken");
}
