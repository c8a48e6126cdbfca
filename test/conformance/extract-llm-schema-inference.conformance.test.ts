/**
 * Schema inference with EXTRACTION_ENGINE=openai-compatible, through the official SDK: the scripted
 * OpenAI-compatible server (the one allowed fake: a remote model) proposes the schema, then fills it.
 * A schemaless run shows the model's schema in its config and the model's values cited on the page; a
 * `generate` extractor stores it as its draft; a proposal that breaks the schema rules fails the run
 * SCHEMA_GENERATION_FAILED.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, it } from "node:test";
import { type Extend, ExtendClient } from "extend-ai";
import {
  type ScriptedChatServer,
  startScriptedChatServer,
} from "../../src/providers/llm/test-support/scripted-chat-server.ts";
import { startTestServer, type TestServer } from "../support/start-test-server.ts";

const INVOICE = path.resolve("../shared/corpus/invoice2data-invoices/compare/AmazonWebServices.pdf");

const field = (key: string, label: string, type: string) => ({
  key,
  label,
  description: `The ${label.toLowerCase()}`,
  type,
  enum_values: [],
  item_fields: [],
});

let proposal: unknown = {
  fields: [
    field("invoice_number", "Invoice Number", "string"),
    field("invoice_date", "Invoice Date", "date"),
  ],
};
let llm: ScriptedChatServer;
let server: TestServer;
let client: ExtendClient;
let fileId: string;
before(async () => {
  llm = await startScriptedChatServer((body) =>
    body.response_format.json_schema.name === "extraction_schema"
      ? { status: 200, content: proposal }
      : { status: 200, content: { invoice_number: "42183017", invoice_date: "2014-08-03" } },
  );
  server = await startTestServer("pglite", {
    EXTRACTION_ENGINE: "openai-compatible",
    LLM_BASE_URL: llm.baseUrl,
    LLM_MODEL: "scripted-model",
  });
  client = new ExtendClient({ token: server.apiKey, baseUrl: server.baseUrl, maxRetries: 0 });
  fileId = (await client.files.upload(new File([await readFile(INVOICE)], "aws.pdf"), {})).id;
});
after(async () => {
  await server?.stop();
  await llm?.close();
});

it("a schemaless run extracts with the model's schema and shows it in its config", {
  timeout: 120_000,
}, async () => {
  const run = await client.extractRuns.createAndPoll(
    { file: { id: fileId }, config: { extractionRules: "Invoice header fields" } },
    { initialDelayMs: 200 },
  );
  assert.equal(run.status, "PROCESSED", `${run.failureReason}: ${run.failureMessage}`);
  const schema = (run.config as Extend.ExtractConfigJson).schema as { properties: Record<string, object> };
  assert.deepEqual(Object.keys(schema.properties), ["invoice_number", "invoice_date"]);
  assert.equal((schema.properties.invoice_date as { "extend:type"?: string })["extend:type"], "date");
  const output = run.output as Extend.ExtractOutputJson;
  assert.deepEqual(output.value, { invoice_number: "42183017", invoice_date: "2014-08-03" });
  assert.match(output.metadata.invoice_number?.citations?.[0]?.referenceText ?? "", /42183017/);
  const ask = llm.requests.find(
    (request) => request.body.response_format.json_schema.name === "extraction_schema",
  );
  assert.match(
    ask?.body.messages[0]?.content ?? "",
    /Invoice header fields/,
    "extractionRules guide generation",
  );
});

it("generate stores the model's schema as the extractor's draft", { timeout: 120_000 }, async () => {
  const extractor = await client.extractors.create({
    name: "LLM generated",
    generate: { files: [{ id: fileId }], instructions: "AWS invoices" },
  });
  const schema = (extractor.draftVersion.config as Extend.ExtractConfigJson).schema as { required: string[] };
  assert.deepEqual(schema.required, ["invoice_number", "invoice_date"]);
  const last = llm.requests.at(-1)!;
  assert.match(last.body.messages[0]?.content ?? "", /AWS invoices/);
});

it("a proposal that breaks the schema rules fails the run SCHEMA_GENERATION_FAILED", {
  timeout: 120_000,
}, async () => {
  proposal = { fields: [field("invoice number", "Invoice Number", "string")] };
  const run = await client.extractRuns.createAndPoll({ file: { id: fileId } }, { initialDelayMs: 200 });
  assert.equal(run.status, "FAILED");
  assert.equal(run.failureReason, "SCHEMA_GENERATION_FAILED");
  assert.match(run.failureMessage ?? "", /schema rules/);
});
