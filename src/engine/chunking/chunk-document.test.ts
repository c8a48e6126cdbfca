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
