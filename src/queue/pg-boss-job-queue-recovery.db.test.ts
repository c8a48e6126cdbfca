/**
 * PgBossJobQueue recovery against real databases: jobs held by a dead worker come back within the
 * configured window, live long jobs are left alone, cancellation reaches a running handler. The
 * kill -9 test needs a second process on a shared server, so it runs on PostgreSQL only.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { createInterface } from "node:readline";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import {
  jobState,
  queueName,
  sleep,
  startQueue,
  waitFor,
  waitForState,
} from "../../test/support/job-queue-fixtures.ts";
import { forEachDatabase } from "../../test/support/test-databases.ts";
import { QUEUE_TIMING_DEFAULTS } from "./pg-boss-job-queue.ts";

const CRASH_WORKER = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../test/support/queue-crash-worker.ts",
);

forEachDatabase("PgBossJobQueue recovery", (getDatabase) => {
  // Created while the suite is declared, so createTestDatabase's after() hook belongs to the suite.
  getDatabase().catch(() => {});

  // Each of these waits on heartbeats and supervisor passes, seconds apart, so they run side by side.
  describe("side by side", { concurrency: true }, () => {
    it("retries a job left active by a process that died, e.g. on restart of the embedded server", async (t) => {
      const test = await getDatabase();
      const queue = await startQueue(t, test);
      const name = queueName("orphan");
      const id = await queue.enqueue(name, {}, { retryLimit: 1, retryDelaySeconds: 1 });
      // What a dead worker leaves behind: the job claimed, its last heartbeat long ago.
      await test.db.query(
        `update pgboss.job set state = 'active', started_on = now() - interval '1 minute',
           heartbeat_on = now() - interval '1 minute' where id = $1`,
        [id],
      );
      const retryCounts: number[] = [];
      await queue.work(name, async (job) => void retryCounts.push(job.retryCount), { concurrency: 1 });
      // Within one supervise pass (5 s) + the retry delay (1–2 s) + polling.
      await waitForState(test.db, id, "completed", 20_000);
      assert.deepEqual(retryCounts, [1]);
    });

    it("aborts a running job's signal once it is cancelled", async (t) => {
      const test = await getDatabase();
      const queue = await startQueue(t, test);
      const name = queueName("cancel-running");
      let signal: AbortSignal | undefined;
      await queue.work(
        name,
        async (job) => {
          signal = job.signal;
          await new Promise((resolve) => job.signal.addEventListener("abort", resolve, { once: true }));
        },
        { concurrency: 1 },
      );
      const id = await queue.enqueue(name, {});
      const running = await waitFor("the handler to start", () => signal);
      assert.equal(await queue.cancel(name, id), true);
      // The worker learns of the cancel at its next heartbeat, every heartbeatSeconds / 2.
      const heartbeatMs = (QUEUE_TIMING_DEFAULTS.heartbeatSeconds / 2) * 1000;
      await waitFor("the signal to abort", () => (running.aborted ? true : undefined), heartbeatMs + 3000);
      await sleep(300);
      assert.equal(await jobState(test.db, id), "cancelled");
    });

    it("keeps a job whose live handler runs longer than heartbeatSeconds", async (t) => {
      const test = await getDatabase();
      if (test.kind !== "postgres") return t.skip("~16 s; run once, on PostgreSQL, to keep the file short");
      const queue = await startQueue(t, test);
      const name = queueName("long");
      const { heartbeatSeconds, monitorIntervalSeconds } = QUEUE_TIMING_DEFAULTS;
      // Without heartbeats the job would be reclaimed by the first monitor pass after heartbeatSeconds.
      const runMs = (heartbeatSeconds + monitorIntervalSeconds + 1) * 1000;
      const attempts: { retryCount: number; abortedAtEnd: boolean }[] = [];
      await queue.work(
        name,
        async (job) => {
          await sleep(runMs);
          attempts.push({ retryCount: job.retryCount, abortedAtEnd: job.signal.aborted });
        },
        { concurrency: 1 },
      );
      const id = await queue.enqueue(name, {});
      await waitForState(test.db, id, "completed", runMs + 10_000);
      assert.deepEqual(attempts, [{ retryCount: 0, abortedAtEnd: false }]);
    });

    it("retries within ~30 s a job whose worker process was killed mid-handler", async (t) => {
      const test = await getDatabase();
      if (test.kind !== "postgres" || test.url === undefined) {
        return t.skip("PGlite is in-process: killing the worker kills the database with it");
      }
      const name = queueName("crash");
      // The surviving instance: it enqueues now, supervises throughout, and works the job after the kill.
      const queue = await startQueue(t, test, { queues: [name] });
      const id = await queue.enqueue(name, { n: 1 }, { retryLimit: 2 });

      const child = spawn(process.execPath, [CRASH_WORKER, test.url, name], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      t.after(() => child.kill("SIGKILL"));
      const lines = createInterface({ input: child.stdout });
      const [activeLine] = await waitForLine(lines, /^active /, 20_000);
      assert.equal(activeLine, `active ${id} 0`);
      child.kill("SIGKILL");
      await once(child, "exit");
      const killedAt = Date.now();
      assert.equal(await jobState(test.db, id), "active", "the dead worker still holds the job");

      const recovered: { at: number; retryCount: number }[] = [];
      await queue.work(
        name,
        async (job) => void recovered.push({ at: Date.now(), retryCount: job.retryCount }),
        {
          concurrency: 1,
        },
      );
      const first = await waitFor("the job to be worked again", () => recovered[0], 35_000);
      const elapsedMs = first.at - killedAt;
      t.diagnostic(`recovered ${elapsedMs} ms after kill -9`);
      assert.ok(elapsedMs <= 30_000, `recovered after ${elapsedMs} ms`);
      assert.equal(first.retryCount, 1);
      await waitForState(test.db, id, "completed");
    });
  });
});

function waitForLine(lines: ReturnType<typeof createInterface>, pattern: RegExp, timeoutMs: number) {
  return new Promise<[string]>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no line matching ${pattern} in ${timeoutMs} ms`)),
      timeoutMs,
    );
    lines.on("line", (line) => {
      if (!pattern.test(line)) return;
      clearTimeout(timer);
      resolve([line]);
    });
    lines.on("close", () => reject(new Error(`child output ended before a line matching ${pattern}`)));
  });
}
