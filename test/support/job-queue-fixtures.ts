/**
 * Helpers for JobQueue database tests: unique queue names, polling for a condition or a job state in
 * pg-boss's tables, and a started PgBossJobQueue that is stopped, and checked for background errors,
 * when its test ends.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import type { TestContext } from "node:test";
import { PgBossJobQueue, type PgBossJobQueueOptions } from "../../src/queue/pg-boss-job-queue.ts";
import type { Database } from "../../src/storage/db/database.ts";
import type { TestDatabase } from "./test-databases.ts";

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function queueName(label: string): string {
  return `test-${label}-${randomBytes(4).toString("hex")}`;
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 10_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

export async function jobState(db: Database, id: string): Promise<string | undefined> {
  const rows = await db.query<{ state: string }>("select state::text from pgboss.job where id = $1", [id]);
  return rows[0]?.state;
}

export function waitForState(db: Database, id: string, state: string, timeoutMs = 10_000) {
  return waitFor(
    `job ${id} to be ${state}`,
    async () => ((await jobState(db, id)) === state ? state : undefined),
    timeoutMs,
  );
}

/**
 * A started queue for one test, stopped when the test ends (stop is idempotent). pg-boss reports
 * failures of its background work (maintenance scripts, heartbeats, fetches) only as `error` events,
 * which the queue logs; the test fails if any was logged, so adapter problems cannot hide there.
 */
export async function startQueue(
  t: TestContext,
  test: TestDatabase,
  options: Partial<PgBossJobQueueOptions> = {},
): Promise<PgBossJobQueue> {
  const connection =
    test.kind === "postgres" && test.url !== undefined
      ? { connectionString: test.url, poolSize: 3 }
      : { database: test.db };
  const errors: unknown[] = [];
  const queue = new PgBossJobQueue({
    connection,
    logger: { warn: () => {}, error: (...args: unknown[]) => void errors.push(args) },
    timings: { pollingIntervalSeconds: 0.5 },
    ...options,
  });
  await queue.start();
  // t.after, not after(): called past an await in concurrently running tests, the global after()
  // can attach the hook to another test or to the suite.
  t.after(async () => {
    await queue.stop({ graceful: false, timeoutMs: 1000 });
    assert.deepEqual(errors, [], "background errors from the queue");
  });
  return queue;
}
