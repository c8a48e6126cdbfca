/**
 * PgBossJobQueue against real databases: embedded PGlite through the Database port, and PostgreSQL
 * through pg-boss's own pool (plus once through the app's pool). Heartbeats and crash recovery are in
 * pg-boss-job-queue-recovery.db.test.ts.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import {
  jobState,
  queueName,
  sleep,
  startQueue,
  waitFor,
  waitForState,
} from "../../test/support/job-queue-fixtures.ts";
import { forEachDatabase } from "../../test/support/test-databases.ts";
import { type JobContext, PermanentJobError } from "./job-queue.ts";

forEachDatabase("PgBossJobQueue", (getDatabase) => {
  // Created now, while the suite is being declared, so that createTestDatabase's after() hook belongs
  // to the suite; created lazily inside the first test, the database is dropped when that test ends.
  getDatabase().catch(() => {});

  it("works an enqueued job and completes it", async (t) => {
    const test = await getDatabase();
    const queue = await startQueue(t, test);
    const name = queueName("round-trip");
    const id = await queue.enqueue(name, { fileId: "file_1" });
    let seen: JobContext<{ fileId: string }> | undefined;
    let abortedWhileRunning: boolean | undefined;
    await queue.work<{ fileId: string }>(
      name,
      async (job) => {
        seen = job;
        abortedWhileRunning = job.signal.aborted;
      },
      { concurrency: 1 },
    );
    const job = await waitFor("the handler", () => seen);
    assert.equal(job.id, id);
    assert.equal(job.name, name);
    assert.deepEqual(job.data, { fileId: "file_1" });
    assert.equal(job.retryCount, 0);
    assert.equal(job.retryLimit, 3);
    assert.equal(abortedWhileRunning, false);
    await waitForState(test.db, id, "completed");
    await queue.stop({ graceful: true, timeoutMs: 5000 });
  });

  it("creates a job inside the caller's transaction: rolled back, none; committed, worked", async (t) => {
    const test = await getDatabase();
    const name = queueName("tx");
    const queue = await startQueue(t, test, { queues: [name] });
    await test.db.exec("create table if not exists queue_test_runs (id text primary key)");
    const handled: string[] = [];
    await queue.work<{ runId: string }>(name, async (job) => void handled.push(job.data.runId), {
      concurrency: 1,
    });

    await assert.rejects(
      test.db.transaction(async (tx) => {
        await tx.query("insert into queue_test_runs (id) values ($1)", ["run_rolled_back"]);
        await queue.enqueue(name, { runId: "run_rolled_back" }, { tx });
        throw new Error("abort the run");
      }),
      /abort the run/,
    );
    const committedId = await test.db.transaction(async (tx) => {
      await tx.query("insert into queue_test_runs (id) values ($1)", ["run_committed"]);
      return queue.enqueue(name, { runId: "run_committed" }, { tx });
    });

    await waitForState(test.db, committedId, "completed");
    assert.deepEqual(handled, ["run_committed"]);
    const jobs = await test.db.query("select id from pgboss.job where name = $1", [name]);
    assert.equal(jobs.length, 1);
    const runs = await test.db.query<{ id: string }>("select id from queue_test_runs order by id");
    assert.deepEqual(
      runs.map((run) => run.id),
      ["run_committed"],
    );
    await assert.rejects(
      test.db.transaction((tx) => queue.enqueue(queueName("undeclared"), {}, { tx })),
      /must be declared before enqueueing inside a transaction/,
    );
  });

  it("retries a failing job with exponential backoff until it succeeds", async (t) => {
    const test = await getDatabase();
    const queue = await startQueue(t, test);
    const name = queueName("retry");
    const attempts: { at: number; retryCount: number }[] = [];
    await queue.work(
      name,
      async (job) => {
        attempts.push({ at: Date.now(), retryCount: job.retryCount });
        if (attempts.length < 3) throw new Error(`transient failure ${attempts.length}`);
      },
      { concurrency: 1 },
    );
    const id = await queue.enqueue(name, {}, { retryLimit: 3, retryDelaySeconds: 1, retryBackoff: true });
    await waitForState(test.db, id, "completed", 15_000);
    assert.deepEqual(
      attempts.map((attempt) => attempt.retryCount),
      [0, 1, 2],
    );
    const [firstGap, secondGap] = [attempts[1]!.at - attempts[0]!.at, attempts[2]!.at - attempts[1]!.at];
    // pg-boss: delay = retryDelay × 2^(retryCount+1)/2 × (1 + random) → 1–2 s, then 2–4 s.
    assert.ok(firstGap >= 950, `first retry after ${firstGap} ms`);
    assert.ok(secondGap >= 1950, `second retry after ${secondGap} ms`);
  });

  it("does not retry a job whose handler throws a permanent error", async (t) => {
    const test = await getDatabase();
    const queue = await startQueue(t, test);
    const name = queueName("permanent");
    let calls = 0;
    await queue.work(
      name,
      async () => {
        calls += 1;
        throw new PermanentJobError("unsupported file type");
      },
      { concurrency: 1 },
    );
    const id = await queue.enqueue(name, {}, { retryLimit: 3, retryDelaySeconds: 1, retryBackoff: false });
    await waitForState(test.db, id, "failed");
    await sleep(1200); // longer than the 1 s retry delay: a retry would have run by now
    assert.equal(calls, 1);
    const [row] = await test.db.query<{ output: { message: string } }>(
      "select output from pgboss.job where id = $1",
      [id],
    );
    assert.equal(row?.output.message, "unsupported file type");
  });

  it("moves a job that exhausted its retries to its dead-letter queue", async (t) => {
    const test = await getDatabase();
    const name = queueName("dl-source");
    const deadLetter = queueName("dl-target");
    const queue = await startQueue(t, test, { deadLetters: { [name]: deadLetter } });
    let attempts = 0;
    await queue.work(
      name,
      async () => {
        attempts += 1;
        throw new Error("transient, forever");
      },
      { concurrency: 1 },
    );
    const dead: unknown[] = [];
    await queue.work<{ runId: string }>(deadLetter, async (job) => void dead.push(job.data), {
      concurrency: 1,
    });
    await queue.enqueue(
      name,
      { runId: "pr_dead" },
      { retryLimit: 1, retryDelaySeconds: 1, retryBackoff: false },
    );
    const received = await waitFor("the dead letter", () => (dead.length > 0 ? dead : undefined), 15_000);
    assert.deepEqual(received, [{ runId: "pr_dead" }]);
    assert.equal(attempts, 2, "the first attempt and one retry");
  });

  it("wakes this process's idle workers when told a job was committed, ahead of their poll", async (t) => {
    const test = await getDatabase();
    const name = queueName("wake");
    const queue = await startQueue(t, test, { queues: [name], timings: { pollingIntervalSeconds: 10 } });
    let handledAt: number | undefined;
    await queue.work(
      name,
      async () => {
        handledAt = Date.now();
      },
      { concurrency: 1 },
    );
    await sleep(300); // the worker's first fetch found nothing; it now sleeps for 10 s
    await test.db.transaction(async (tx) => {
      await queue.enqueue(name, {}, { tx });
    });
    const wokenAt = Date.now();
    queue.wake(name);
    await waitFor("the woken worker", () => handledAt, 5000);
    assert.ok(
      handledAt! - wokenAt < 3000,
      `handled ${handledAt! - wokenAt} ms after the wake, not at the 10 s poll`,
    );
  });

  it("runs lower priority values first (Extend semantics)", async (t) => {
    const test = await getDatabase();
    const queue = await startQueue(t, test);
    const name = queueName("priority");
    for (const priority of [90, 10, 50, 1, 100]) await queue.enqueue(name, { priority }, { priority });
    await queue.enqueue(name, { priority: "default" });
    const order: (number | string)[] = [];
    await queue.work<{ priority: number | string }>(name, async (job) => void order.push(job.data.priority), {
      concurrency: 1,
    });
    await waitFor("all six jobs", () => (order.length === 6 ? true : undefined));
    // The default (50) ties with the explicit 50 and runs after it: same priority, older first.
    assert.deepEqual(order, [1, 10, 50, "default", 90, 100]);
  });

  it("makes an enqueue with a repeated idempotency key return the first job", async (t) => {
    const test = await getDatabase();
    const queue = await startQueue(t, test);
    const name = queueName("idempotent");
    const first = await queue.enqueue(name, { n: 1 }, { singletonKey: "run_1" });
    const again = await test.db.transaction((tx) =>
      queue.enqueue(name, { n: 2 }, { singletonKey: "run_1", tx }),
    );
    const other = await queue.enqueue(name, { n: 3 }, { singletonKey: "run_2" });
    assert.equal(again, first);
    assert.notEqual(other, first);
    const jobs = await test.db.query("select id from pgboss.job where name = $1", [name]);
    assert.equal(jobs.length, 2);
  });

  it("drains an in-flight job on a graceful stop", async (t) => {
    const test = await getDatabase();
    const queue = await startQueue(t, test);
    const name = queueName("drain");
    let started = false;
    let finished = false;
    await queue.work(
      name,
      async () => {
        started = true;
        await sleep(800);
        finished = true;
      },
      { concurrency: 1 },
    );
    const id = await queue.enqueue(name, {});
    await waitFor("the handler to start", () => (started ? true : undefined));
    await queue.stop({ graceful: true, timeoutMs: 10_000 });
    assert.equal(finished, true, "stop() returned before the handler finished");
    assert.equal(await jobState(test.db, id), "completed");
  });

  it("abandons an in-flight job on a non-graceful stop: signal aborted, job back for retry", async (t) => {
    const test = await getDatabase();
    const queue = await startQueue(t, test);
    const name = queueName("abandon");
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
    await queue.stop({ graceful: false, timeoutMs: 1000 });
    assert.equal(running.aborted, true);
    assert.equal(await jobState(test.db, id), "retry");
  });

  it("cancels a queued job so that it is never worked", async (t) => {
    const test = await getDatabase();
    const queue = await startQueue(t, test);
    const name = queueName("cancel");
    const cancelled = await queue.enqueue(name, { n: 1 });
    const kept = await queue.enqueue(name, { n: 2 });
    assert.equal(await queue.cancel(name, cancelled), true);
    assert.equal(await queue.cancel(name, cancelled), false, "already cancelled");
    const handled: number[] = [];
    await queue.work<{ n: number }>(name, async (job) => void handled.push(job.data.n), { concurrency: 1 });
    await waitForState(test.db, kept, "completed");
    assert.deepEqual(handled, [2]);
    assert.equal(await jobState(test.db, cancelled), "cancelled");
  });

  it("works through the app's own Database on PostgreSQL too", async (t) => {
    const test = await getDatabase();
    if (test.kind !== "postgres") return t.skip("PGlite always goes through the Database port");
    const queue = await startQueue(t, { ...test, url: undefined });
    const name = queueName("app-pool");
    const handled: number[] = [];
    await queue.work<{ n: number }>(name, async (job) => void handled.push(job.data.n), { concurrency: 2 });
    const committed = await test.db.transaction((tx) => queue.enqueue(name, { n: 2 }, { tx }));
    await waitForState(test.db, committed, "completed");
    assert.deepEqual(handled, [2]);
  });
});
