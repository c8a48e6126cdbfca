/**
 * OpenAiCompatibleFieldExtractor against a scripted OpenAI-compatible server on 127.0.0.1: request
 * shape, one window, page windows merged with array de-duplication, retry and failure, and citations
 * landing on the right words of a synthetic document and of a real corpus PDF parsed by the engine.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import type { Extend } from "extend-ai";
import { parseDocument } from "../../../engine/pipeline/parse-document.ts";
import { LlmRequestError } from "../../llm/openai-compatible-llm-client.ts";
import {
  type ChatRequestBody,
  type ScriptedReply,
  startScriptedChatServer,
} from "../../llm/test-support/scripted-chat-server.ts";
import type { DocumentWord, ExtractionOptions, ExtractionRequest } from "../field-extractor.ts";
import { documentOf, NUMBER, OPTIONS, STRING, schemaOf } from "../local/test-support/synthetic.ts";
import { OpenAiCompatibleFieldExtractor } from "./openai-compatible-field-extractor.ts";

const WORD_OPTIONS: ExtractionOptions = {
  ...OPTIONS,
  citationMode: "word",
  arrayCitationStrategy: "property",
};

async function withServer(
  script: (body: ChatRequestBody, index: number) => ScriptedReply,
  run: (
    extractor: OpenAiCompatibleFieldExtractor,
    requests: readonly { body: ChatRequestBody }[],
  ) => Promise<void>,
  maxCharactersPerWindow = 50_000,
): Promise<void> {
  const server = await startScriptedChatServer(script);
  try {
    const extractor = new OpenAiCompatibleFieldExtractor({
      baseUrl: server.baseUrl,
      apiKey: "sk-quire",
      model: "gpt-test",
      timeoutMs: 5000,
      maxCharactersPerWindow,
      maxRetries: 2,
      retryBaseMs: 5,
    });
    await run(extractor, server.requests);
  } finally {
    await server.close();
  }
}

function citationOf(metadata: Extend.ExtractOutputJson["metadata"], path: string): Extend.Citation {
  const citation = metadata[path]?.citations?.[0];
  assert.ok(citation !== undefined, `${path} has a citation`);
  return citation;
}

const invoice = documentOf([
  { text: "ACME Corporation", x: 72, y: 60 },
  { text: "Invoice Number: INV-001", x: 72, y: 100 },
  { text: "Total: $1,234.50", x: 400, y: 300 },
]);

test("one window: strict schema request, value shaped like the schema, cited words", async () => {
  const schema = schemaOf({
    invoice_number: { ...STRING, "extend:name": "Invoice #", description: "The invoice id" },
    total: NUMBER,
    vendor_vat: STRING,
    status: { enum: ["paid", "open", null] },
  });
  const request: ExtractionRequest = {
    schema,
    documents: [invoice],
    extractionRules: "Use the grand total.",
    options: WORD_OPTIONS,
  };
  await withServer(
    () => ({
      status: 200,
      content: { invoice_number: "INV-001", total: 1234.5, vendor_vat: "FR123", status: "bogus" },
    }),
    async (extractor, requests) => {
      const output = await extractor.extract(request);
      assert.equal(requests.length, 1);
      const body = requests[0]!.body;
      assert.equal(body.model, "gpt-test");
      assert.equal(body.response_format.type, "json_schema");
      assert.equal(body.response_format.json_schema.strict, true);
      const sent = body.response_format.json_schema.schema as {
        required: string[];
        additionalProperties: boolean;
        properties: Record<string, { type?: unknown; description?: string; enum?: unknown }>;
      };
      assert.deepEqual(sent.required, ["invoice_number", "total", "vendor_vat", "status"]);
      assert.equal(sent.additionalProperties, false);
      assert.deepEqual(sent.properties.total?.type, ["number", "null"]);
      assert.deepEqual(sent.properties.status?.enum, ["paid", "open", null]);
      assert.match(sent.properties.invoice_number?.description ?? "", /Invoice #.*The invoice id/);
      assert.ok(!JSON.stringify(sent).includes("extend:"), "no Extend-only keywords reach the model");
      assert.match(body.messages[0]!.content, /Use the grand total\./);
      assert.match(body.messages[1]!.content, /<!-- page 1 -->[\s\S]*Invoice Number: INV-001/);

      assert.deepEqual(output.value, {
        invoice_number: "INV-001",
        total: 1234.5,
        vendor_vat: "FR123",
        status: null,
      });
      const number = citationOf(output.metadata, "invoice_number");
      assert.equal(number.referenceText, "INV-001");
      assert.deepEqual(number.page, { number: 1, width: 612, height: 792 });
      assert.equal(number.polygon?.[0]?.y, 100);
      assert.equal(citationOf(output.metadata, "total").referenceText, "$1,234.50");
      assert.deepEqual(output.metadata.vendor_vat?.citations, [], "not in the document: no citation");
      assert.equal(output.metadata.vendor_vat?.ocrConfidence, null);
      assert.equal(output.metadata.invoice_number?.ocrConfidence, 1);
    },
  );
});

/** A page of ~700 characters so each page is its own window under a 1,000-character budget. */
function page(number: number, lines: readonly string[]) {
  const filler = Array.from({ length: 12 }, (_, index) => ({
    text: `Filler line ${index} for page ${number} lorem ipsum dolor sit amet`,
    x: 72,
    y: 400 + index * 14,
    page: number,
  }));
  return [...lines.map((text, index) => ({ text, x: 72, y: 80 + index * 20, page: number })), ...filler];
}

