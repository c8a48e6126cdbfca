import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { estimatedPageCount } from "./estimated-page-count.ts";
import { parseDocument } from "./parse-document.ts";

describe("estimatedPageCount", () => {
  it("counts 4,000 characters of content (1,000 tokens) as a page, at least one", () => {
    const output = (lengths: number[]) => ({
      chunks: lengths.map((length) => ({
        object: "chunk" as const,
        type: "page" as const,
        content: "x".repeat(length),
        metadata: { pageRange: { start: 1, end: 1 } },
        blocks: [],
      })),
    });
    assert.equal(estimatedPageCount(output([])), 1);
    assert.equal(estimatedPageCount(output([4000])), 1);
    assert.equal(estimatedPageCount(output([3000, 1001])), 2);
  });

  it("is the page count of a spreadsheet's parse, and only of a spreadsheet's", async () => {
    const rows = Array.from({ length: 2000 }, (_, index) => `row ${index},${index * 7},some text`).join("\n");
    const bytes = () => new TextEncoder().encode(`name,value,note\n${rows}\n`);
    const csv = await parseDocument(bytes(), { format: "csv", maxPages: 10, chunking: "document" });
    assert.ok(csv.status === "success");
    const characters = csv.output.chunks[0]!.content.length;
    assert.ok(characters > 40_000);
    assert.equal(csv.pageCount, Math.ceil(characters / 4000));
    const text = await parseDocument(bytes(), { format: "txt", maxPages: 10, chunking: "document" });
    assert.ok(text.status === "success");
    assert.equal(text.pageCount, 1);
  });
});
