import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { corpusFile } from "../test-support/pdf-fixtures.ts";
import { parseDocument } from "./parse-document.ts";
import type { ParseOptions, ParseOutcome } from "./parse-outcome.ts";

const REDP = "docling-groundtruth/pdf/sources/redp5110_sampled.pdf";
const PDF: ParseOptions = { format: "pdf", maxPages: 500, chunking: "page" };

function succeeded(outcome: ParseOutcome): Extract<ParseOutcome, { status: "success" | "partial" }> {
  assert.notEqual(outcome.status, "failure", outcome.status === "failure" ? outcome.failureMessage : "");
  return outcome as Extract<ParseOutcome, { status: "success" | "partial" }>;
}

describe("parseDocument options", () => {
  it("reads only the pages pageRanges selects and renumbers them from 1", async () => {
    const full = succeeded(await parseDocument(corpusFile(REDP), PDF));
    const ranged = succeeded(
      await parseDocument(corpusFile(REDP), {
        ...PDF,
        config: {
          advancedOptions: {
            pageRanges: [
              { start: 5, end: 6 },
              { start: 3, end: 5 },
              { start: 90, end: 99 },
            ],
          },
        },
      }),
    );
    assert.equal(ranged.pageCount, 4);
    assert.deepEqual(
      ranged.output.chunks.map((chunk) => [chunk.metadata.pageRange.start, chunk.metadata.pageRange.end]),
      [
        [1, 1],
        [2, 2],
        [3, 3],
        [4, 4],
      ],
    );
    for (const [index, chunk] of ranged.output.chunks.entries()) {
      for (const block of chunk.blocks) assert.equal(block.metadata.page?.number, index + 1);
      // Virtual page n is original page n + 2: its longest text block reads the same.
      const original = full.output.chunks[index + 2]!;
      const longest = original.blocks
        .filter((block) => block.type === "text")
        .sort((a, b) => b.content.length - a.content.length)[0];
      if (longest !== undefined) assert.ok(chunk.content.includes(longest.content), `page ${index + 3}`);
    }
  });

  it("fails with INVALID_CONFIG_OPTIONS when pageRanges select no page", async () => {
    const outcome = await parseDocument(corpusFile(REDP), {
      ...PDF,
      config: { advancedOptions: { pageRanges: [{ start: 40, end: 41 }] } },
    });
    assert.equal(outcome.status, "failure");
    assert.equal(outcome.status === "failure" && outcome.failureReason, "INVALID_CONFIG_OPTIONS");
  });

  it("rejects section chunking with the spatial target and min above max", async () => {
    for (const options of [
      { ...PDF, chunking: "section", config: { target: "spatial" } },
      {
        ...PDF,
        chunking: "section",
        config: { chunkingStrategy: { options: { minCharacters: 9, maxCharacters: 3 } } },
      },
    ] as const) {
      const outcome = await parseDocument(corpusFile(REDP), options);
      assert.equal(outcome.status, "failure");
      if (outcome.status === "failure") {
        assert.equal(outcome.failureReason, "INVALID_CONFIG_OPTIONS");
        assert.ok(outcome.failureMessage.length > 0);
      }
    }
  });

  it("chunks by section within maxCharacters", async () => {
    const { output } = succeeded(
      await parseDocument(corpusFile(REDP), {
        ...PDF,
        chunking: "section",
        config: { chunkingStrategy: { type: "section", options: { maxCharacters: 1500 } } },
      }),
    );
    assert.ok(output.chunks.length > 18, `${output.chunks.length} chunks`);
    let previousEnd = 1;
    for (const chunk of output.chunks) {
      assert.equal(chunk.type, "section");
      const { start, end } = chunk.metadata.pageRange;
      assert.ok(start >= previousEnd && end >= start);
      previousEnd = start;
      // A chunk over the limit holds one block that cannot be cut.
      assert.ok(chunk.content.length <= 1500 || chunk.blocks.length === 1, chunk.content.slice(0, 80));
    }
    const headingsFirst = output.chunks.filter((chunk) => chunk.blocks[0]?.type.endsWith("heading"));
    assert.ok(headingsFirst.length > 3);
  });
});

describe("parseDocument: spatial target", () => {
  it("renders page chunks as layout-preserving text", async () => {
    const invoice = "invoice2data-invoices/compare/AmazonWebServices.pdf";
    const markdown = succeeded(await parseDocument(corpusFile(invoice), PDF));
    const spatial = succeeded(
      await parseDocument(corpusFile(invoice), { ...PDF, config: { target: "spatial" } }),
    );
    const content = spatial.output.chunks[0]!.content;
    assert.notEqual(content, markdown.output.chunks[0]!.content);
    // Columns survive as runs of spaces; blocks keep their own (markdown) content.
    assert.match(content, /\S {3,}\S/);
    assert.deepEqual(
      spatial.output.chunks[0]!.blocks.map((block) => block.content),
      markdown.output.chunks[0]!.blocks.map((block) => block.content),
    );
  });
});
