/**
 * The Parse API through the official SDK against a real server: client.parse, parseRuns.createAndPoll,
 * retrieve (json and url), list with filters and pagination, cancel, delete, batches, and the typed
 * errors for malformed requests. Documents come from ../shared/corpus.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, it } from "node:test";
import { Extend, ExtendClient } from "extend-ai";
import { manyPagesPdf } from "../../src/engine/test-support/pdf-fixtures.ts";
import { startTestServer, type TestServer } from "../support/start-test-server.ts";
import { type StaticFileServer, startStaticFileServer } from "../support/static-file-server.ts";
import { forEachDatabaseKind } from "../support/test-databases.ts";

const CORPUS = path.resolve("../shared/corpus/docling-groundtruth/pdf/sources");
const DOCS = [
  { name: "multi_page.pdf", pages: 5 },
  { name: "redp5110_sampled.pdf", pages: 18 },
  { name: "2305.03393v1-pg9.pdf", pages: 1 },
];

async function waitUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

forEachDatabaseKind("Parse API via the official SDK", (kind) => {
  let server: TestServer;
  let files: StaticFileServer;
  let client: ExtendClient;
  before(async () => {
    files = await startStaticFileServer(CORPUS);
    // "localhost" stands for a public host here; 127.0.0.1 stays refused by the SSRF guard.
    server = await startTestServer(kind, { FILE_URL_ALLOWED_HOSTS: "localhost" });
    client = new ExtendClient({ token: server.apiKey, baseUrl: server.baseUrl, maxRetries: 0 });
  });
  after(async () => {
    await server?.stop();
    await files?.close();
  });

  it("client.parse on a URL returns a PROCESSED run with a chunk per page and positioned blocks", async () => {
    const run = await client.parse({ file: { url: `http://localhost:${files.port}/multi_page.pdf` } });
    assert.equal(run.object, "parse_run");
    assert.match(run.id, /^pr_/);
    assert.equal(run.status, "PROCESSED", `${run.failureReason}: ${run.failureMessage}`);
    assert.equal(run.file.name, "multi_page.pdf");
    assert.equal(run.output?.chunks.length, 5);
    assert.equal(run.metrics?.pageCount, 5);
    assert.equal(run.usage?.credits, 10, "2 credits per page (parse_performance)");
    assert.equal(run.config.target, "markdown", "the effective config echoes defaults");
    assert.equal(run.config.chunkingStrategy?.type, "page");
    run.output!.chunks.forEach((chunk, index) => {
      assert.equal(chunk.object, "chunk");
      assert.equal(chunk.type, "page");
      assert.deepEqual(chunk.metadata.pageRange, { start: index + 1, end: index + 1 });
      assert.ok(chunk.blocks.length > 0);
      for (const block of chunk.blocks) {
        const page = block.metadata.page!;
        assert.equal(page.number, index + 1);
        const box = block.boundingBox;
        assert.ok(
          box.left! >= 0 &&
            box.top! >= 0 &&
            box.right! <= page.width! + 0.5 &&
            box.bottom! <= page.height! + 0.5,
        );
        assert.ok(box.left! < box.right! && box.top! < box.bottom!);
        assert.equal(block.polygon.length, 4);
        assert.equal(block.metadata.minOcrConfidence, undefined, "digital text has no OCR confidence");
        assert.ok(chunk.content.includes(block.content.slice(0, 20)));
      }
    });
  });

  it("parseRuns.createAndPoll parses corpus PDFs uploaded as files, and the file learns its page count", async () => {
    for (const doc of DOCS) {
      const bytes = await readFile(path.join(CORPUS, doc.name));
      const file = await client.files.upload(new File([bytes], doc.name), {});
      const run = await client.parseRuns.createAndPoll({ file: { id: file.id } }, { initialDelayMs: 200 });
      assert.equal(run.status, "PROCESSED", `${doc.name}: ${run.failureMessage}`);
      assert.equal(run.output?.chunks.length, doc.pages, doc.name);
      const stored = await client.files.retrieve(file.id, { markdown: true });
      assert.equal(stored.metadata.pageCount, doc.pages);
      assert.equal(stored.contents?.pages?.length, doc.pages);
      assert.equal(stored.contents?.pages?.[0]?.markdown, run.output?.chunks[0]?.content);
    }
  });

  it("reuses the cached output for the same bytes and config, and honours document chunking", async () => {
    const bytes = await readFile(path.join(CORPUS, "multi_page.pdf"));
    const file = await client.files.upload(new File([bytes], "again.pdf"), {});
    const first = await client.parse({
      file: { id: file.id },
      config: { chunkingStrategy: { type: "document" } },
    });
    const second = await client.parse({
      file: { id: file.id },
      config: { chunkingStrategy: { type: "document" } },
    });
    assert.equal(first.output?.chunks.length, 1);
    assert.deepEqual(first.output?.chunks[0]?.metadata.pageRange, { start: 1, end: 5 });
    assert.deepEqual(second.output, first.output);
    assert.ok(second.metrics!.processingTimeMs <= first.metrics!.processingTimeMs + 50);
  });

  it("serves the output by signed URL with responseType=url", async () => {
    const run = await client.parse({ file: { url: `http://localhost:${files.port}/2305.03393v1-pg9.pdf` } });
    const byUrl = await client.parseRuns.retrieve(run.id, { responseType: "url" });
    assert.equal(byUrl.output, null);
    assert.ok(byUrl.outputUrl);
    const fetched = await (await fetch(byUrl.outputUrl)).json();
    assert.deepEqual(fetched, run.output);
  });

  it("lists summaries with filters and pagination (maxPageSize and limit)", async () => {
    const created: string[] = [];
    for (let index = 0; index < 3; index++) {
      const run = await client.parse({
        file: { url: `http://localhost:${files.port}/2305.03393v1-pg9.pdf`, name: `listed-${index}.pdf` },
      });
      created.push(run.id);
    }
    const all: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.parseRuns.list({
        maxPageSize: 2,
        fileNameContains: "LISTED-",
        ...(token === undefined ? {} : { nextPageToken: token }),
      });
      for (const summary of page.data) {
        assert.equal("output" in summary, false, "summaries carry no output");
        assert.ok(!Number.isNaN(Date.parse(summary.createdAt)));
        all.push(summary.id);
      }
      token = page.nextPageToken ?? undefined;
    } while (token !== undefined);
    assert.deepEqual(all, [...created].reverse(), "newest first, no duplicates, nothing missing");
    const processed = await client.parseRuns.list({
      status: "PROCESSED",
      fileNameContains: "listed-1",
      maxPageSize: 100,
    });
    assert.deepEqual(
      processed.data.map((summary) => summary.id),
      [created[1]],
    );
    assert.deepEqual(
      (await client.parseRuns.list({ status: "FAILED", fileNameContains: "listed-" })).data,
      [],
    );
    assert.deepEqual(
      (await client.parseRuns.list({ source: "API", fileNameContains: "listed-" })).data.length,
      3,
    );
    const limited = await fetch(`${server.baseUrl}/parse_runs?limit=1&fileNameContains=listed-`, {
      headers: { authorization: `Bearer ${server.apiKey}` },
    });
    assert.equal(((await limited.json()) as { data: unknown[] }).data.length, 1);
  });

  it("cancels a long parse, which then ends CANCELLED, and deletes runs", async () => {
    const big = await client.files.upload(new File([await manyPagesPdf(3000)], "long.pdf"), {});
    const created = await client.parseRuns.create({ file: { id: big.id } });
    assert.equal(created.status, "PROCESSING");
    const started = Date.now() + 10_000; // wait until an engine thread is working on it
    while (server.app.services.engine.activeThreads === 0 && Date.now() < started) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const cancelled = await client.parseRuns.cancel(created.id);
    assert.equal(cancelled.status, "CANCELLED");
    // The engine thread working on it is terminated: no CPU spent on a cancelled run.
    const deadline = Date.now() + 2000;
    while (server.app.services.engine.activeThreads > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(
      server.app.services.engine.activeThreads,
      0,
      "engine thread stopped within 2 s of the cancel",
    );
    await assert.rejects(client.parseRuns.cancel(created.id), Extend.BadRequestError);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(
      (await client.parseRuns.retrieve(created.id)).status,
      "CANCELLED",
      "the worker does not overwrite a cancel",
    );

    assert.deepEqual(await client.parseRuns.delete(created.id), { id: created.id });
    await assert.rejects(client.parseRuns.retrieve(created.id), Extend.NotFoundError);
    await assert.rejects(client.parseRuns.delete(created.id), Extend.NotFoundError);
  });

  it("runs a batch of id, text and URL inputs to completion", async () => {
    const file = await client.files.upload(
      new File([await readFile(path.join(CORPUS, "2305.03393v1-pg9.pdf"))], "b1.pdf"),
      {},
    );
    const batch = await client.parseRuns.createBatch({
      inputs: [
        { file: { id: file.id }, metadata: { n: 1 } },
        { file: { text: "plain text input" } },
        { file: { url: `http://localhost:${files.port}/multi_page.pdf` } },
        { file: { url: `http://127.0.0.1:${files.port}/multi_page.pdf` } },
      ],
    });
    assert.equal(batch.object, "batch_run");
    assert.match(batch.id, /^bpar_/);
    assert.equal(batch.status, "PENDING");
    assert.equal(batch.runCount, 4);
    const done = await waitUntil(
      () => client.batchRuns.get(batch.id),
      (value) => value.status !== "PENDING" && value.status !== "PROCESSING",
    );
    assert.equal(done.status, "PROCESSED");
    const runs = await client.parseRuns.list({ batchId: batch.id, maxPageSize: 10 });
    assert.equal(runs.data.length, 4);
    const byStatus = runs.data.map((run) => run.status).sort();
    assert.deepEqual(byStatus, ["FAILED", "PROCESSED", "PROCESSED", "PROCESSED"]);
    const refused = runs.data.find((run) => run.status === "FAILED")!;
    assert.equal(refused.failureReason, "UNABLE_TO_DOWNLOAD_FILE");
    assert.equal(refused.file, null, "a batch run whose download failed has no file");
    assert.ok(runs.data.every((run) => run.batchId === batch.id));
    await assert.rejects(client.batchRuns.get("bpar_doesnotexist"), Extend.NotFoundError);
  });

  it("refuses a URL on a private address with 422 before storing anything", async () => {
    const before = (await client.files.list({ maxPageSize: 1000 })).data.length;
    const requestsBefore = files.requests.length;
    await assert.rejects(
      client.parse({ file: { url: `http://127.0.0.1:${files.port}/multi_page.pdf` } }),
      (error: unknown) => {
        assert.ok(error instanceof Extend.UnprocessableEntityError);
        assert.equal((error.body as { code: string }).code, "UNABLE_TO_DOWNLOAD_FILE");
        return true;
      },
    );
    assert.equal((await client.files.list({ maxPageSize: 1000 })).data.length, before);
    assert.equal(files.requests.length, requestsBefore, "the refused URL was never fetched");
  });

  it("answers malformed parse requests with typed errors", async () => {
    await assert.rejects(
      client.parseRuns.create({} as Extend.ParseRunsCreateRequest),
      Extend.BadRequestError,
    );
    await assert.rejects(
      client.parseRuns.create({ file: { text: "x" } } as unknown as Extend.ParseRunsCreateRequest),
      Extend.BadRequestError,
    );
    await assert.rejects(client.parseRuns.create({ file: { id: "file_missing" } }), Extend.NotFoundError);
    await assert.rejects(
      client.parseRuns.create({ file: { url: "ftp://example.com/a.pdf" } }),
      Extend.BadRequestError,
    );
    await assert.rejects(
      client.parseRuns.create({
        file: { id: "file_x" },
        config: { target: "braille" } as unknown as Extend.ParseConfig,
      }),
      (error: unknown) =>
        error instanceof Extend.BadRequestError && /config\.target/.test(JSON.stringify(error.body)),
    );
    await assert.rejects(client.parseRuns.createBatch({ inputs: [] }), Extend.BadRequestError);
    await assert.rejects(client.parseRuns.retrieve("pr_missing"), Extend.NotFoundError);
  });
});
