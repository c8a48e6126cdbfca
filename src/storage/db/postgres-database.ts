/** PostgreSQL through a node-postgres pool: the scaled-out database shared by api and worker processes. */
import pg from "pg";
import type { Database, Queryable } from "./database.ts";

// Bigint columns (sizes, counts) fit comfortably in a double; return them as numbers like PGlite does.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export class PostgresDatabase implements Database {
  readonly kind = "postgres" as const;
  readonly #pool: pg.Pool;

  constructor(url: string, poolSize: number) {
    this.#pool = new pg.Pool({ connectionString: url, max: poolSize });
    // An idle client that loses its connection must not crash the process; the pool replaces it.
    this.#pool.on("error", () => {});
  }

  async query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    const result = await this.#pool.query(sql, params as unknown[]);
    return result.rows as Row[];
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    try {
      await client.query("begin");
      const result = await fn({
        query: async <Row>(sql: string, params: readonly unknown[] = []) =>
          (await client.query(sql, params as unknown[])).rows as Row[],
      });
      await client.query("commit");
      return result;
    } catch (error) {
      await client.query("rollback").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async exec(sql: string): Promise<void> {
    await this.#pool.query(sql);
  }

  async close(): Promise<void> {
    if (!this.#pool.ended) await this.#pool.end();
  }
}
