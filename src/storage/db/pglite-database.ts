/**
 * PGlite (Postgres compiled to WASM) as the embedded database. PGlite has a single connection: it
 * serialises statements itself and holds that lock for the whole of transaction(), so concurrent
 * requests queue rather than interleave.
 */
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import type { Database, Queryable } from "./database.ts";

export class PgliteDatabase implements Database {
  readonly kind = "pglite" as const;
  readonly #db: PGlite;

  private constructor(db: PGlite) {
    this.#db = db;
  }

  /** dataDir undefined → in-memory (tests). */
  static async open(dataDir: string | undefined): Promise<PgliteDatabase> {
    if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
    const db = dataDir === undefined ? await PGlite.create() : await PGlite.create({ dataDir });
    return new PgliteDatabase(db);
  }

  async query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    const result = await this.#db.query<Row>(sql, params as unknown[]);
    return result.rows;
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.#db.transaction(async (tx) =>
      fn({
        query: async <Row>(sql: string, params: readonly unknown[] = []) =>
          (await tx.query<Row>(sql, params as unknown[])).rows,
      }),
    );
  }

  async exec(sql: string): Promise<void> {
    await this.#db.exec(sql);
  }

  async close(): Promise<void> {
    if (!this.#db.closed) await this.#db.close();
  }
}
