import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { threadId } from "node:worker_threads";
import type { FixtureResult, FixtureTask } from "./test-worker.fixture.ts";
import { transferableBytes, WorkerPool } from "./worker-pool.ts";

const WORKER = new URL("./test-worker.fixture.ts", import.meta.url);

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) assert.fail(`condition not met within ${timeoutMs} ms`);
    await sleep(5);
  }
}

describe("WorkerPool", () => {
  const pools: WorkerPool<FixtureTask, FixtureResult>[] = [];
  const pool = (size: number) => {
    const created = new WorkerPool<FixtureTask, FixtureResult>({ workerUrl: WORKER, label: "fixture", size });
    pools.push(created);
    return created;
  };
  after(() => Promise.all(pools.map((created) => created.close())));

  it("runs a task on another thread, moving the payload's buffer there and the result's back", async () => {
    const fixture = pool(1);
    const { bytes, transfer } = transferableBytes(new Uint8Array([1, 2, 3, 4]));
    const running = fixture.run({ payload: { kind: "sum", bytes }, transfer });
    assert.equal(bytes.byteLength, 0, "the caller's buffer was transferred (detached)");
    const result = await running;
    assert.equal(result.sum, 10);
    assert.notEqual(result.threadId, threadId);
    assert.deepEqual([...result.echoed], [1, 2, 3, 4]);
  });

  it("copies a view that does not own its whole buffer instead of detaching the caller's", () => {
    const shared = new Uint8Array([9, 8, 7, 6]);
    const { bytes } = transferableBytes(shared.subarray(1, 3));
    assert.deepEqual([...bytes], [8, 7]);
    assert.equal(shared.byteLength, 4);
  });

  it("queues beyond its size and runs the queue in arrival order", async () => {
    const fixture = pool(2);
    const runs = [1, 2, 3, 4].map((n) =>
      fixture.run({ payload: { kind: "sum", bytes: new Uint8Array([n]) } }),
    );
    assert.equal(fixture.queued, 2);
    assert.deepEqual(
      (await Promise.all(runs)).map((result) => result.sum),
      [1, 2, 3, 4],
    );
    assert.equal(fixture.queued, 0);
    assert.ok(fixture.liveThreads <= 2);
  });

  it("rejects with the task's error (name and message) and keeps the thread", async () => {
    const fixture = pool(1);
    await assert.rejects(fixture.run({ payload: { kind: "throw", message: "bad input" } }), {
      name: "RangeError",
      message: "bad input",
    });
    const next = await fixture.run({ payload: { kind: "sum", bytes: new Uint8Array([5]) } });
    assert.equal(next.sum, 5);
    assert.equal(fixture.liveThreads, 1);
  });

  it("fails only the task of a thread that dies and serves the next one on a fresh thread", async () => {
    const fixture = pool(1);
    await assert.rejects(
      fixture.run({ payload: { kind: "exit" } }),
      /fixture worker stopped unexpectedly \(exit code 3\)/u,
    );
    const next = await fixture.run({ payload: { kind: "sum", bytes: new Uint8Array([7]) } });
    assert.equal(next.sum, 7);
  });

  it("terminates the thread of an aborted task and rejects with the abort reason", async () => {
    const fixture = pool(1);
    const controller = new AbortController();
    const spinning = fixture.run({ payload: { kind: "spin" } }, controller.signal);
    const queued = fixture.run({ payload: { kind: "sum", bytes: new Uint8Array([2]) } });
    await waitFor(() => fixture.queued === 0 || fixture.activeThreads === 1, 2000);
    controller.abort(new Error("stop"));
    await assert.rejects(spinning, /stop/u);
    assert.equal((await queued).sum, 2);
    await waitFor(() => fixture.activeThreads === 0, 2000);
  });

  it("rejects a payload that cannot be cloned without losing the thread", async () => {
    const fixture = pool(1);
    const unclonable = { kind: "sum", bytes: new Uint8Array([1]), extra: () => 1 } as unknown as FixtureTask;
    await assert.rejects(fixture.run({ payload: unclonable }), { name: "DataCloneError" });
    assert.equal((await fixture.run({ payload: { kind: "sum", bytes: new Uint8Array([4]) } })).sum, 4);
  });

  it("rejects queued and new tasks once closed", async () => {
    const fixture = pool(1);
    const running = fixture.run({ payload: { kind: "spin" } });
    const queued = fixture.run({ payload: { kind: "sum", bytes: new Uint8Array([1]) } });
    const rejected = Promise.all([
      assert.rejects(running, /fixture pool is closed/u),
      assert.rejects(queued, /fixture pool is closed/u),
    ]);
    await fixture.close();
    await rejected;
    await assert.rejects(fixture.run({ payload: { kind: "sum", bytes: new Uint8Array([1]) } }), /closed/u);
    assert.equal(fixture.liveThreads, 0);
  });

  it("refuses a size below one", () => {
    assert.throws(() => new WorkerPool({ workerUrl: WORKER, label: "fixture", size: 0 }), RangeError);
  });
});
