/** LocalFieldExtractor end to end on hand-made documents: places, types, output shape, metadata, citations. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Extend } from "extend-ai";
import { emptyOutputFor } from "../../../domain/extraction-schema/index.ts";
import type { ExtractionOptions, ExtractionRequest } from "../field-extractor.ts";
import { LocalFieldExtractor } from "./local-field-extractor.ts";
import {
  DATE,
  documentOf,
  NUMBER,
  OPTIONS,
  type Placed,
  STRING,
  schemaOf,
  wordsOf,
} from "./test-support/synthetic.ts";

const INVOICE: Placed[] = [
  { text: "ACME Supplies B.V.", x: 40, y: 40 },
  { text: "Invoice #: INV-2024-0042", x: 40, y: 80 },
  { text: "Invoice Date:", x: 40, y: 100 },
  { text: "03/14/2024", x: 200, y: 100 },
  { text: "Bill To:", x: 320, y: 80 },
  { text: "Jane Doe", x: 320, y: 95 },
  { text: "Description", x: 40, y: 160 },
  { text: "Qty", x: 300, y: 160 },
  { text: "Unit Price", x: 360, y: 160 },
  { text: "Amount", x: 480, y: 160 },
  { text: "Blue widget", x: 40, y: 180 },
  { text: "2", x: 305, y: 180 },
  { text: "$10.00", x: 365, y: 180 },
  { text: "$20.00", x: 480, y: 180 },
  { text: "Red gadget", x: 40, y: 196 },
  { text: "with extra warranty", x: 40, y: 208 },
  { text: "1", x: 305, y: 196 },
  { text: "$5.50", x: 365, y: 196 },
  { text: "$5.50", x: 480, y: 196 },
  { text: "Subtotal", x: 360, y: 230 },
  { text: "$25.50", x: 480, y: 230 },
  { text: "Grand Total", x: 360, y: 250 },
  { text: "$27.54", x: 480, y: 250 },
];

const SCHEMA = schemaOf({
  invoice_number: STRING,
  invoice_date: DATE,
  customer_name: { ...STRING, "extend:name": "Bill To" },
  total: {
    type: "object",
    "extend:type": "currency",
    properties: { amount: NUMBER, iso_4217_currency_code: STRING },
    required: ["amount", "iso_4217_currency_code"],
  },
  paid: { type: ["boolean", "null"] },
  line_items: {
    type: "array",
    items: {
      type: "object",
      properties: { description: STRING, quantity: NUMBER, unit_price: NUMBER, amount: NUMBER },
      required: ["description", "quantity", "unit_price", "amount"],
    },
  },
});

function request(
  items: readonly Placed[],
  options: Partial<ExtractionOptions> = {},
  withWords = true,
): ExtractionRequest {
  return {
    schema: SCHEMA,
    documents: [documentOf(items, withWords)],
    extractionRules: undefined,
    options: { ...OPTIONS, ...options },
  };
}

const extractor = new LocalFieldExtractor();

describe("LocalFieldExtractor", () => {
  it("reads labelled values right of, after and below their labels, typed", async () => {
    const { value } = await extractor.extract(request(INVOICE));
    assert.equal(value.invoice_number, "INV-2024-0042");
    assert.equal(value.invoice_date, "2024-03-14");
    assert.equal(value.customer_name, "Jane Doe");
    assert.deepEqual(value.total, { amount: 27.54, iso_4217_currency_code: "USD" });
    assert.equal(value.paid, null);
  });

  it("maps a table to items, one per row, continuation lines joined, totals skipped", async () => {
    const { value } = await extractor.extract(request(INVOICE));
    assert.deepEqual(value.line_items, [
      { description: "Blue widget", quantity: 2, unit_price: 10, amount: 20 },
      { description: "Red gadget\nwith extra warranty", quantity: 1, unit_price: 5.5, amount: 5.5 },
    ]);
  });

  it("shapes the output like the schema with nulls when nothing is found", async () => {
    const output = await extractor.extract(request([{ text: "Nothing to see here", x: 40, y: 40 }]));
    assert.deepEqual(output.value, emptyOutputFor(SCHEMA));
    assert.deepEqual(output.metadata, {});
  });

  it("records metadata at every array level, citations on items or on properties", async () => {
    const byItem = await extractor.extract(request(INVOICE));
    for (const path of [
      "line_items",
      "line_items[0]",
      "line_items[1]",
      "line_items[1].description",
      "invoice_number",
    ])
      assert.ok(byItem.metadata[path] !== undefined, path);
    assert.equal(byItem.metadata["line_items[0]"]!.citations!.length, 1);
    assert.deepEqual(byItem.metadata["line_items[0].amount"]!.citations, []);
    const byProperty = await extractor.extract(request(INVOICE, { arrayCitationStrategy: "property" }));
    assert.deepEqual(byProperty.metadata["line_items[0]"]!.citations, []);
    assert.equal(byProperty.metadata["line_items[0].amount"]!.citations![0]!.referenceText, "$20.00");
  });

  it("cites polygons that contain the cited words, in every mode", async () => {
    for (const citationMode of ["word", "line", "block"] as const) {
      const output = await extractor.extract(
        request(INVOICE, { citationMode, arrayCitationStrategy: "property" }),
      );
      const words = INVOICE.flatMap(wordsOf);
      for (const [path, entry] of Object.entries(output.metadata)) {
        for (const citation of entry.citations ?? []) {
          const reference = citation.referenceText ?? "";
          assert.ok(
            citation.polygon !== undefined && citation.polygon.length === 4,
            `${citationMode} ${path}`,
          );
          const parts = reference.split(/\s+/u).filter((part) => part !== "");
          assert.ok(parts.length > 0, `${citationMode} ${path}: empty reference text`);
          // Every word of the reference text is printed inside the polygon (words repeat: any copy will do).
          for (const part of parts)
            assert.ok(
              words.some((word) => word.content === part && contains(citation.polygon!, word.boundingBox)),
              `${citationMode} ${path}: polygon must contain '${part}' of '${reference}'`,
            );
        }
      }
    }
  });

  it("cites only the value's words in word mode, and gives page sizes", async () => {
    const { metadata } = await extractor.extract(request(INVOICE, { citationMode: "word" }));
    const [citation] = metadata.invoice_date!.citations!;
    assert.equal(citation!.referenceText, "03/14/2024");
    assert.deepEqual(citation!.page, { number: 1, width: 612, height: 792 });
    assert.deepEqual(citation!.polygon, [
      { x: 200, y: 100 },
      { x: 250, y: 100 },
      { x: 250, y: 110 },
      { x: 200, y: 110 },
    ]);
  });

  it("reports ocrConfidence as the lowest cited word confidence, logprobsConfidence null", async () => {
    const items = INVOICE.map((item) => (item.text === "03/14/2024" ? { ...item, confidence: 0.71 } : item));
    const { metadata } = await extractor.extract(request(items));
    assert.equal(metadata.invoice_date!.ocrConfidence, 0.71);
    assert.equal(metadata.invoice_date!.logprobsConfidence, null);
  });

  it("explains each match when reasoning insights are on", async () => {
    const { metadata } = await extractor.extract(request(INVOICE, { modelReasoningInsightsEnabled: true }));
    const [insight] = metadata.invoice_number!.insights!;
    assert.equal(insight!.type, "reasoning");
    assert.match(
      insight!.content,
      /^matched label 'Invoice #:' \(synonym, score [\d.]+\) on page 1, value right after it$/u,
    );
    const off = await extractor.extract(request(INVOICE));
    assert.equal(off.metadata.invoice_number!.insights, undefined);
  });

  it("omits citations when they are disabled", async () => {
    const { metadata } = await extractor.extract(request(INVOICE, { citationsEnabled: false }));
    assert.equal(metadata.invoice_number!.citations, undefined);
    assert.equal(typeof metadata.invoice_number!.ocrConfidence, "number");
  });

  it("works from parse blocks alone when there are no words, citing block polygons", async () => {
    const output = await extractor.extract(request(INVOICE, {}, false));
    assert.equal(output.value.invoice_number, "INV-2024-0042");
    assert.equal(output.value.invoice_date, "2024-03-14");
    const [citation] = output.metadata.invoice_date!.citations!;
    assert.deepEqual(citation!.polygon, [
      { x: 200, y: 100 },
      { x: 250, y: 100 },
      { x: 250, y: 110 },
      { x: 200, y: 110 },
    ]);
  });

  it("carries fileId on citations of package documents", async () => {
    const output = await extractor.extract({
      ...request(INVOICE),
      documents: [
        documentOf([{ text: "Hello", x: 10, y: 10 }], true, "file_a"),
        documentOf(INVOICE, true, "file_b"),
      ],
    });
    assert.equal(output.metadata.invoice_number!.citations![0]!.fileId, "file_b");
  });

  it("applies extraction rules: the largest total", async () => {
    const items: Placed[] = [
      { text: "Total:", x: 40, y: 40 },
      { text: "$10.00", x: 200, y: 40 },
      { text: "Total:", x: 40, y: 60 },
      { text: "$12.00", x: 200, y: 60 },
    ];
    const schema = schemaOf({ total: NUMBER });
    const base = { schema, documents: [documentOf(items)], options: OPTIONS };
    assert.equal((await extractor.extract({ ...base, extractionRules: undefined })).value.total, 10);
    const rules = "If multiple totals appear, use the grand total.";
    assert.equal((await extractor.extract({ ...base, extractionRules: rules })).value.total, 12);
  });

  it("rejects with the abort reason when aborted", async () => {
    const controller = new AbortController();
    controller.abort(new Error("stop"));
    await assert.rejects(extractor.extract(request(INVOICE), controller.signal), /stop/u);
  });
});

function contains(
  polygon: readonly Extend.Polygon[],
  box: { left: number; top: number; right: number; bottom: number },
): boolean {
  const xs = polygon.map((point) => point.x);
  const ys = polygon.map((point) => point.y);
  const tolerance = 0.011;
  return (
    Math.min(...xs) <= box.left + tolerance &&
    Math.max(...xs) >= box.right - tolerance &&
    Math.min(...ys) <= box.top + tolerance &&
    Math.max(...ys) >= box.bottom - tolerance
  );
}
