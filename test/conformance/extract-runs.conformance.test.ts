/**
 * Extraction through the official SDK: extract runs from an extractor (with version resolution and
 * overrideConfig) and from inline config, the sync client.extract with a zod schema (the SDK's typed
 * helpers), citations on the page, the linked parse run, list/cancel/delete, batches and errors.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, it } from "node:test";
import { Extend, ExtendClient, extendDate } from "extend-ai";
import { z } from "zod";
import { startTestServer, type TestServer } from "../support/start-test-server.ts";
import { forEachDatabaseKind } from "../support/test-databases.ts";

const INVOICE = path.resolve("../shared/corpus/invoice2data-invoices/compare/AmazonWebServices.pdf");

const SCHEMA = {
  type: "object",
  properties: {
    invoice_number: { type: ["string", "null"], description: "Invoice number" },
    invoice_date: { type: ["string", "null"], "extend:type": "date" },
    total: { type: ["number", "null"], description: "Total amount due" },
  },
  required: ["invoice_number", "invoice_date", "total"],
};

forEachDatabaseKind("Extract runs via the official SDK", (kind) => {
  let server: TestServer;
  let client: ExtendClient;
  let fileId: string;
  before(async () => {
    server = await startTestServer(kind);
    client = new ExtendClient({ token: server.apiKey, baseUrl: server.baseUrl, maxRetries: 0 });
    fileId = (await client.files.upload(new File([await readFile(INVOICE)], "aws.pdf"), {})).id;
  });
  after(() => server?.stop());

  it("runs an extractor version and cites every value it found on the page", async () => {
    const extractor = await client.extractors.create({ name: "AWS invoices", config: { schema: SCHEMA } });
    await client.extractorVersions.create(extractor.id, { releaseType: "major" });
    const run = await client.extractRuns.createAndPoll(
      { extractor: { id: extractor.id }, file: { id: fileId }, metadata: { ref: "t1" } },
      { initialDelayMs: 200 },
    );
    assert.equal(run.object, "extract_run");
    assert.match(run.id, /^exr_/);
    assert.equal(run.status, "PROCESSED", `${run.failureReason}: ${run.failureMessage}`);
    assert.equal(run.extractor?.id, extractor.id);
    assert.equal(run.extractorVersion?.version, "1.0", "omitted version resolves to the latest published");
    assert.deepEqual(run.metadata, { ref: "t1" });
    const output = run.output as Extend.ExtractOutputJson;
    assert.deepEqual(Object.keys(output.value), ["invoice_number", "invoice_date", "total"]);
    assert.equal(output.value.invoice_date, "2014-08-03");
    for (const [fieldPath, meta] of Object.entries(output.metadata)) {
      for (const citation of meta?.citations ?? []) {
        assert.equal(citation.page?.number, 1, fieldPath);
        assert.ok(
          (citation.polygon ?? []).every(
            (point) => point.x >= 0 && point.x <= (citation.page?.width ?? 0) + 1,
          ),
        );
      }
    }
    assert.ok(output.metadata.invoice_date?.citations?.length, "the date is cited");
    assert.ok(run.parseRunId?.startsWith("pr_"));
    const parse = await client.parseRuns.retrieve(run.parseRunId!);
    assert.equal(parse.status, "PROCESSED");
    assert.equal(run.usage?.credits, 3, "3 credits per page (extraction_performance)");
  });

  it("client.extract accepts a zod schema through the SDK's typed helpers", async () => {
    const run = await client.extract({
      file: { id: fileId },
      config: { schema: z.object({ invoice_date: extendDate().describe("Invoice date") }) },
    } as unknown as Extend.ExtractRequest);
    assert.equal(run.status, "PROCESSED", `${run.failureReason}: ${run.failureMessage}`);
    assert.equal((run.output as Extend.ExtractOutputJson).value.invoice_date, "2014-08-03");
    assert.equal(run.extractor, null, "inline config runs have no extractor");
  });

  it("merges overrideConfig, lists by extractor, cancels and deletes", async () => {
    const extractor = await client.extractors.create({ name: "Override", config: { schema: SCHEMA } });
    const run = await client.extractRuns.createAndPoll(
      {
        extractor: {
          id: extractor.id,
          version: "draft",
          overrideConfig: { extractionRules: "Dates in ISO 8601." },
        },
        file: { id: fileId },
      },
      { initialDelayMs: 200 },
    );
    assert.equal((run.config as Extend.ExtractConfigJson).extractionRules, "Dates in ISO 8601.");
    assert.deepEqual((run.config as Extend.ExtractConfigJson).schema, SCHEMA, "the saved schema is kept");
    const listed = await client.extractRuns.list({ extractorId: extractor.id });
    assert.deepEqual(
      listed.data.map((summary) => summary.id),
      [run.id],
    );
    assert.equal("output" in listed.data[0]!, false);
    await assert.rejects(
      client.extractRuns.cancel(run.id),
      Extend.BadRequestError,
      "finished runs cannot be cancelled",
    );
    assert.deepEqual(await client.extractRuns.delete(run.id), { id: run.id });
    await assert.rejects(client.extractRuns.retrieve(run.id), Extend.NotFoundError);
  });

  it("runs an extract batch on one extractor version", async () => {
    const extractor = await client.extractors.create({ name: "Batch", config: { schema: SCHEMA } });
    const batch = await client.extractRuns.createBatch({
      extractor: { id: extractor.id },
      inputs: [{ file: { id: fileId } }, { file: { text: "Invoice number: INV-7\nTotal: 12.50" } }],
    });
    assert.match(batch.id, /^bpr_/);
    const deadline = Date.now() + 60_000;
    let status = batch.status;
    while ((status === "PENDING" || status === "PROCESSING") && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      status = (await client.batchRuns.get(batch.id)).status;
    }
    assert.equal(status, "PROCESSED");
    const runs = await client.extractRuns.list({ batchId: batch.id });
    assert.deepEqual(
      runs.data.map((run) => run.status),
      ["PROCESSED", "PROCESSED"],
    );
  });

  it("answers malformed extraction requests with typed errors", async () => {
    await assert.rejects(
      client.extractRuns.create({ config: { schema: SCHEMA } }),
      Extend.BadRequestError,
      "no file",
    );
    await assert.rejects(
      client.extractRuns.create({
        file: { id: fileId },
        config: { schema: { type: "object", properties: { a: { type: "string" } } } },
      }),
      (error: unknown) =>
        error instanceof Extend.BadRequestError &&
        /config\.schema\.properties\.a/.test(JSON.stringify(error.body)),
    );
    await assert.rejects(
      client.extractRuns.create({ extractor: { id: "ex_missing" }, file: { id: fileId } }),
      Extend.NotFoundError,
    );
    // Without a schema one is inferred; plain prose offers none (see extract-schema-inference tests).
    const noSchema = await client.extractRuns.createAndPoll(
      {
        file: {
          text: "Thank you for your letter. We will write again soon with more news about the project.",
        },
      },
      { initialDelayMs: 200 },
    );
    assert.equal(noSchema.status, "FAILED");
    assert.equal(noSchema.failureReason, "SCHEMA_GENERATION_FAILED");
  });
});