test("several windows: one request per page window, scalars first non-null, arrays merged and de-duplicated", async () => {
  const schema = schemaOf({
    reference: STRING,
    items: {
      type: "array",
      items: { type: "object", properties: { name: STRING, qty: NUMBER }, required: ["name", "qty"] },
    },
  });
  const document = documentOf([
    ...page(1, ["Reference REF-9", "Alpha widget 2", "Beta gadget 1"]),
    ...page(2, ["Beta gadget 1", "Gamma part 7"]),
    ...page(3, ["Reference REF-9", "Delta bolt 4"]),
  ]);
  const byPage: Record<number, unknown> = {
    1: {
      reference: null,
      items: [
        { name: "Alpha widget", qty: 2 },
        { name: "Beta gadget", qty: 1 },
      ],
    },
    2: {
      reference: null,
      items: [
        { name: "beta  Gadget.", qty: 1 },
        { name: "Gamma part", qty: 7 },
      ],
    },
    3: { reference: "REF-9", items: [{ name: "Delta bolt", qty: 4 }] },
  };
  await withServer(
    (body) => {
      const marker = /<!-- page (\d+) -->/.exec(body.messages[1]!.content);
      return { status: 200, content: byPage[Number(marker?.[1])] };
    },
    async (extractor, requests) => {
      const output = await extractor.extract({
        schema,
        documents: [document],
        extractionRules: undefined,
        options: WORD_OPTIONS,
      });
      assert.equal(requests.length, 3);
      assert.match(requests[1]!.body.messages[1]!.content, /part 2 of 3/);
      assert.deepEqual(output.value, {
        reference: "REF-9",
        items: [
          { name: "Alpha widget", qty: 2 },
          { name: "Beta gadget", qty: 1 },
          { name: "Gamma part", qty: 7 },
          { name: "Delta bolt", qty: 4 },
        ],
      });
      // REF-9 is printed on pages 1 and 3; the model read it in window 3, so page 3 is cited.
      assert.equal(citationOf(output.metadata, "reference").page?.number, 3);
      assert.equal(citationOf(output.metadata, "items[2].name").page?.number, 2);
      assert.equal(citationOf(output.metadata, "items[2].name").referenceText, "Gamma part");
      assert.equal(citationOf(output.metadata, "items[3].qty").page?.number, 3);
      for (const path of ["items", "items[0]", "items[3]", "items[3].name"])
        assert.ok(output.metadata[path], path);
    },
    1000,
  );
});

