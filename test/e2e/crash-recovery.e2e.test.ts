/**
 * No run is ever lost: real processes are killed with SIGKILL mid-work and restarted, and every run
 * still ends PROCESSED; SIGTERM drains in-flight runs before exiting. Scaled-out shape (api + worker
 * processes on PostgreSQL) and embedded shape (one process on PGlite).
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ExtendClient } from "extend-ai";
import { manyPagesPdf, textPdf } from "../../src/engine/test-support/pdf-fixtures.ts";
import { startQuireProcess } from "../support/quire-process.ts";
import { createTestDatabase } from "../support/test-databases.ts";

const API_KEY = "sk_e2e_crash_recovery_0001";

async function distinctPdf(index: number, pages: number): Promise<Uint8Array> {
  return textPdf(
    Array.from({ length: pages }, (_, page) => ({
      lines: [
        { text: `Document ${index}, page ${page + 1}`, x: 72, y: 720, size: 16 },
        {
          text: "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.",
          x: 72,
          y: 690,
        },
        {
          text: "Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip.",
          x: 72,
          y: 675,
        },
      ],
    })),
  );
}

async function countByStatus(client: ExtendClient, batchId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  let token: string | undefined;
  do {
    const page = await client.parseRuns.list({
      batchId,
      maxPageSize: 1000,
      ...(token === undefined ? {} : { nextPageToken: token }),
    });
    for (const run of page.data) counts[run.status] = (counts[run.status] ?? 0) + 1;
    token = page.nextPageToken ?? undefined;
  } while (token !== undefined);
  return counts;
}

async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe("scaled out: a batch of 200 survives its worker being killed twice", () => {
  let dataDir: string;
  let databaseUrl: string;
  let dispose: () => Promise<void>;
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "quire-crash-"));
    const database = await createTestDatabase("postgres");
    await database.db.close();
    databaseUrl = database.url!;
    dispose = database.dispose;
  });
  after(async () => {
    await dispose?.();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("ends with all 200 runs PROCESSED", { timeout: 300_000 }, async () => {
    const env = { QUIRE_DATA_DIR: dataDir, DATABASE_URL: databaseUrl, QUIRE_API_KEY: API_KEY };
    const api = await startQuireProcess(env, ["serve", "--role", "api"]);
    try {
      const client = new ExtendClient({ token: API_KEY, baseUrl: api.baseUrl, maxRetries: 0 });
      const ids: string[] = [];
      for (let index = 0; index < 200; index++) {
        const file = await client.files.upload(
          new File([await distinctPdf(index, 30)], `doc-${index}.pdf`),
          {},
        );
        ids.push(file.id);
      }
      const batch = await client.parseRuns.createBatch({ inputs: ids.map((id) => ({ file: { id } })) });

      let worker = await startQuireProcess(env, ["serve", "--role", "worker"]);
      for (const threshold of [20, 90]) {
        await waitFor(
          `${threshold} processed`,
          async () => ((await countByStatus(client, batch.id)).PROCESSED ?? 0) >= threshold,
          120_000,
        );
        assert.ok(
          ((await countByStatus(client, batch.id)).PROCESSED ?? 0) < 200,
          "killed while the batch was still running",
        );
        await worker.stop("SIGKILL");
        worker = await startQuireProcess(env, ["serve", "--role", "worker"]);
      }
      await waitFor(
        "the batch to finish",
        async () => {
          const status = (await client.batchRuns.get(batch.id)).status;
          return status !== "PENDING" && status !== "PROCESSING";
        },
        180_000,
      );
      assert.deepEqual(await countByStatus(client, batch.id), { PROCESSED: 200 });
      assert.equal((await client.batchRuns.get(batch.id)).status, "PROCESSED");
      await worker.stop();
    } finally {
      await api.stop();
    }
  });
});

describe("embedded: one process on PGlite", () => {
  it("kill -9 mid-run, restart: the run is picked up again and ends PROCESSED", {
    timeout: 180_000,
  }, async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "quire-crash-"));
    const env = { QUIRE_DATA_DIR: dataDir, QUIRE_API_KEY: API_KEY, ENGINE_THREADS: "1" };
    try {
      let server = await startQuireProcess(env);
      let client = new ExtendClient({ token: API_KEY, baseUrl: server.baseUrl, maxRetries: 0 });
      const file = await client.files.upload(new File([await manyPagesPdf(6000)], "long.pdf"), {});
      const run = await client.parseRuns.create({ file: { id: file.id } });
      await new Promise((resolve) => setTimeout(resolve, 1500)); // let the worker pick it up and start
      assert.equal((await client.parseRuns.retrieve(run.id)).status, "PROCESSING", "killed mid-run");
      await server.stop("SIGKILL");

      server = await startQuireProcess(env);
      client = new ExtendClient({ token: API_KEY, baseUrl: server.baseUrl, maxRetries: 0 });
      await waitFor(
        "the run to finish",
        async () => (await client.parseRuns.retrieve(run.id)).status !== "PROCESSING",
        150_000,
      );
      const finished = await client.parseRuns.retrieve(run.id);
      assert.equal(finished.status, "PROCESSED", `${finished.failureReason}: ${finished.failureMessage}`);
      assert.equal(finished.metrics?.pageCount, 6000);
      await server.stop();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("SIGTERM drains the in-flight run before exiting", { timeout: 120_000 }, async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "quire-drain-"));
    const env = { QUIRE_DATA_DIR: dataDir, QUIRE_API_KEY: API_KEY, ENGINE_THREADS: "1" };
    try {
      const server = await startQuireProcess(env);
      const client = new ExtendClient({ token: API_KEY, baseUrl: server.baseUrl, maxRetries: 0 });
      const file = await client.files.upload(new File([await manyPagesPdf(2000)], "drain.pdf"), {});
      const run = await client.parseRuns.create({ file: { id: file.id } });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.equal((await client.parseRuns.retrieve(run.id)).status, "PROCESSING", "stopped mid-run");
      assert.equal(await server.stop("SIGTERM"), 0);

      const again = await startQuireProcess(env);
      const after = await new ExtendClient({
        token: API_KEY,
        baseUrl: again.baseUrl,
        maxRetries: 0,
      }).parseRuns.retrieve(run.id);
      assert.equal(after.status, "PROCESSED", "finished before the process exited, not on restart");
      await again.stop();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
