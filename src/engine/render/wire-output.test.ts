import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Block } from "../document/block.ts";
import type { DocumentChunk } from "../document/chunk.ts";
import { emptyPage } from "../document/page.ts";
import { blockId } from "./block-id.ts";
import { renderOutput } from "./wire-output.ts";

const page = emptyPage(2, 612.0000001, 792);
const title: Block = {
  type: "text",
  text: "Invoice",
  box: { left: 72.123456, top: 70, right: 140, bottom: 84.999999 },
  lines: [],
};
const body: Block = {
  type: "text",
  text: "Total due",
  box: { left: 72, top: 100, right: 130, bottom: 112 },
  lines: [],
};
const chunk: DocumentChunk = {
  type: "page",
  pageRange: { start: 2, end: 2 },
  blocks: [
    { page, block: title },
    { page, block: body },
  ],
};

describe("renderOutput", () => {
  it("renders chunks and blocks in Extend's wire shape, in points rounded to 1/100", () => {
    const output = renderOutput([chunk]);
    assert.equal(output.chunks.length, 1);
    const [wire] = output.chunks;
    assert.equal(wire!.object, "chunk");
    assert.equal(wire!.type, "page");
    assert.equal(wire!.content, "Invoice\n\nTotal due");
    assert.deepEqual(wire!.metadata, { pageRange: { start: 2, end: 2 } });
    assert.deepEqual(wire!.blocks[0], {
      object: "block",
      id: blockId(2, "Invoice", title.box),
      type: "text",
      content: "Invoice",
      details: {},
      metadata: { page: { number: 2, width: 612, height: 792 } },
      polygon: [
        { x: 72.12, y: 70 },
        { x: 140, y: 70 },
        { x: 140, y: 85 },
        { x: 72.12, y: 85 },
      ],
      boundingBox: { left: 72.12, top: 70, right: 140, bottom: 85 },
    });
  });

  it("derives ids from page, content and box only, and keeps one id per block across chunks", () => {
    const document: DocumentChunk = { ...chunk, type: "document" };
    const output = renderOutput([chunk, document]);
    assert.deepEqual(
      output.chunks[0]!.blocks.map((block) => block.id),
      output.chunks[1]!.blocks.map((block) => block.id),
    );
    assert.match(output.chunks[0]!.blocks[0]!.id, /^[0-9a-f]{32}$/);
    assert.notEqual(blockId(1, "Invoice", title.box), blockId(2, "Invoice", title.box));
    assert.notEqual(blockId(2, "Invoice!", title.box), blockId(2, "Invoice", title.box));
    assert.notEqual(blockId(2, "Invoice", { ...title.box!, top: 71 }), blockId(2, "Invoice", title.box));
  });

  it("gives a repeated block of the same page a distinct, still deterministic id", () => {
    const twice: DocumentChunk = {
      ...chunk,
      blocks: [
        { page, block: title },
        { page, block: { ...title } },
      ],
    };
    const [first, second] = renderOutput([twice]).chunks[0]!.blocks;
    assert.notEqual(first!.id, second!.id);
    assert.equal(renderOutput([twice]).chunks[0]!.blocks[1]!.id, second!.id);
  });

  it("renders blocks without geometry with null edges and no polygon", () => {
    const text = emptyPage(1, null, null);
    const block: Block = { type: "text", text: "plain", box: null, lines: [] };
    const [wire] = renderOutput([
      { type: "page", pageRange: { start: 1, end: 1 }, blocks: [{ page: text, block }] },
    ]).chunks[0]!.blocks;
    assert.deepEqual(wire!.metadata, { page: { number: 1 } });
    assert.deepEqual(wire!.polygon, []);
    assert.deepEqual(wire!.boundingBox, { left: null, top: null, right: null, bottom: null });
  });
});
