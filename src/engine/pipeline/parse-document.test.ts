import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Extend } from "extend-ai";
import { corpusFile, encryptedPdf, manyPagesPdf, textPdf } from "../test-support/pdf-fixtures.ts";
import { parseDocument } from "./parse-document.ts";
import type { ParseOptions, ParseOutcome } from "./parse-outcome.ts";
import type { PageStage, Stage } from "./stage.ts";
import { STAGES } from "./stages.ts";

const AWS_INVOICE = "invoice2data-invoices/compare/AmazonWebServices.pdf";
const DOCLING = "docling-groundtruth/pdf/sources/";
const PDF: ParseOptions = { format: "pdf", maxPages: 500, chunking: "page" };

function succeeded(outcome: ParseOutcome): Extract<ParseOutcome, { status: "success" | "partial" }> {
  assert.notEqual(outcome.status, "failure", outcome.status === "failure" ? outcome.failureMessage : "");
  return outcome as Extract<ParseOutcome, { status: "success" | "partial" }>;
}

function failed(outcome: ParseOutcome): Extract<ParseOutcome, { status: "failure" }> {
  assert.equal(outcome.status, "failure");
  return outcome as Extract<ParseOutcome, { status: "failure" }>;
}

function blockContaining(output: Extend.ParseRunOutput, text: string): Extend.Block {
  const block = output.chunks
    .flatMap((chunk) => chunk.blocks)
    .find((candidate) => candidate.content.includes(text));
  assert.ok(block, `no block contains "${text}"`);
  return block;
}

