/**
 * A throwaway database on the local PostgreSQL server for one benchmark half, dropped afterwards so
 * repeated runs never measure a bloated or pre-warmed database. Unreachable server → a reason, not a crash.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

export const POSTGRES_ADMIN_URL =
  process.env.QUIRE_BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface BenchDatabase {
  readonly url: string;
  readonly name: string;
  /** Drops the database (with force: the server may still hold pool connections). Idempotent. */
  drop(): Promise<void>;
}

export type CreateResult =
  | { readonly ok: true; readonly database: BenchDatabase }
  | { readonly ok: false; readonly reason: string };

export async function createBenchDatabase(): Promise<CreateResult> {
  const name = `quire_bench_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
  } catch (error) {
    return { ok: false, reason: `PostgreSQL at ${POSTGRES_ADMIN_URL} unusable: ${(error as Error).message}` };
  } finally {
    await admin.end().catch(() => {});
  }
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  let dropped: Promise<void> | undefined;
  const drop = () => {
    dropped ??= (async () => {
      const cleanup = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await cleanup.connect();
      try {
        await cleanup.query(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    })();
    return dropped;
  };
  return { ok: true, database: { url: url.toString(), name, drop } };
}
