import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Block } from "../document/block.ts";
import { emptyPage, type Page } from "../document/page.ts";
import { chunkDocument } from "./chunk-document.ts";

function pageWith(number: number, texts: readonly string[]): Page {
  const page = emptyPage(number, 612, 792);
  page.blocks = texts.map((text): Block => ({ type: "text", text, box: null, lines: [] }));
  return page;
}

describe("chunkDocument", () => {
  const pages = [pageWith(1, ["a", "b"]), pageWith(2, []), pageWith(3, ["c"])];

  it("makes one chunk per page, empty pages included", () => {
    const chunks = chunkDocument(pages, "page");
    assert.deepEqual(
      chunks.map((chunk) => [chunk.type, chunk.pageRange, chunk.blocks.map(({ block }) => block.text)]),
      [
        ["page", { start: 1, end: 1 }, ["a", "b"]],
        ["page", { start: 2, end: 2 }, []],
        ["page", { start: 3, end: 3 }, ["c"]],
      ],
    );
  });

  it("makes a single chunk over every page for document chunking", () => {
    const [chunk, ...rest] = chunkDocument(pages, "document");
    assert.deepEqual(rest, []);
    assert.equal(chunk!.type, "document");
    assert.deepEqual(chunk!.pageRange, { start: 1, end: 3 });
    assert.deepEqual(
      chunk!.blocks.map(({ page, block }) => [page.number, block.text]),
      [
        [1, "a"],
        [1, "b"],
        [3, "c"],
      ],
    );
  });
});

describe("chunkDocument: section", () => {
  const block = (type: Block["type"], text: string): Block => ({ type, text, box: null, lines: [] });
  const pageOf = (number: number, blocks: Block[]): Page => {
    const page = emptyPage(number, 612, 792);
    page.blocks = blocks;
    return page;
  };
  const summary = (chunks: ReturnType<typeof chunkDocument>) =>
    chunks.map((chunk) => [chunk.type, chunk.pageRange, chunk.blocks.map(({ block }) => block.text)]);
  const pages = [
    pageOf(1, [block("text", "intro"), block("heading", "A"), block("text", "a1")]),
    pageOf(2, [block("text", "a2"), block("section_heading", "B"), block("text", "b1")]),
    pageOf(3, [block("heading", "C"), block("text", "c1 long paragraph")]),
  ];

  it("starts a chunk at each heading, spanning the pages it covers", () => {
    assert.deepEqual(summary(chunkDocument(pages, "section")), [
      ["section", { start: 1, end: 1 }, ["intro"]],
      ["section", { start: 1, end: 2 }, ["A", "a1", "a2"]],
      ["section", { start: 2, end: 2 }, ["B", "b1"]],
      ["section", { start: 3, end: 3 }, ["C", "c1 long paragraph"]],
    ]);
  });

  it("merges sections shorter than minCharacters forward, the last one backward", () => {
    assert.deepEqual(summary(chunkDocument(pages, "section", { minCharacters: 12 })), [
      ["section", { start: 1, end: 2 }, ["intro", "A", "a1", "a2"]],
      ["section", { start: 2, end: 3 }, ["B", "b1", "C", "c1 long paragraph"]],
    ]);
  });

  it("splits sections longer than maxCharacters at block boundaries, never cutting a block", () => {
    const chunks = chunkDocument(pages, "section", { maxCharacters: 6 });
    assert.deepEqual(summary(chunks), [
      ["section", { start: 1, end: 1 }, ["intro"]],
      ["section", { start: 1, end: 1 }, ["A", "a1"]],
      ["section", { start: 2, end: 2 }, ["a2"]],
      ["section", { start: 2, end: 2 }, ["B", "b1"]],
      ["section", { start: 3, end: 3 }, ["C"]],
      ["section", { start: 3, end: 3 }, ["c1 long paragraph"]],
    ]);
  });

  it("does not merge past maxCharacters", () => {
    const chunks = chunkDocument(pages, "section", { minCharacters: 100, maxCharacters: 12 });
    for (const chunk of chunks) {
      const length = chunk.blocks.reduce((sum, { block }) => sum + block.text.length, 0);
      assert.ok(length <= 12 || chunk.blocks.length === 1, JSON.stringify(summary([chunk])));
    }
  });

  it("gives an empty document one empty section", () => {
    assert.deepEqual(summary(chunkDocument([pageOf(1, [])], "section")), [
      ["section", { start: 1, end: 1 }, []],
    ]);
  });
});
