import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { corpusFile, manyPagesPdf } from "../test-support/pdf-fixtures.ts";
import { ENGINE_YOUNG_GENERATION_MB, EnginePool, type ParseTask } from "./engine-pool.ts";
import { parseDocument } from "./parse-document.ts";
import type { ParseOutcome } from "./parse-outcome.ts";

const MISBEHAVING = new URL("../test-support/misbehaving-engine-worker.ts", import.meta.url);
const DOCLING = "docling-groundtruth/pdf/sources/";
const OPTIONS = { format: "pdf", maxPages: 1000, chunking: "page" } as const;

function task(file: string, password?: string): ParseTask {
  return { bytes: corpusFile(file), options: password === undefined ? OPTIONS : { ...OPTIONS, password } };
}

function pageCount(outcome: ParseOutcome): number {
  assert.notEqual(outcome.status, "failure");
  return outcome.status === "failure" ? -1 : outcome.pageCount;
}

/** Waits until `condition` holds, failing after `timeoutMs`; returns the milliseconds it took. */
async function waitFor(condition: () => boolean, timeoutMs: number): Promise<number> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) assert.fail(`condition not met within ${timeoutMs} ms`);
    await sleep(10);
  }
  return performance.now() - start;
}

describe("EnginePool", () => {
  const pools: EnginePool[] = [];
  const pool = (options: ConstructorParameters<typeof EnginePool>[0]) => {
    const created = new EnginePool(options);
    pools.push(created);
    return created;
  };
  after(() => Promise.all(pools.map((created) => created.close())));

  it("runs tasks in parallel worker threads and queues the rest", async () => {
    const engine = pool({ size: 2 });
    const files = ["normal_4pages.pdf", "multi_page.pdf", "code_and_formula.pdf", "skipped_2pages.pdf"];
    const runs = files.map((file) => engine.run(task(DOCLING + file)));
    assert.equal(engine.queued, 2);
    assert.ok(engine.liveThreads <= 2);
    assert.deepEqual((await Promise.all(runs)).map(pageCount), [4, 5, 2, 4]);
    assert.equal(engine.queued, 0);
  });

  it("gives the same output as parsing in-thread, and transfers the bytes instead of copying them", async () => {
    const engine = pool({ size: 1 });
    const parseTask = task(`${DOCLING}multi_page.pdf`);
    const pooled = engine.run(parseTask);
    assert.equal(parseTask.bytes.byteLength, 0, "the caller's buffer was transferred (detached)");
    const direct = await parseDocument(corpusFile(`${DOCLING}multi_page.pdf`), OPTIONS);
    assert.deepEqual(await pooled, direct);
  });

  it("gives its threads the engine's young generation unless told otherwise", async () => {
    const limits = async (engine: EnginePool) => {
      const outcome = await engine.run(task(`${DOCLING}multi_page.pdf`, "limits"));
      return JSON.parse(outcome.status === "failure" ? outcome.failureMessage : "{}");
    };
    const defaults = await limits(pool({ size: 1, workerUrl: MISBEHAVING }));
    assert.equal(defaults.maxYoungGenerationSizeMb, ENGINE_YOUNG_GENERATION_MB);
    const oldOnly = await limits(
      pool({ size: 1, workerUrl: MISBEHAVING, resourceLimits: { maxOldGenerationSizeMb: 512 } }),
    );
    assert.equal(oldOnly.maxYoungGenerationSizeMb, ENGINE_YOUNG_GENERATION_MB);
    assert.equal(oldOnly.maxOldGenerationSizeMb, 512);
    const own = await limits(
      pool({ size: 1, workerUrl: MISBEHAVING, resourceLimits: { maxYoungGenerationSizeMb: 96 } }),
    );
    assert.equal(own.maxYoungGenerationSizeMb, 96);
  });

  it("terminates the worker of an aborted parse within a second and carries on with a fresh one", async () => {
    const engine = pool({ size: 1 });
    const controller = new AbortController();
    const running = engine.run({ bytes: await manyPagesPdf(400), options: OPTIONS }, controller.signal);
    await sleep(300);
    controller.abort();
    await assert.rejects(running, { name: "AbortError" });
    await waitFor(() => engine.liveThreads === 0, 1000);
    assert.equal(pageCount(await engine.run(task(`${DOCLING}multi_page.pdf`))), 5);
  });

  it("stops even a worker stuck in a CPU loop", async () => {
    const engine = pool({ size: 1, workerUrl: MISBEHAVING });
    const controller = new AbortController();
    const spinning = engine.run(task(`${DOCLING}multi_page.pdf`, "spin"), controller.signal);
    await sleep(200);
    controller.abort(new Error("cancelled by the user"));
    await assert.rejects(spinning, /cancelled by the user/);
    const took = await waitFor(() => engine.liveThreads === 0, 1000);
    assert.ok(took < 1000);
  });

  it("drops an aborted task from the queue without running it", async () => {
    const engine = pool({ size: 1, workerUrl: MISBEHAVING });
    const first = new AbortController();
    const spinning = engine.run(task(`${DOCLING}multi_page.pdf`, "spin"), first.signal);
    const second = new AbortController();
    const queued = engine.run(task(`${DOCLING}multi_page.pdf`), second.signal);
    assert.equal(engine.queued, 1);
    second.abort();
    await assert.rejects(queued, { name: "AbortError" });
    assert.equal(engine.queued, 0);
    first.abort();
    await assert.rejects(spinning, { name: "AbortError" });
    await assert.rejects(engine.run(task(`${DOCLING}multi_page.pdf`), AbortSignal.abort()), {
      name: "AbortError",
    });
  });

  it("fails only the task whose worker crashed", async () => {
    const engine = pool({ size: 2, workerUrl: MISBEHAVING });
    const [crashed, fine] = await Promise.allSettled([
      engine.run(task(`${DOCLING}multi_page.pdf`, "crash")),
      engine.run(task(`${DOCLING}normal_4pages.pdf`)),
    ]);
    assert.equal(crashed.status, "rejected");
    assert.match(String(crashed.reason), /stopped unexpectedly \(exit code 70\)/);
    assert.equal(fine.status === "fulfilled" ? pageCount(fine.value) : -1, 4);
    await assert.rejects(engine.run(task(`${DOCLING}multi_page.pdf`, "throw")), /uncaught in worker/);
    assert.equal(pageCount(await engine.run(task(`${DOCLING}multi_page.pdf`))), 5);
  });

  it("rejects running, queued and later tasks once closed", async () => {
    const engine = pool({ size: 1, workerUrl: MISBEHAVING });
    const running = engine.run(task(`${DOCLING}multi_page.pdf`, "spin"));
    const queued = engine.run(task(`${DOCLING}multi_page.pdf`));
    const rejections = [assert.rejects(running, /closed/), assert.rejects(queued, /closed/)];
    await sleep(50);
    await engine.close();
    await Promise.all(rejections);
    await assert.rejects(engine.run(task(`${DOCLING}multi_page.pdf`)), /closed/);
    assert.equal(engine.liveThreads, 0);
  });
});
