import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Extend } from "extend-ai";
import { parseDocument } from "../pipeline/parse-document.ts";
import { corpusFile, type TextLine, textPdf } from "../test-support/pdf-fixtures.ts";

async function parse(
  bytes: Uint8Array,
  tables: Extend.ParseConfigBlockOptionsTables = {},
): Promise<Extend.ParseRunOutput> {
  const outcome = await parseDocument(bytes, {
    format: "pdf",
    maxPages: 10,
    chunking: "page",
    config: { blockOptions: { tables } },
  });
  if (outcome.status === "failure") assert.fail(outcome.failureMessage);
  assert.equal(outcome.status, "success");
  return outcome.output;
}

function blocksOf(output: Extend.ParseRunOutput, page: number): Extend.Block[] {
  return output.chunks.find((chunk) => chunk.metadata.pageRange.start === page)!.blocks;
}

/** One table row of Helvetica text at a baseline, cells starting at 72, 200 and 260 pt (user space). */
function row(y: number, ...cells: string[]): TextLine[] {
  return cells.map((text, index) => ({ text, x: [72, 200, 260][index]!, y, size: 10 }));
}

describe("tables stage in the parse pipeline", () => {
  it("replaces the text of camelot's twotables_2 by two table blocks, as HTML with cell blocks", async () => {
    const output = await parse(corpusFile("camelot-tables/pdfs/twotables_2.pdf"), {
      targetFormat: "html",
      cellBlocksEnabled: true,
    });
    const blocks = blocksOf(output, 1);
    const tables = blocks.filter((block) => block.type === "table");
    assert.equal(tables.length, 2);
    for (const table of tables) {
      assert.deepEqual(table.details, { type: "table_details", rowCount: 13, columnCount: 8 });
      assert.match(table.content, /^<table>\n<thead>\n<tr><th rowspan="2">State<\/th>/u);
      assert.match(table.content, /<td>Kerala<\/td>/u);
      const children = table.children ?? [];
      assert.ok(children.length > 90);
      assert.ok(children.every((child) => child.parentBlockId === table.id));
      assert.ok(children.some((child) => child.type === "table_head"));
      const kerala = children.find((child) => child.content === "Kerala");
      assert.deepEqual(kerala?.details, { type: "table_cell_details", rowIndex: 2, columnIndex: 0 });
    }
    // The tables' words are not repeated in text blocks.
    const text = blocks
      .filter((block) => block.type !== "table")
      .map((block) => block.content)
      .join("\n");
    assert.doesNotMatch(text, /Kerala|Tamil Nadu|Literacy Status/u);
    assert.match(output.chunks[0]!.content, /<table>/u);
  });

  it("renders markdown tables by default, without cell blocks", async () => {
    const output = await parse(corpusFile("camelot-tables/pdfs/column_span_2.pdf"));
    const [table] = blocksOf(output, 1).filter((block) => block.type === "table");
    assert.ok(table !== undefined);
    assert.equal(table.children, undefined);
    const lines = table.content.split("\n");
    assert.equal(lines.length, 12);
    assert.match(lines[1]!, /^\| --- \| --- \|/u);
  });

  it("copies the header onto a headerless table continuing on the next page, only when asked", async () => {
    const bytes = await textPdf([
      {
        lines: [
          ...row(700, "Item", "Q1", "Q2"),
          ...row(686, "Apples", "10", "20"),
          ...row(672, "Pears", "11", "21"),
          ...row(658, "Plums", "12", "22"),
        ],
      },
      {
        lines: [
          ...row(700, "Kiwis", "14", "24"),
          ...row(686, "Limes", "15", "25"),
          ...row(672, "Figs", "16", "26"),
        ],
      },
    ]);
    const continued = await parse(bytes.slice(), { tableHeaderContinuationEnabled: true });
    const [second] = blocksOf(continued, 2).filter((block) => block.type === "table");
    assert.deepEqual(second?.details, { type: "table_details", rowCount: 4, columnCount: 3 });
    assert.match(
      second!.content,
      /^\| Item \| Q1 \| Q2 \|\n\| --- \| --- \| --- \|\n\| Kiwis \| 14 \| 24 \|/u,
    );
    const plain = await parse(bytes.slice());
    const [alone] = blocksOf(plain, 2).filter((block) => block.type === "table");
    assert.match(alone!.content, /^\| Kiwis \| 14 \| 24 \|/u);
  });
});
