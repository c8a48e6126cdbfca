/**
 * Word and PowerPoint files from ../shared/corpus (docling's Office fixtures, read-only) through the
 * whole engine: structure facts a reader sees (headings, tables and their spans, lists, slides), not
 * snapshots of the output.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Extend } from "extend-ai";
import { parseDocument } from "../../pipeline/parse-document.ts";
import { corpusFile } from "../../test-support/pdf-fixtures.ts";
import { DETECTION_HEAD_BYTES, detectFormat } from "../detect-format.ts";

const OFFICE = "docling-groundtruth/office/";

async function parse(file: string, config: Extend.ParseConfig = {}) {
  const bytes = corpusFile(`${OFFICE}${file}`);
  const { format } = detectFormat(bytes.subarray(0, DETECTION_HEAD_BYTES), file);
  const outcome = await parseDocument(bytes, { format, maxPages: 100, chunking: "page", config });
  if (outcome.status === "failure") assert.fail(outcome.failureMessage);
  assert.equal(outcome.status, "success");
  return {
    pageCount: outcome.pageCount,
    chunks: outcome.output.chunks,
    blocks: outcome.output.chunks.flatMap((c) => c.blocks),
  };
}

describe("Office files end to end", () => {
  it("reads word_sample.docx: title, headings, lists and its table", async () => {
    const { blocks, chunks } = await parse("docx/sources/word_sample.docx");
    const headings = blocks
      .filter((b) => b.type === "heading" || b.type === "section_heading")
      .map((b) => b.content);
    assert.deepEqual(headings, ["# Swimming in the lake", "## Let’s swim!", "### Let’s eat"]);
    const tables = blocks.filter((block) => block.type === "table");
    assert.equal(tables.length, 1);
    assert.deepEqual(tables[0]!.details, { type: "table_details", rowCount: 4, columnCount: 3 });
    assert.match(
      chunks[0]!.content,
      /\n1\. Wear sunglasses\n2\. Don’t forget to drink water\n3\. Use sun cream/u,
    );
    assert.ok(blocks.some((block) => block.type === "figure"));
  });

  it("fences code in docx_code_blocks.docx as docling's fixture expects, and leaves the traps as prose", async () => {
    const { chunks } = await parse("docx/sources/docx_code_blocks.docx");
    const fences = chunks.flatMap((chunk) => chunk.content.match(/```\n[^`]*\n```/gu) ?? []);
    assert.deepEqual(fences, [
      "```\nimport sys\nprint(sys.argv)\n```",
      "```\nSELECT * FROM users WHERE active = 1;\n```",
      "```\ndef fib(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n```",
    ]);
    const content = chunks.map((chunk) => chunk.content).join("\n");
    assert.match(content, /\n\nCall the printf function to print formatted output/u);
    assert.match(content, /\n\nThis memo is set in a typewriter face/u);
  });

  it("reads word_tables.docx with merged cells as rowspan/colspan in HTML", async () => {
    const { blocks } = await parse("docx/sources/word_tables.docx", {
      blockOptions: { tables: { targetFormat: "html" } },
    });
    const tables = blocks.filter((block) => block.type === "table");
    assert.ok(tables.length >= 4, `${tables.length} tables`);
    assert.ok(tables.some((table) => table.content.includes('colspan="2">Merged Cell 1.1 1.2<')));
    assert.ok(tables.some((table) => table.content.includes('rowspan="2">Merged Cell 1.1 2.1<')));
  });

  it("reads powerpoint_sample.pptx: one page per slide with titles, a spanning table and lists", async () => {
    const { pageCount, chunks, blocks } = await parse("pptx/sources/powerpoint_sample.pptx");
    assert.equal(pageCount, 3);
    assert.equal(chunks.length, 3);
    const headings = blocks.filter((block) => block.type === "heading").map((block) => block.content);
    assert.deepEqual(headings.slice(0, 2), ["# Test Table Slide", "# Second slide title"]);
    const table = blocks.find((block) => block.type === "table");
    assert.deepEqual(table?.details, { type: "table_details", rowCount: 9, columnCount: 7 });
    assert.equal(table?.metadata.page?.number, 1);
    assert.ok((table?.boundingBox.right ?? 0) > (table?.boundingBox.left ?? 0));
    assert.match(chunks[1]!.content, /- With foo\n- Bar\n- And baz things/u);
    assert.match(chunks[2]!.content, /Notes: Final notes on the third slide\./u);
  });

  it("fails truncated Word and PowerPoint files with CORRUPT_FILE", async () => {
    for (const [file, format] of [
      ["docx/sources/word_sample.docx", "docx"],
      ["pptx/sources/powerpoint_sample.pptx", "pptx"],
    ] as const) {
      const bytes = corpusFile(`${OFFICE}${file}`);
      const outcome = await parseDocument(bytes.slice(0, Math.floor(bytes.length * 0.9)), {
        format,
        maxPages: 100,
        chunking: "document",
      });
      assert.equal(outcome.status, "failure");
      assert.equal(outcome.status === "failure" ? outcome.failureReason : undefined, "CORRUPT_FILE");
    }
  });
});
