/**
 * List query parameters shared by every list endpoint (spec §1.7): maxPageSize 1–1000 (default 10),
 * nextPageToken, sortBy createdAt|updatedAt, sortDir asc|desc (default desc). `limit` is accepted as an
 * alias of maxPageSize (the hosted /parse_runs reads it, per the Go CLI).
 */
import { z } from "zod";
import type { PageRequest, SortBy } from "../storage/repositories/keyset-page.ts";
import { parseInput } from "./validation.ts";

const pageSize = z.coerce
  .number({ message: "must be an integer between 1 and 1000" })
  .int({ message: "must be an integer between 1 and 1000" })
  .min(1, { message: "must be an integer between 1 and 1000" })
  .max(1000, { message: "must be an integer between 1 and 1000" });

const PageQuerySchema = z.object({
  maxPageSize: pageSize.optional(),
  limit: pageSize.optional(),
  nextPageToken: z.string().min(1).max(4096).optional(),
  sortBy: z.enum(["createdAt", "updatedAt"]).optional(),
  sortDir: z.enum(["asc", "desc"]).optional(),
});

export interface PageOptions {
  /** Whether this list accepts sortBy (some only sort by creation time). */
  readonly sortable: boolean;
}

export function parsePageQuery(query: unknown, options: PageOptions): PageRequest {
  const parsed = parseInput(PageQuerySchema, query, "query");
  const sortBy: SortBy = options.sortable ? (parsed.sortBy ?? "createdAt") : "createdAt";
  return {
    limit: parsed.maxPageSize ?? parsed.limit ?? 10,
    sortBy,
    sortDir: parsed.sortDir ?? "desc",
    token: parsed.nextPageToken,
  };
}

/** The list envelope; nextPageToken is omitted on the last page so SDK loops end (sdk-notes §10). */
export function listEnvelope<T>(
  data: T[],
  nextPageToken: string | undefined,
): {
  object: "list";
  data: T[];
  nextPageToken?: string;
} {
  return nextPageToken === undefined ? { object: "list", data } : { object: "list", data, nextPageToken };
}