describe("parseDocument", () => {
  it("parses corpus PDFs into one page chunk per page", async () => {
    for (const [file, pages] of [
      [AWS_INVOICE, 1],
      [`${DOCLING}normal_4pages.pdf`, 4],
      [`${DOCLING}multi_page.pdf`, 5],
      [`${DOCLING}redp5110_sampled.pdf`, 18],
    ] as const) {
      const outcome = succeeded(await parseDocument(corpusFile(file), PDF));
      assert.equal(outcome.status, "success", file);
      assert.equal(outcome.pageCount, pages, file);
      assert.deepEqual(
        outcome.output.chunks.map((chunk) => [
          chunk.type,
          chunk.metadata.pageRange.start,
          chunk.metadata.pageRange.end,
        ]),
        Array.from({ length: pages }, (_, index) => ["page", index + 1, index + 1]),
        file,
      );
    }
  });

  it("places known text of the invoice where it is on the page", async () => {
    const { output } = succeeded(await parseDocument(corpusFile(AWS_INVOICE), PDF));
    const [chunk] = output.chunks;
    assert.ok(chunk !== undefined);
    assert.equal(chunk.content, chunk.blocks.map((block) => block.content).join("\n\n"));
    for (const block of chunk.blocks) {
      const { left, top, right, bottom } = block.boundingBox;
      assert.ok(left !== null && top !== null && right !== null && bottom !== null);
      assert.ok(left >= 0 && top >= 0 && right <= 612 && bottom <= 792, `${block.content} is off the page`);
      assert.deepEqual(block.polygon, [
        { x: left, y: top },
        { x: right, y: top },
        { x: right, y: bottom },
        { x: left, y: bottom },
      ]);
      assert.deepEqual(block.metadata, { page: { number: 1, width: 612, height: 792 } });
      assert.equal(block.object, "block");
      assert.ok(
        // The AWS logo at the top is a figure (figures/).
        ["text", "heading", "section_heading", "key_value", "table", "page_number", "figure"].includes(
          block.type,
        ),
      );
    }
    const title = blockContaining(output, "Amazon Web Services Invoice");
    assert.ok(title.boundingBox.top! < 100, `title top ${title.boundingBox.top}`);
    assert.deepEqual([title.type, title.content], ["heading", "# Amazon Web Services Invoice"]);
    assert.ok(blockContaining(output, "Greetings from Amazon Web Services").boundingBox.top! > 200);
    assert.ok(blockContaining(output, "All charges and prices are in US Dollars").boundingBox.top! > 700);
    const total = blockContaining(output, "TOTAL AMOUNT DUE");
    assert.ok(total.boundingBox.left! > 200, "the invoice summary is in the right half");
  });

  it("gives the same block ids when the same file is parsed again", async () => {
    const file = `${DOCLING}normal_4pages.pdf`;
    const ids = async () =>
      succeeded(await parseDocument(corpusFile(file), PDF)).output.chunks.flatMap((chunk) =>
        chunk.blocks.map((block) => block.id),
      );
    const first = await ids();
    assert.ok(first.length > 10);
    assert.equal(new Set(first).size, first.length, "ids are unique");
    assert.deepEqual(await ids(), first);
  });

  it("puts every page into one chunk for document chunking", async () => {
    const file = `${DOCLING}normal_4pages.pdf`;
    const pages = succeeded(await parseDocument(corpusFile(file), PDF)).output.chunks;
    const { output } = succeeded(await parseDocument(corpusFile(file), { ...PDF, chunking: "document" }));
    assert.equal(output.chunks.length, 1);
    const [chunk] = output.chunks;
    assert.equal(chunk!.type, "document");
    assert.deepEqual(chunk!.metadata.pageRange, { start: 1, end: 4 });
    assert.equal(chunk!.content, pages.map((page) => page.content).join("\n\n"));
    assert.deepEqual(
      chunk!.blocks.map((block) => block.id),
      pages.flatMap((page) => page.blocks.map((block) => block.id)),
    );
  });

  it("parses plain text and Markdown as a single page without geometry", async () => {
    const bytes = new TextEncoder().encode("# Notes\n\nFirst paragraph.\n\n- item\n");
    const { output, pageCount } = succeeded(await parseDocument(bytes, { ...PDF, format: "markdown" }));
    assert.equal(pageCount, 1);
    assert.equal(output.chunks[0]!.content, "# Notes\n\nFirst paragraph.\n\n- item");
    assert.deepEqual(output.chunks[0]!.blocks[0]!.boundingBox, {
      left: null,
      top: null,
      right: null,
      bottom: null,
    });
  });

  it("warns about pages without a text layer but still succeeds", async () => {
    const outcome = succeeded(
      await parseDocument(await textPdf([{ lines: [] }, { lines: [{ text: "Hi", x: 72, y: 700 }] }]), PDF),
    );
    assert.equal(outcome.status, "success");
    assert.deepEqual(
      outcome.output.chunks.map((chunk) => chunk.content),
      ["", "Hi"],
    );
    assert.deepEqual(
      outcome.issues.map((issue) => [issue.stage, issue.page, issue.severity, issue.code]),
      [["layout", 1, "warning", "NO_TEXT_LAYER"]],
    );
  });

  it("fails with Extend's failure reasons", async () => {
    assert.equal(failed(await parseDocument(new Uint8Array(0), PDF)).failureReason, "CORRUPT_FILE");
    const unsupported = failed(await parseDocument(new Uint8Array([1]), { ...PDF, format: "unknown" }));
    assert.equal(unsupported.failureReason, "FILE_TYPE_NOT_SUPPORTED");
    const locked = failed(await parseDocument(encryptedPdf("Secret", "pw", "owner"), PDF));
    assert.equal(locked.failureReason, "PASSWORD_PROTECTED_FILE");
    const unlocked = succeeded(
      await parseDocument(encryptedPdf("Secret", "pw", "owner"), { ...PDF, password: "pw" }),
    );
    assert.equal(unlocked.output.chunks[0]!.content, "Secret");
    const large = failed(await parseDocument(await manyPagesPdf(6), { ...PDF, maxPages: 5 }));
    assert.equal(large.failureReason, "FILE_SIZE_TOO_LARGE");
  });

  it("returns a partial result with an issue when a stage fails on one page", async () => {
    const failOnPage2: PageStage = {
      id: "layout",
      scope: "page",
      run(_context, page) {
        if (page.number === 2) throw new Error("boom");
      },
    };
    const stages: Stage[] = [...STAGES.slice(0, 2), failOnPage2, ...STAGES.slice(2)];
    const outcome = succeeded(await parseDocument(await manyPagesPdf(3), PDF, stages));
    assert.equal(outcome.status, "partial");
    assert.equal(outcome.output.chunks.length, 3);
    assert.deepEqual(outcome.issues, [
      {
        stage: "layout",
        page: 2,
        severity: "error",
        code: "STAGE_FAILED",
        message: "Stage layout failed on page 2: boom",
      },
    ]);
  });

  it("stops between pages when the signal aborts", async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const abortOnPage2: PageStage = {
      id: "layout",
      scope: "page",
      run(_context, page) {
        seen.push(page.number);
        if (page.number === 2) controller.abort();
      },
    };
    const stages: Stage[] = [...STAGES, abortOnPage2];
    const bytes = await manyPagesPdf(5);
    await assert.rejects(parseDocument(bytes, { ...PDF, signal: controller.signal }, stages), {
      name: "AbortError",
    });
    assert.deepEqual(seen, [1, 2]);
    await assert.rejects(parseDocument(await manyPagesPdf(1), { ...PDF, signal: AbortSignal.abort() }), {
      name: "AbortError",
    });
  });
});
