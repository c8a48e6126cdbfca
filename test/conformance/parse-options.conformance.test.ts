/**
 * Parse config options through the official SDK against a real server: section chunking with
 * maxCharacters, pageRanges (renumbered from 1), the spatial target and INVALID_CONFIG_OPTIONS.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, it } from "node:test";
import { ExtendClient } from "extend-ai";
import { startTestServer, type TestServer } from "../support/start-test-server.ts";
import { forEachDatabaseKind } from "../support/test-databases.ts";

const REDP = path.resolve("../shared/corpus/docling-groundtruth/pdf/sources/redp5110_sampled.pdf");

forEachDatabaseKind("Parse options via the official SDK", (kind) => {
  let server: TestServer;
  let client: ExtendClient;
  let fileId: string;
  before(async () => {
    server = await startTestServer(kind);
    client = new ExtendClient({ token: server.apiKey, baseUrl: server.baseUrl, maxRetries: 0 });
    const file = await client.files.upload(new File([await readFile(REDP)], "redp5110_sampled.pdf"), {});
    fileId = file.id;
  });
  after(async () => {
    await server?.stop();
  });

  it("section chunking starts chunks at headings and keeps them within maxCharacters", async () => {
    const run = await client.parse({
      file: { id: fileId },
      config: { chunkingStrategy: { type: "section", options: { maxCharacters: 1200 } } },
    });
    assert.equal(run.status, "PROCESSED", `${run.failureReason}: ${run.failureMessage}`);
    assert.equal(run.config.chunkingStrategy?.type, "section");
    assert.equal(run.metrics?.pageCount, 18);
    const chunks = run.output!.chunks;
    assert.ok(chunks.length > 18);
    for (const chunk of chunks) {
      assert.equal(chunk.type, "section");
      const { start, end } = chunk.metadata.pageRange;
      assert.ok(start >= 1 && end >= start && end <= 18);
      assert.ok(chunk.content.length <= 1200 || chunk.blocks.length === 1, chunk.content.slice(0, 60));
      for (const block of chunk.blocks) {
        const page = block.metadata.page!.number;
        assert.ok(page >= start && page <= end);
      }
    }
    assert.ok(
      chunks.some(
        (chunk) => chunk.blocks[0]?.type === "heading" || chunk.blocks[0]?.type === "section_heading",
      ),
    );
  });

  it("pageRanges reads only the selected pages, renumbered from 1, and bills them", async () => {
    const run = await client.parse({
      file: { id: fileId },
      config: {
        advancedOptions: {
          pageRanges: [
            { start: 4, end: 5 },
            { start: 2, end: 2 },
            { start: 5, end: 6 },
            { start: 50, end: 60 },
          ],
        },
      },
    });
    assert.equal(run.status, "PROCESSED", `${run.failureReason}: ${run.failureMessage}`);
    assert.equal(run.metrics?.pageCount, 4);
    assert.equal(run.usage?.credits, 8, "2 credits per processed page");
    assert.deepEqual(
      run.output!.chunks.map((chunk) => chunk.metadata.pageRange),
      [1, 2, 3, 4].map((number) => ({ start: number, end: number })),
    );
    run.output!.chunks.forEach((chunk, index) => {
      for (const block of chunk.blocks) assert.equal(block.metadata.page?.number, index + 1);
    });
    const file = await client.files.retrieve(fileId);
    assert.equal(file.metadata.pageCount, 18, "a parse of selected pages leaves the file's page count alone");
  });

  it("the spatial target gives layout-preserving page chunks", async () => {
    const run = await client.parse({
      file: { id: fileId },
      config: {
        target: "spatial",
        advancedOptions: { pageRanges: [{ start: 1, end: 3 }], verticalGroupingThreshold: 1.5 },
      },
    });
    assert.equal(run.status, "PROCESSED", `${run.failureReason}: ${run.failureMessage}`);
    assert.equal(run.config.target, "spatial");
    assert.equal(run.output!.chunks.length, 3);
    for (const chunk of run.output!.chunks) assert.equal(chunk.type, "page");
    assert.ok(
      run.output!.chunks.some((chunk) => / {4,}\S/.test(chunk.content)),
      "text placed by x position",
    );
  });

  it("invalid combinations fail the run with INVALID_CONFIG_OPTIONS", async () => {
    for (const config of [
      { target: "spatial", chunkingStrategy: { type: "section" } },
      { chunkingStrategy: { type: "section", options: { minCharacters: 5000, maxCharacters: 100 } } },
    ] as const) {
      const run = await client.parse({ file: { id: fileId }, config });
      assert.equal(run.status, "FAILED", JSON.stringify(config));
      assert.equal(run.failureReason, "INVALID_CONFIG_OPTIONS");
      assert.ok((run.failureMessage ?? "").length > 10);
      assert.equal(run.output, null);
    }
  });
});
