/**
 * OpenAiCompatibleSchemaInferrer against a scripted OpenAI-compatible server on 127.0.0.1: the request
 * (strict json_schema output, the document's markdown, the user's instructions), the model's field list
 * rendered as a valid Extend schema, and SCHEMA_GENERATION_FAILED causes — keys that break the rules,
 * no fields, a refusal — while transport failures stay LlmRequestError.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LlmRequestError } from "../../../llm/openai-compatible-llm-client.ts";
import {
  type ChatRequestBody,
  type RecordedRequest,
  type ScriptedReply,
  startScriptedChatServer,
} from "../../../llm/test-support/scripted-chat-server.ts";
import { documentOf } from "../../local/test-support/synthetic.ts";
import { SchemaGenerationError } from "../schema-inferrer.ts";
import { OpenAiCompatibleSchemaInferrer } from "./openai-compatible-schema-inferrer.ts";

const DOCUMENT = documentOf([
  { text: "Invoice Number: INV-7", x: 72, y: 60 },
  { text: "Total: $10.00", x: 72, y: 80 },
]);

function field(key: string, type: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    key,
    label: key.replace(/_/g, " "),
    description: `The ${key}`,
    type,
    enum_values: [],
    item_fields: [],
    ...extra,
  };
}

async function withInferrer(
  script: (body: ChatRequestBody, index: number) => ScriptedReply,
  run: (inferrer: OpenAiCompatibleSchemaInferrer, requests: readonly RecordedRequest[]) => Promise<void>,
): Promise<void> {
  const server = await startScriptedChatServer(script);
  try {
    const inferrer = new OpenAiCompatibleSchemaInferrer({
      baseUrl: server.baseUrl,
      apiKey: "sk-quire",
      model: "gpt-test",
      timeoutMs: 5000,
      maxCharacters: 10_000,
      maxRetries: 1,
      retryBaseMs: 5,
    });
    await run(inferrer, server.requests);
  } finally {
    await server.close();
  }
}

describe("OpenAiCompatibleSchemaInferrer", () => {
  it("asks for a field list with strict structured output and renders a valid Extend schema", async () => {
    const reply = {
      fields: [
        field("invoice_number", "string"),
        field("invoice_date", "date"),
        field("total", "currency"),
        field("status", "enum", { enum_values: ["paid", "open"] }),
        field("line_items", "array", {
          item_fields: [
            { key: "description", label: "Description", description: "", type: "string", enum_values: [] },
            { key: "amount", label: "Amount", description: "", type: "number", enum_values: [] },
          ],
        }),
      ],
    };
    await withInferrer(
      () => ({ status: 200, content: reply }),
      async (inferrer, requests) => {
        const schema = await inferrer.infer({ documents: [DOCUMENT], instructions: "Invoices from ACME" });
        assert.deepEqual(schema.required, [
          "invoice_number",
          "invoice_date",
          "total",
          "status",
          "line_items",
        ]);
        assert.deepEqual(schema.properties.invoice_number?.type, ["string", "null"]);
        assert.equal(schema.properties.invoice_number?.["extend:name"], "invoice number");
        assert.equal(schema.properties.invoice_date?.["extend:type"], "date");
        assert.equal(schema.properties.total?.["extend:type"], "currency");
        assert.deepEqual(schema.properties.status?.enum, ["paid", "open", null]);
        assert.deepEqual(schema.properties.line_items?.items?.properties?.amount?.type, ["number", "null"]);
        const body = requests[0]!.body;
        assert.equal(body.response_format.json_schema.strict, true);
        assert.equal(body.response_format.json_schema.name, "extraction_schema");
        assert.match(body.messages[0]!.content, /Invoices from ACME/);
        assert.match(body.messages[1]!.content, /Invoice Number: INV-7/);
      },
    );
  });

  it("fails SchemaGenerationError on a schema that breaks the rules, on no fields, on a refusal", async () => {
    const replies: ScriptedReply[] = [
      { status: 200, content: { fields: [field("invoice number", "string")] } },
      { status: 200, content: { fields: [field("a", "string"), field("a", "number")] } },
      { status: 200, content: { fields: [] } },
      {
        status: 200,
        text: JSON.stringify({ choices: [{ message: { role: "assistant", content: null, refusal: "no" } }] }),
      },
    ];
    await withInferrer(
      (_body, index) => replies[index]!,
      async (inferrer) => {
        await assert.rejects(
          inferrer.infer({ documents: [DOCUMENT], instructions: undefined }),
          (error: unknown) => error instanceof SchemaGenerationError && /schema rules/.test(error.message),
        );
        await assert.rejects(
          inferrer.infer({ documents: [DOCUMENT], instructions: undefined }),
          SchemaGenerationError,
        );
        await assert.rejects(
          inferrer.infer({ documents: [DOCUMENT], instructions: undefined }),
          (error: unknown) => error instanceof SchemaGenerationError && /no fields/.test(error.message),
        );
        await assert.rejects(
          inferrer.infer({ documents: [DOCUMENT], instructions: undefined }),
          (error: unknown) => error instanceof SchemaGenerationError && /refusal/.test(error.message),
        );
      },
    );
  });

  it("gives every sample an equal share of the character budget", async () => {
    const long = documentOf([{ text: `Notes: ${"x".repeat(30_000)}`, x: 72, y: 60 }]);
    await withInferrer(
      () => ({ status: 200, content: { fields: [field("invoice_number", "string")] } }),
      async (inferrer, requests) => {
        await inferrer.infer({ documents: [long, DOCUMENT], instructions: undefined });
        const shown = requests[0]!.body.messages[1]!.content;
        assert.match(shown, /Invoice Number: INV-7/, "the second sample is shown despite the long first one");
        assert.ok(shown.length < 10_000 + 200);
      },
    );
  });

  it("leaves transport failures to the run's retries (LlmRequestError)", async () => {
    await withInferrer(
      () => ({ status: 503, text: "busy" }),
      async (inferrer) => {
        await assert.rejects(
          inferrer.infer({ documents: [DOCUMENT], instructions: undefined }),
          LlmRequestError,
        );
      },
    );
  });
});
