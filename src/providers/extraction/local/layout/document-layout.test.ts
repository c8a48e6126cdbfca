/** The layout built from words, from blocks alone, and from plain text without geometry. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Extend } from "extend-ai";
import { documentOf } from "../test-support/synthetic.ts";
import { buildDocumentLayout } from "./document-layout.ts";
import { tokenText } from "./layout-model.ts";

const segments = (layout: ReturnType<typeof buildDocumentLayout>) =>
  layout.lines.map((line) => line.segments.map((segment) => tokenText(line, segment.start, segment.end)));

describe("buildDocumentLayout", () => {
  const items = [
    { text: "Invoice Number:", x: 40, y: 100 },
    { text: "42183017", x: 400, y: 100 },
    { text: "Invoice Date:", x: 40, y: 113 },
    { text: "August 3, 2014", x: 400, y: 114 },
  ];

  it("groups words into full-width lines cut into segments at gutters", () => {
    const layout = buildDocumentLayout([documentOf(items)]);
    assert.equal(layout.files[0]!.geometry, "word");
    assert.deepEqual(segments(layout), [
      ["Invoice Number:", "42183017"],
      ["Invoice Date:", "August 3, 2014"],
    ]);
    assert.equal(layout.lines[0]!.folded, "invoice number: \u2016 42183017");
  });

  it("groups the words of a scan read askew into its lines, as the blocks' turned polygons slope", () => {
    // Two lines of words falling 0.05 pt per point to the right (about 2.9°), 18 pt apart.
    const slope = 0.05;
    const rows = ["Invoice Number 42183017 was paid in full", "Shipping address 17 Harbour Street Leeds"];
    const document = documentOf(rows.map((text, row) => ({ text, x: 40, y: 100 + 18 * row })));
    const words = document.words.map((word) => {
      const fall = slope * ((word.boundingBox.left + word.boundingBox.right) / 2);
      return {
        ...word,
        boundingBox: {
          ...word.boundingBox,
          top: word.boundingBox.top + fall,
          bottom: word.boundingBox.bottom + fall,
        },
      };
    });
    const level = buildDocumentLayout([{ ...document, words }]);
    assert.ok(level.lines.length > 2, "level blocks: the falling words do not make two lines");
    for (const block of document.parse.chunks[0]!.blocks) {
      const { left, top, right, bottom } = block.boundingBox;
      block.polygon = [
        { x: left!, y: top! + slope * left! },
        { x: right!, y: top! + slope * right! },
        { x: right!, y: bottom! + slope * right! },
        { x: left!, y: bottom! + slope * left! },
      ];
    }
    const layout = buildDocumentLayout([{ ...document, words }]);
    assert.deepEqual(
      layout.lines.map((line) => line.tokens.map((token) => token.text).join(" ")),
      rows,
    );
    // Citations keep the words' boxes on the page.
    assert.deepEqual(layout.lines[0]!.tokens.at(-1)!.box, words[6]!.boundingBox);
  });

  it("estimates words from blocks when there are none, never merging two blocks' segments", () => {
    const layout = buildDocumentLayout([documentOf(items, false)]);
    assert.equal(layout.files[0]!.geometry, "block");
    assert.deepEqual(segments(layout), [
      ["Invoice Number:", "42183017"],
      ["Invoice Date:", "August 3, 2014"],
    ]);
  });

  it("lays out plain text on a character grid, columns cut at runs of spaces", () => {
    const block: Extend.Block = {
      object: "block",
      id: "t",
      type: "text",
      content: "NIP:               774-00-01-454\nAdres: Chemików 7",
      details: {},
      metadata: { page: { number: 1 } },
      polygon: [],
      boundingBox: { left: null, top: null, right: null, bottom: null },
    };
    const layout = buildDocumentLayout([
      {
        fileId: undefined,
        words: [],
        parse: {
          chunks: [
            {
              object: "chunk",
              type: "page",
              content: "",
              metadata: { pageRange: { start: 1, end: 1 } },
              blocks: [block],
            },
          ],
        },
      },
    ]);
    assert.equal(layout.files[0]!.geometry, "none");
    assert.deepEqual(segments(layout), [["NIP:", "774-00-01-454"], ["Adres: Chemików 7"]]);
  });

  it("reads table blocks into grids of cells, from markdown content", () => {
    const document = documentOf([{ text: "x", x: 0, y: 0 }]);
    const table: Extend.Block = {
      ...document.parse.chunks[0]!.blocks[0]!,
      id: "table",
      type: "table",
      content: "| Item | Qty |\n| --- | --- |\n| Widget | 2 |",
    };
    document.parse.chunks[0]!.blocks.push(table);
    const layout = buildDocumentLayout([document]);
    assert.deepEqual(
      layout.tables[0]!.cells.map((cell) => [cell.row, cell.column, cell.text, cell.header]),
      [
        [0, 0, "Item", true],
        [0, 1, "Qty", true],
        [1, 0, "Widget", false],
        [1, 1, "2", false],
      ],
    );
  });
});
