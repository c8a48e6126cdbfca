/**
 * PDF conversion through LibreOffice, end to end through parseDocument: converted documents come out
 * with page geometry (bounding boxes); broken input and timeouts fail FAILED_TO_CONVERT_TO_PDF. Skipped
 * when soffice is not installed (CI installs it).
 */
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readdir, rm, utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import type { Extend } from "extend-ai";
import { parseDocument } from "../pipeline/parse-document.ts";
import { minimalDocx, oleFile } from "../test-support/container-fixtures.ts";
import { corpusFile } from "../test-support/pdf-fixtures.ts";
import {
  blocksOf,
  converter,
  converterOptions,
  NO_SOFFICE,
  sofficePath,
} from "../test-support/soffice-fixtures.ts";
import { sofficeToPdf } from "./soffice.ts";

function assertGeometry(blocks: readonly Extend.Block[]): void {
  assert.ok(blocks.length > 0);
  for (const block of blocks) {
    const { left, top, right, bottom } = block.boundingBox;
    assert.ok(
      left !== null && top !== null && right !== null && bottom !== null,
      `block "${block.content}" has no box`,
    );
    assert.ok(right > left && bottom > top);
  }
}

describe("PDF conversion with LibreOffice", { skip: sofficePath === undefined ? NO_SOFFICE : false }, () => {
  it("parses a legacy Word .doc by way of PDF under alwaysConvertToPdf, with page geometry", async () => {
    const outcome = await parseDocument(
      corpusFile("docling-groundtruth/office/doc/sources/legacy_sample.doc"),
      converterOptions("ole", { config: { advancedOptions: { alwaysConvertToPdf: true } } }),
    );
    const blocks = blocksOf(outcome);
    assertGeometry(blocks);
    const text = blocks.map((block) => block.content).join("\n");
    assert.match(text, /Swimming in the lake/);
    assert.match(text, /Wear sunglasses/);
    assert.ok(outcome.status !== "failure" && outcome.pageCount >= 1);
  });

  it("converts a DOCX first under alwaysConvertToPdf, so its blocks have bounding boxes", async () => {
    const docx = minimalDocx(["Quarterly report", "Revenue grew by 12 percent in the third quarter."]);
    const outcome = await parseDocument(
      docx,
      converterOptions("docx", { config: { advancedOptions: { alwaysConvertToPdf: true } } }),
    );
    const blocks = blocksOf(outcome);
    assertGeometry(blocks);
    assert.match(blocks.map((block) => block.content).join("\n"), /Revenue grew by 12 percent/);
    // A4 or Letter: a real page, not a text-only source without geometry.
    const page = (blocks[0]!.metadata as { page?: { width?: number } }).page;
    assert.ok(page?.width !== undefined && page.width > 500 && page.width < 650, JSON.stringify(page));
  });

  it("fails a Word file LibreOffice cannot read with FAILED_TO_CONVERT_TO_PDF, on either route", async () => {
    // A valid OLE directory naming a WordDocument stream, but the stream is garbage.
    const garbage = oleFile(
      ["WordDocument", "1Table"],
      new Uint8Array(8192).map((_, index) => (index * 7919) % 251),
    );
    for (const [alwaysConvertToPdf, target] of [
      [true, "PDF"],
      [false, "DOCX"],
    ] as const) {
      const outcome = await parseDocument(
        garbage,
        converterOptions("ole", { config: { advancedOptions: { alwaysConvertToPdf } } }),
      );
      assert.ok(outcome.status === "failure");
      assert.equal(outcome.failureReason, "FAILED_TO_CONVERT_TO_PDF");
      assert.match(outcome.failureMessage, new RegExp(`could not convert the document to ${target}`));
    }
  });

  it("runs concurrent conversions in separate profiles and leaves no temporary files", async () => {
    const workRoot = await mkdtemp(path.join(tmpdir(), "quire-convert-test-"));
    // What a worker thread terminated mid-conversion leaves behind: swept once it is old enough.
    const orphan = path.join(workRoot, "quire-soffice-orphan");
    await mkdir(path.join(orphan, "profile"), { recursive: true });
    const dayAgo = new Date(Date.now() - 24 * 3600 * 1000);
    await utimes(orphan, dayAgo, dayAgo);
    const input = { extension: "docx", filter: "MS Word 2007 XML" };
    const pdfs = await Promise.all(
      ["first", "second", "third"].map((word) =>
        sofficeToPdf(minimalDocx([`The ${word} document`]), input, {
          sofficePath: sofficePath!,
          timeoutMs: 120_000,
          concurrency: 2,
          workRoot,
        }),
      ),
    );
    for (const pdf of pdfs) assert.equal(new TextDecoder().decode(pdf.subarray(0, 5)), "%PDF-");
    assert.deepEqual(
      await readdir(workRoot),
      [],
      "every work directory (input, profile, PDF) removed, orphans too",
    );
    await rm(workRoot, { recursive: true });
  });

  it("kills a conversion that runs past its timeout and fails FAILED_TO_CONVERT_TO_PDF", async () => {
    const started = performance.now();
    const outcome = await parseDocument(
      corpusFile("docling-groundtruth/office/doc/sources/legacy_sample.doc"),
      converterOptions("ole", { pdfConverter: { ...converter, timeoutMs: 1 } }),
    );
    assert.ok(outcome.status === "failure");
    assert.equal(outcome.failureReason, "FAILED_TO_CONVERT_TO_PDF");
    assert.match(outcome.failureMessage, /took longer than/);
    assert.ok(performance.now() - started < 10_000);
  });
});
