/**
 * Reasoning insights through the OpenAI-compatible extractor (scripted server on 127.0.0.1): with
 * modelReasoningInsightsEnabled the response format asks for `values` + `field_reasoning` and the
 * model's words become `metadata[field].insights`; without it the request and metadata carry none.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { startScriptedChatServer } from "../../llm/test-support/scripted-chat-server.ts";
import { documentOf, NUMBER, OPTIONS, STRING, schemaOf } from "../local/test-support/synthetic.ts";
import { OpenAiCompatibleFieldExtractor } from "./openai-compatible-field-extractor.ts";

const DOCUMENT = documentOf([
  { text: "Invoice Number: INV-001", x: 72, y: 100 },
  { text: "Total: $1,234.50", x: 400, y: 300 },
]);
const SCHEMA = schemaOf({ invoice_number: STRING, total: NUMBER });

describe("reasoning insights (OpenAI-compatible extractor)", () => {
  it("passes the model's per-field reasoning through as insights when enabled", async () => {
    const server = await startScriptedChatServer((body) =>
      "values" in ((body.response_format.json_schema.schema.properties as object) ?? {})
        ? {
            status: 200,
            content: {
              values: { invoice_number: "INV-001", total: 1234.5 },
              field_reasoning: [
                { field: "invoice_number", reasoning: "Printed after the label 'Invoice Number:'." },
                { field: "total", reasoning: "The amount after 'Total:', without the dollar sign." },
              ],
            },
          }
        : { status: 200, content: { invoice_number: "INV-001", total: 1234.5 } },
    );
    try {
      const extractor = new OpenAiCompatibleFieldExtractor({
        baseUrl: server.baseUrl,
        apiKey: "",
        model: "m",
        timeoutMs: 5000,
        maxCharactersPerWindow: 50_000,
      });
      const on = await extractor.extract({
        schema: SCHEMA,
        documents: [DOCUMENT],
        extractionRules: undefined,
        options: { ...OPTIONS, modelReasoningInsightsEnabled: true },
      });
      assert.deepEqual(on.value, { invoice_number: "INV-001", total: 1234.5 });
      assert.deepEqual(on.metadata.invoice_number?.insights, [
        { type: "reasoning", content: "Printed after the label 'Invoice Number:'." },
      ]);
      assert.match(on.metadata.total?.insights?.[0]?.content ?? "", /without the dollar sign/);
      assert.ok((on.metadata.invoice_number?.citations?.length ?? 0) > 0, "values are still cited");
      assert.match(server.requests[0]!.body.messages[0]!.content, /field_reasoning/);

      const off = await extractor.extract({
        schema: SCHEMA,
        documents: [DOCUMENT],
        extractionRules: undefined,
        options: OPTIONS,
      });
      assert.deepEqual(off.value, { invoice_number: "INV-001", total: 1234.5 });
      assert.equal(off.metadata.invoice_number?.insights, undefined);
      assert.doesNotMatch(server.requests[1]!.body.messages[0]!.content, /field_reasoning/);
    } finally {
      await server.close();
    }
  });
});