test("a 429 is retried; a 500 forever rejects with a clear error", async () => {
  const schema = schemaOf({ invoice_number: STRING });
  const request: ExtractionRequest = {
    schema,
    documents: [invoice],
    extractionRules: undefined,
    options: OPTIONS,
  };
  await withServer(
    (_body, index) =>
      index === 0
        ? { status: 429, text: "slow down", headers: { "retry-after": "0" } }
        : { status: 200, content: { invoice_number: "INV-001" } },
    async (extractor, requests) => {
      assert.deepEqual((await extractor.extract(request)).value, { invoice_number: "INV-001" });
      assert.equal(requests.length, 2);
    },
  );
  await withServer(
    () => ({ status: 500, text: "model overloaded" }),
    async (extractor, requests) => {
      await assert.rejects(extractor.extract(request), (error) => {
        assert.ok(error instanceof LlmRequestError);
        assert.match(error.message, /HTTP 500 after 3 attempt\(s\): model overloaded/);
        return true;
      });
      assert.equal(requests.length, 3);
    },
  );
});

test("citations land on the right words of a real invoice parsed by the engine", async () => {
  const bytes = readFileSync(
    new URL(
      "../../../../../shared/corpus/invoice2data-invoices/compare/AmazonWebServices.pdf",
      import.meta.url,
    ),
  );
  const outcome = await parseDocument(new Uint8Array(bytes), {
    format: "pdf",
    maxPages: 50,
    chunking: "page",
    config: { advancedOptions: { returnOcr: { words: true } } },
  });
  if (outcome.status === "failure") throw new Error(outcome.failureMessage);
  const words: DocumentWord[] = (outcome.output.ocr?.words ?? []).map((word) => ({
    content: word.content,
    pageNumber: word.pageNumber,
    boundingBox: {
      left: word.boundingBox.left ?? 0,
      top: word.boundingBox.top ?? 0,
      right: word.boundingBox.right ?? 0,
      bottom: word.boundingBox.bottom ?? 0,
    },
    confidence: word.confidence ?? 1,
  }));
  assert.ok(words.length > 50);
  const schema = schemaOf({
    invoice_number: STRING,
    total: NUMBER,
    lines: {
      type: "array",
      items: { type: "object", properties: { name: STRING, price: NUMBER }, required: ["name", "price"] },
    },
  });
  const content = {
    invoice_number: "42183017",
    total: 4.11,
    lines: [
      { name: "AWS Data Transfer", price: 0.01 },
      { name: "Amazon Elastic Compute Cloud", price: 1.87 },
      { name: "Amazon Glacier", price: 2.22 },
      { name: "Amazon Simple Storage Service", price: 0.01 },
    ],
  };
  await withServer(
    () => ({ status: 200, content }),
    async (extractor, requests) => {
      const output = await extractor.extract({
        schema,
        documents: [{ fileId: "file_aws", parse: outcome.output, words }],
        extractionRules: undefined,
        options: WORD_OPTIONS,
      });
      assert.match(requests[0]!.body.messages[1]!.content, /42183017/);
      assert.deepEqual(output.value, content);
      const contains = (citation: Extend.Citation, word: string): void => {
        const polygon = citation.polygon ?? [];
        const [minX, minY, maxX, maxY] = [polygon[0]!.x, polygon[0]!.y, polygon[2]!.x, polygon[2]!.y];
        const hit = words.find(
          (candidate) =>
            candidate.content.includes(word) &&
            candidate.boundingBox.left >= minX - 0.01 &&
            candidate.boundingBox.right <= maxX + 0.01 &&
            candidate.boundingBox.top >= minY - 0.01 &&
            candidate.boundingBox.bottom <= maxY + 0.01,
        );
        assert.ok(hit, `the citation ${citation.referenceText} covers a word "${word}"`);
      };
      const number = citationOf(output.metadata, "invoice_number");
      assert.match(number.referenceText ?? "", /42183017/);
      assert.equal(number.fileId, "file_aws");
      assert.equal(number.page?.number, 1);
      contains(number, "42183017");
      contains(citationOf(output.metadata, "total"), "4.11");
      const glacier = citationOf(output.metadata, "lines[2].name");
      assert.equal(glacier.referenceText, "Amazon Glacier");
      contains(glacier, "Glacier");
      // Both 0.01 prices are cited, each on its own word.
      const first = citationOf(output.metadata, "lines[0].price");
      const last = citationOf(output.metadata, "lines[3].price");
      contains(first, "0.01");
      contains(last, "0.01");
      assert.notDeepEqual(first.polygon, last.polygon);
    },
  );
});
