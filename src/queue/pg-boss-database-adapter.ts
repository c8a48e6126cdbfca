/**
 * Runs pg-boss's SQL through the application's Database port, so pg-boss works on embedded PGlite
 * (one connection, owned by PgliteDatabase) and on the app's PostgreSQL pool alike, and so a job can
 * be inserted through a caller's open transaction.
 */
import type { Db } from "pg-boss";
import type { Database, Queryable } from "../storage/db/database.ts";
import { splitSqlStatements } from "./split-sql-statements.ts";

type Rows = { rows: Record<string, unknown>[] };

/**
 * pg-boss sends three shapes: a parameterised single statement; a parameterless single statement;
 * and a parameterless script, almost always `BEGIN; SET LOCAL …; SELECT pg_advisory_xact_lock(…);
 * …; COMMIT` (maintenance, queue creation, schema install). node-postgres runs such a script in one
 * simple-protocol round trip and pg-boss reads the rows of every statement, flattened
 * (tools.unwrapSQLResult); the port's query() runs one statement and exec() returns no rows. So a
 * script runs statement by statement inside Database.transaction(), which keeps its atomicity, its
 * transaction-scoped advisory lock and SET LOCALs, and on PGlite holds the single connection so no
 * other statement interleaves, while still returning every statement's rows.
 */
export function pgBossDatabaseFrom(db: Database): Db {
  return {
    async executeSql(text: string, values?: unknown[]): Promise<Rows> {
      if (values !== undefined && values.length > 0) return { rows: await db.query(text, values) };
      const statements = splitSqlStatements(text);
      if (statements.length <= 1) return { rows: await db.query(text) };
      const body = withoutTransactionControl(statements);
      // Outside an explicit block a script is still one implicit transaction in the simple protocol.
      return { rows: await db.transaction((tx) => runAll(tx, body)) };
    },
  };
}

/**
 * pg-boss `{ db }` for an enqueue inside the caller's transaction. Only single statements are
 * expected here (the job insert); a script carrying its own BEGIN/COMMIT would commit the caller's
 * transaction early, so it is refused rather than run.
 */
export function pgBossTransactionFrom(tx: Queryable): Db {
  return {
    async executeSql(text: string, values?: unknown[]): Promise<Rows> {
      if (values !== undefined && values.length > 0) return { rows: await tx.query(text, values) };
      const statements = splitSqlStatements(text);
      if (statements.some(isTransactionControl)) {
        throw new Error("pg-boss sent a transaction-control script inside a caller's transaction");
      }
      return { rows: await runAll(tx, statements) };
    },
  };
}

async function runAll(tx: Queryable, statements: readonly string[]): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for (const statement of statements) rows.push(...(await tx.query(statement)));
  return rows;
}

/** Drops a leading BEGIN and a trailing COMMIT; Database.transaction() issues its own. */
function withoutTransactionControl(statements: readonly string[]): string[] {
  const first = statements[0] ?? "";
  const last = statements.at(-1) ?? "";
  const wrapped = /^(begin|start\s+transaction)\b/i.test(first) && /^(commit|end)\b/i.test(last);
  const body = wrapped ? statements.slice(1, -1) : [...statements];
  if (body.some(isTransactionControl)) {
    throw new Error("pg-boss sent a script with transaction control inside its body; it cannot be adapted");
  }
  return body;
}

function isTransactionControl(statement: string): boolean {
  return /^(begin|start\s+transaction|commit|end|rollback|abort)\b/i.test(statement);
}
