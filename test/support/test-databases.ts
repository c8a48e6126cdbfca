/**
 * Real databases for tests: a fresh in-memory PGlite, and a fresh database on the local PostgreSQL
 * server (QUIRE_TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres). Database tests
 * run once per kind through forEachDatabase. PostgreSQL is required in CI; elsewhere, if the server
 * is unreachable, its half is skipped with a visible reason.
 */
import { randomBytes } from "node:crypto";
import { after, describe } from "node:test";
import pg from "pg";
import type { Database } from "../../src/storage/db/database.ts";
import { migrate } from "../../src/storage/db/migrate.ts";
import { PgliteDatabase } from "../../src/storage/db/pglite-database.ts";
import { PostgresDatabase } from "../../src/storage/db/postgres-database.ts";

const env = process.env;
const ADMIN_URL = env.QUIRE_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const IN_CI = env.CI === "true";

export type DatabaseKind = "pglite" | "postgres";

export interface TestDatabase {
  readonly kind: DatabaseKind;
  readonly db: Database;
  /** Connection URL (postgres only), for code that opens its own connections (pg-boss, child processes). */
  readonly url: string | undefined;
  /** Closes the connection and drops the database. Idempotent. */
  dispose(): Promise<void>;
}

let postgresReachable: Promise<string | undefined> | undefined;

/** undefined when reachable, else the reason it is not. */
function checkPostgres(): Promise<string | undefined> {
  postgresReachable ??= (async () => {
    const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query("select 1");
      return undefined;
    } catch (error) {
      return `PostgreSQL at ${ADMIN_URL} unreachable: ${(error as Error).message}`;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return postgresReachable;
}

/**
 * A migrated, empty database of the given kind. The caller disposes of it: node:test's after() called
 * from inside a hook would run as soon as that hook ends, so helpers never register hooks themselves.
 */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    const db = await PgliteDatabase.open(undefined);
    await migrate(db);
    return { kind, db, url: undefined, dispose: () => db.close() };
  }
  const name = `quire_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const db = new PostgresDatabase(url.toString(), 5);
  await migrate(db);
  let disposed: Promise<void> | undefined;
  const dispose = () => {
    disposed ??= (async () => {
      await db.close();
      const cleanup = new pg.Client({ connectionString: ADMIN_URL });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    })();
    return disposed;
  };
  return { kind, db, url: url.toString(), dispose };
}

/**
 * Declares the same suite once per database kind; PostgreSQL is skipped (visibly) only outside CI
 * when the server is unreachable.
 */
export function forEachDatabaseKind(title: string, body: (kind: DatabaseKind) => void): void {
  for (const kind of ["pglite", "postgres"] as const) {
    describe(`${title} [${kind}]`, async () => {
      const skipReason = kind === "postgres" && !IN_CI ? await checkPostgres() : undefined;
      if (skipReason !== undefined) {
        describe("skipped", { skip: skipReason }, () => {});
        return;
      }
      body(kind);
    });
  }
}

/**
 * Declares the same suite once per database kind. `body` receives a getter, valid inside tests and
 * hooks, for that suite's database (created lazily on first use, shared by the suite's tests).
 */
export function forEachDatabase(
  title: string,
  body: (getDatabase: () => Promise<TestDatabase>) => void,
): void {
  forEachDatabaseKind(title, (kind) => {
    let pending: Promise<TestDatabase> | undefined;
    after(async () => {
      if (pending !== undefined) await (await pending).dispose();
    });
    body(() => {
      pending ??= createTestDatabase(kind);
      return pending;
    });
  });
}
