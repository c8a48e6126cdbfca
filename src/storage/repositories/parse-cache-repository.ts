/** The parse cache: (file bytes, effective config, engine version) hash → stored output blob. */
import type { Queryable } from "../db/database.ts";

export interface ParseCacheEntry {
  readonly cacheKey: string;
  readonly outputBlobKey: string;
  readonly pageCount: number;
}

export async function findParseCache(db: Queryable, cacheKey: string): Promise<ParseCacheEntry | undefined> {
  const rows = await db.query<{ cache_key: string; output_blob_key: string; page_count: number }>(
    "select * from parse_cache where cache_key = $1",
    [cacheKey],
  );
  const row = rows[0];
  return row === undefined
    ? undefined
    : { cacheKey: row.cache_key, outputBlobKey: row.output_blob_key, pageCount: row.page_count };
}

/** Two workers parsing the same document at once both succeed; the first entry stays. */
export async function insertParseCache(db: Queryable, entry: ParseCacheEntry): Promise<void> {
  await db.query(
    "insert into parse_cache (cache_key, output_blob_key, page_count) values ($1, $2, $3) on conflict (cache_key) do nothing",
    [entry.cacheKey, entry.outputBlobKey, entry.pageCount],
  );
}
