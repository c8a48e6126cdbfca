/**
 * Schema inference through the official SDK (behaviour.md §3.1, §3.6): an extract run with neither
 * extractor nor schema infers one from the document, extracts with it and shows it in its config; an
 * extractor created with `generate` from sample files gets the inferred schema in its draft, and runs
 * of that extractor fill it. Documents with nothing to infer from fail SCHEMA_GENERATION_FAILED (runs)
 * or 400 (generate).
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, it } from "node:test";
import { Extend, ExtendClient } from "extend-ai";
import { startTestServer, type TestServer } from "../support/start-test-server.ts";
import { type StaticFileServer, startStaticFileServer } from "../support/static-file-server.ts";
import { forEachDatabaseKind } from "../support/test-databases.ts";

const CORPUS = path.resolve("../shared/corpus/invoice2data-invoices/compare");

type JsonSchema = {
  properties: Record<string, { type?: unknown; "extend:type"?: string; items?: unknown }>;
  required: string[];
};

forEachDatabaseKind("Schema inference via the official SDK", (kind) => {
  let server: TestServer;
  let files: StaticFileServer;
  let client: ExtendClient;
  let awsId: string;
  let coolblueId: string;
  before(async () => {
    files = await startStaticFileServer(CORPUS);
    server = await startTestServer(kind, { FILE_URL_ALLOWED_HOSTS: "localhost" });
    client = new ExtendClient({ token: server.apiKey, baseUrl: server.baseUrl, maxRetries: 0 });
    const upload = async (name: string) =>
      (await client.files.upload(new File([await readFile(path.join(CORPUS, name))], name), {})).id;
    awsId = await upload("AmazonWebServices.pdf");
    coolblueId = await upload("coolblue1.pdf");
  });
  after(async () => {
    await server?.stop();
    await files?.close();
  });

  it("infers a schema for a run without one, extracts with it, and shows it in the run's config", async () => {
    const run = await client.extractRuns.createAndPoll(
      { file: { id: awsId }, config: { advancedOptions: { modelReasoningInsightsEnabled: true } } },
      { initialDelayMs: 200 },
    );
    assert.equal(run.status, "PROCESSED", `${run.failureReason}: ${run.failureMessage}`);
    assert.equal(run.extractor, null);
    const schema = (run.config as Extend.ExtractConfigJson).schema as JsonSchema;
    assert.deepEqual(schema.properties.invoice_number?.type, ["string", "null"]);
    assert.equal(schema.properties.invoice_date?.["extend:type"], "date");
    assert.equal(schema.properties.total_for_this_invoice?.["extend:type"], "currency");
    const output = run.output as Extend.ExtractOutputJson;
    assert.deepEqual(Object.keys(output.value), schema.required, "the output follows the inferred schema");
    assert.equal(output.value.invoice_number, "42183017");
    assert.equal(output.value.invoice_date, "2014-08-03");
    assert.deepEqual(output.value.total_for_this_invoice, { amount: 4.11, iso_4217_currency_code: "USD" });
    const meta = output.metadata.invoice_number;
    assert.equal(meta?.citations?.[0]?.page?.number, 1);
    assert.equal(meta?.insights?.[0]?.type, "reasoning");
    assert.match(meta?.insights?.[0]?.content ?? "", /Invoice Number/);
    const again = await client.extractRuns.retrieve(run.id);
    assert.deepEqual((again.config as Extend.ExtractConfigJson).schema, schema, "GET shows the schema used");
  });

  it("infers one schema for a package from all its files", async () => {
    const run = await client.extractRuns.createAndPoll(
      { package: { files: [{ id: awsId }, { id: coolblueId }] } },
      { initialDelayMs: 200 },
    );
    assert.equal(run.status, "PROCESSED", `${run.failureReason}: ${run.failureMessage}`);
    const schema = (run.config as Extend.ExtractConfigJson).schema as JsonSchema;
    assert.ok(schema.required.includes("invoice_number") && schema.required.includes("factuurdatum"));
    const output = run.output as Extend.ExtractOutputJson;
    assert.equal(output.value.factuurdatum, "2014-04-19");
    assert.equal(output.metadata.factuurdatum?.citations?.[0]?.fileId, coolblueId);
  });

  it("honours a field list in extractionRules when inferring", async () => {
    const run = await client.extractRuns.createAndPoll(
      { file: { id: awsId }, config: { extractionRules: "invoice number, invoice date" } },
      { initialDelayMs: 200 },
    );
    assert.equal(run.status, "PROCESSED", `${run.failureReason}: ${run.failureMessage}`);
    assert.deepEqual((run.output as Extend.ExtractOutputJson).value, {
      invoice_number: "42183017",
      invoice_date: "2014-08-03",
    });
  });

  it("fails SCHEMA_GENERATION_FAILED when the document offers nothing to infer from", async () => {
    const run = await client.extractRuns.createAndPoll(
      {
        file: { text: "We enjoyed meeting you last week and hope to see you again at the next conference." },
      },
      { initialDelayMs: 200 },
    );
    assert.equal(run.status, "FAILED");
    assert.equal(run.failureReason, "SCHEMA_GENERATION_FAILED");
    assert.match(run.failureMessage ?? "", /no labelled values/);
  });

  it("creates an extractor with a schema generated from sample files (id and url), and runs it", async () => {
    const extractor = await client.extractors.create({
      name: "Generated invoices",
      generate: {
        files: [{ id: coolblueId }, { url: `http://localhost:${files.port}/AmazonWebServices.pdf` }],
      },
    });
    assert.match(extractor.id, /^ex_/);
    const schema = (extractor.draftVersion.config as Extend.ExtractConfigJson).schema as JsonSchema;
    // Properties of both samples, the first sample's first.
    assert.equal(schema.required[0], "factuurnummer");
    assert.ok(schema.required.includes("invoice_number"));
    assert.equal(schema.properties.factuurdatum?.["extend:type"], "date");
    assert.equal((schema.properties.line_items as { type?: string } | undefined)?.type, "array");
    const retrieved = await client.extractors.retrieve(extractor.id);
    assert.deepEqual((retrieved.draftVersion.config as Extend.ExtractConfigJson).schema, schema);

    const run = await client.extractRuns.createAndPoll(
      { extractor: { id: extractor.id, version: "draft" }, file: { id: coolblueId } },
      { initialDelayMs: 200 },
    );
    assert.equal(run.status, "PROCESSED", `${run.failureReason}: ${run.failureMessage}`);
    const output = run.output as Extend.ExtractOutputJson;
    assert.equal(output.value.factuurdatum, "2014-04-19");
    // The AWS sample's English field finds coolblue's Dutch label (the extractor's lexicon).
    assert.equal(output.value.invoice_number, output.value.factuurnummer);
  });

  it("answers generate requests it cannot serve with typed errors", async () => {
    const prose = await client.files.upload(
      new File(
        ["Dear colleague, thank you for the lovely afternoon and the long walk by the river."],
        "note.txt",
      ),
      {},
    );
    await assert.rejects(
      client.extractors.create({ name: "Nothing", generate: { files: [{ id: prose.id }] } }),
      (error: unknown) =>
        error instanceof Extend.BadRequestError &&
        /SCHEMA_GENERATION_FAILED/.test(JSON.stringify(error.body)),
    );
    await assert.rejects(
      client.extractors.create({ name: "Missing", generate: { files: [{ id: "file_missing" }] } }),
      Extend.NotFoundError,
    );
    await assert.rejects(
      client.extractors.create({ name: "Too many", generate: { files: [] } }),
      Extend.BadRequestError,
    );
  });
});
