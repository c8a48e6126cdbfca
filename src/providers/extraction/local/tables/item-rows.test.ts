/** Item tables read from the layout: rows that are notes or section headings, barcodes, unheaded figure columns. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ExtractionRequest } from "../../field-extractor.ts";
import { extractLocally } from "../local-field-extractor.ts";
import { documentOf, NUMBER, OPTIONS, type Placed, STRING, schemaOf } from "../test-support/synthetic.ts";

function request(items: readonly Placed[], properties: Record<string, unknown>): ExtractionRequest {
  return {
    schema: schemaOf({
      lines: {
        type: "array",
        items: { type: "object", properties, required: Object.keys(properties) },
      },
    }),
    documents: [documentOf(items)],
    extractionRules: undefined,
    options: { ...OPTIONS, arrayCitationStrategy: "property", citationMode: "word" },
  };
}

const TABLE: Placed[] = [
  { text: "Description", x: 40, y: 96 },
  { text: "Qty", x: 300, y: 96 },
  { text: "Amount", x: 480, y: 96 },
  { text: "--- Food ---", x: 40, y: 116 },
  { text: "*987123* Olive Oil", x: 40, y: 130 },
  { text: "1", x: 305, y: 130 },
  { text: "$0.90", x: 480, y: 130 },
  { text: "Cold pressed", x: 40, y: 142 },
  { text: "Serial number: SN-42", x: 40, y: 154 },
  { text: "Truffles", x: 40, y: 170 },
  { text: "15", x: 305, y: 170 },
  { text: "$150.00", x: 480, y: 170 },
];

describe("item table rows", () => {
  it("gives notes and section headings their own items when the schema has such properties", () => {
    const output = extractLocally(
      request(TABLE, {
        section: STRING,
        barcode: STRING,
        description: STRING,
        quantity: NUMBER,
        amount: NUMBER,
        line_note: STRING,
      }),
    );
    assert.deepEqual(output.value.lines, [
      {
        section: "--- Food ---",
        barcode: null,
        description: null,
        quantity: null,
        amount: null,
        line_note: null,
      },
      {
        section: null,
        barcode: "987123",
        description: "Olive Oil\nCold pressed",
        quantity: 1,
        amount: 0.9,
        line_note: null,
      },
      {
        section: null,
        barcode: null,
        description: null,
        quantity: null,
        amount: null,
        line_note: "Serial number: SN-42",
      },
      { section: null, barcode: null, description: "Truffles", quantity: 15, amount: 150, line_note: null },
    ]);
    assert.equal(output.metadata["lines[2].line_note"]!.citations![0]!.referenceText, "Serial number: SN-42");
  });

  it("keeps note-like rows in the description when the schema has no note property", () => {
    const output = extractLocally(request(TABLE, { description: STRING, quantity: NUMBER, amount: NUMBER }));
    const lines = output.value.lines as { description: string }[];
    assert.equal(lines.length, 2);
    assert.match(lines[0]!.description, /Serial number: SN-42$/u);
  });
});
