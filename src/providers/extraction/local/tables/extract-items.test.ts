/** Items from the parse's own table blocks, with cell children citing the words inside each cell. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Extend } from "extend-ai";
import { extractLocally } from "../local-field-extractor.ts";
import { documentOf, NUMBER, OPTIONS, STRING, schemaOf } from "../test-support/synthetic.ts";

function cell(row: number, column: number, text: string, left: number, top: number): Extend.Block {
  const right = left + 80;
  const bottom = top + 12;
  return {
    object: "block",
    id: `c${row}${column}`,
    type: row === 0 ? "table_head" : "table_cell",
    content: text,
    details: { type: "table_cell_details", rowIndex: row, columnIndex: column },
    metadata: { page: { number: 1, width: 612, height: 792 } },
    polygon: [],
    boundingBox: { left, top, right, bottom },
  };
}

describe("extractItems from parse tables", () => {
  it("maps header cells to properties by synonym and reads body rows", () => {
    const rows = [
      ["Bezeichnung", "Menge", "Einzelpreis"],
      ["Schraube", "10", "0,50"],
      ["Mutter", "4", "0,20"],
    ];
    const texts = rows.flatMap((row, r) =>
      row.map((text, c) => ({ text, x: 40 + 100 * c, y: 100 + 14 * r })),
    );
    const document = documentOf(texts);
    // Replace the per-text blocks by one table block with cell children, as cellBlocksEnabled parses give.
    const children = rows.flatMap((row, r) =>
      row.map((text, c) => cell(r, c, text, 38 + 100 * c, 99 + 14 * r)),
    );
    const table: Extend.Block = {
      ...children[0]!,
      id: "table",
      type: "table",
      content: "",
      details: { type: "table_details", rowCount: 3, columnCount: 3 },
      boundingBox: { left: 38, top: 99, right: 318, bottom: 141 },
      children,
    };
    document.parse.chunks[0]!.blocks.splice(0, document.parse.chunks[0]!.blocks.length, table);
    const schema = schemaOf({
      positions: {
        type: "array",
        items: {
          type: "object",
          properties: { description: STRING, quantity: NUMBER, unit_price: NUMBER },
          required: ["description", "quantity", "unit_price"],
        },
      },
    });
    const output = extractLocally({
      schema,
      documents: [document],
      extractionRules: undefined,
      options: { ...OPTIONS, arrayCitationStrategy: "property", citationMode: "word" },
    });
    assert.deepEqual(output.value.positions, [
      { description: "Schraube", quantity: 10, unit_price: 0.5 },
      { description: "Mutter", quantity: 4, unit_price: 0.2 },
    ]);
    assert.equal(output.metadata["positions[1].unit_price"]!.citations![0]!.referenceText, "0,20");
  });

  it("maps a column of figures no header names to the one amount property left", () => {
    const rows = [
      ["Service", ""],
      ["Data transfer", "$0.01"],
      ["Compute", "$1.87"],
      ["Storage", "$2.22"],
    ];
    const document = documentOf(
      rows.flatMap((row, r) =>
        row.flatMap((text, c) => (text === "" ? [] : [{ text, x: 40 + 200 * c, y: 100 + 14 * r }])),
      ),
    );
    const children = rows.flatMap((row, r) =>
      row.map((text, c) => cell(r, c, text, 38 + 200 * c, 99 + 14 * r)),
    );
    const table: Extend.Block = {
      ...children[0]!,
      id: "table",
      type: "table",
      content: "",
      details: { type: "table_details", rowCount: 4, columnCount: 2 },
      boundingBox: { left: 38, top: 99, right: 318, bottom: 155 },
      children,
    };
    document.parse.chunks[0]!.blocks.splice(0, document.parse.chunks[0]!.blocks.length, table);
    const schema = schemaOf({
      lines: {
        type: "array",
        items: {
          type: "object",
          properties: { service: STRING, price_unit: STRING },
          required: ["service", "price_unit"],
        },
      },
    });
    const output = extractLocally({
      schema,
      documents: [document],
      extractionRules: undefined,
      options: OPTIONS,
    });
    assert.deepEqual(output.value.lines, [
      { service: "Data transfer", price_unit: "$0.01" },
      { service: "Compute", price_unit: "$1.87" },
      { service: "Storage", price_unit: "$2.22" },
    ]);
  });
});
