/**
 * EXTRACTION_ENGINE=openai-compatible end to end: the official SDK's client.extract against a Quire
 * whose LLM is a scripted OpenAI-compatible server on loopback (the one allowed fake: a remote model).
 * The model's values come back shaped like the schema and cited on the page's words.
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

let llm: ScriptedChatServer;
let server: TestServer;
before(async () => {
  llm = await startScriptedChatServer(() => ({
    status: 200,
    content: { invoice_number: "42183017", total: 4.11 },
  }));
  server = await startTestServer("pglite", {
    EXTRACTION_ENGINE: "openai-compatible",
    LLM_BASE_URL: llm.baseUrl,
    LLM_API_KEY: "sk-test-model",
    LLM_MODEL: "scripted-model",
  });
});
after(async () => {
  await server?.stop();
  await llm?.close();
});

it("extracts through the OpenAI-compatible engine and cites the model's values on the page", {
  timeout: 120_000,
}, async () => {
  const client = new ExtendClient({ token: server.apiKey, baseUrl: server.baseUrl, maxRetries: 0 });
  const file = await client.files.upload(new File([await readFile(INVOICE)], "aws.pdf"), {});
  const run = await client.extract({
    file: { id: file.id },
    config: {
      schema: {
        type: "object",
        properties: { invoice_number: { type: ["string", "null"] }, total: { type: ["number", "null"] } },
        required: ["invoice_number", "total"],
      },
    },
  });
  assert.equal(run.status, "PROCESSED", `${run.failureReason}: ${run.failureMessage}`);
  const output = run.output as Extend.ExtractOutputJson;
  assert.deepEqual(output.value, { invoice_number: "42183017", total: 4.11 });
  const citation = output.metadata.invoice_number?.citations?.[0];
  assert.equal(citation?.page?.number, 1);
  assert.match(citation?.referenceText ?? "", /42183017/);
  const request = llm.requests[0]!;
  assert.equal(request.body.model, "scripted-model");
  assert.equal(request.headers.authorization, "Bearer sk-test-model");
  assert.equal(request.body.response_format.type, "json_schema");
});
