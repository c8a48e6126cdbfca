/**
 * Figures end to end: operator-list graphics of synthetic pdf-lib PDFs and of corpus PDFs become figure
 * blocks in the wire output, and blockOptions.figures.enabled === false leaves them out.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Extend } from "extend-ai";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { parseDocument } from "../pipeline/parse-document.ts";
import type { ParseOptions, ParseOutcome } from "../pipeline/parse-outcome.ts";
import { corpusFile } from "../test-support/pdf-fixtures.ts";

const PDF: ParseOptions = { format: "pdf", maxPages: 50, chunking: "page" };
const DOCLING = "docling-groundtruth/pdf/sources/";
const PNG_1X1 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

function figureBlocks(outcome: ParseOutcome): Extend.Block[] {
  assert.notEqual(outcome.status, "failure");
  if (outcome.status === "failure") return [];
  return outcome.output.chunks.flatMap((chunk) => chunk.blocks).filter((block) => block.type === "figure");
}

/** A letter page with a paragraph, a 200×150 pt photo at (100, 100)–(300, 250) from the top, a caption. */
async function imagePdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const image = await document.embedPng(Buffer.from(PNG_1X1, "base64"));
  const page = document.addPage([612, 792]);
  page.drawText("Some body text above the picture.", { x: 72, y: 720, size: 12, font });
  page.drawImage(image, { x: 100, y: 792 - 250, width: 200, height: 150 });
  page.drawText("Figure 1: A pixel.", { x: 100, y: 792 - 266, size: 10, font });
  return document.save();
}

/** A page with a sine-like curve drawn as an SVG path (a "chart") with numeric tick labels inside. */
async function drawingPdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const page = document.addPage([612, 792]);
  page.drawText("Quarterly revenue is shown below.", { x: 72, y: 720, size: 12, font });
  let path = "M 0 0";
  for (let step = 1; step <= 20; step++) path += ` L ${step * 10} ${step % 2 === 0 ? 0 : 80}`;
  page.drawSvgPath(path, { x: 150, y: 600, borderWidth: 1 });
  for (const [index, label] of ["10", "20", "30"].entries())
    page.drawText(label, { x: 150 + index * 80, y: 560, size: 8, font });
  return document.save();
}

describe("figure blocks", () => {
  it("emits an image figure for a drawn raster image, caption kept as text", async () => {
    const outcome = await parseDocument(await imagePdf(), PDF);
    const [figure] = figureBlocks(outcome);
    assert.ok(figure);
    assert.deepEqual(figure.boundingBox, { left: 100, top: 100, right: 300, bottom: 250 });
    assert.deepEqual(figure.details, { type: "figure_details", figureType: "image" });
    assert.equal(figure.content, '<figure type="image"></figure>');
    assert.ok(
      outcome.status !== "failure" && outcome.output.chunks[0]!.content.includes("Figure 1: A pixel."),
    );
  });

  it("emits a chart for a vector drawing and takes its labels in", async () => {
    const outcome = await parseDocument(await drawingPdf(), PDF);
    const [figure] = figureBlocks(outcome);
    assert.ok(figure);
    assert.deepEqual(figure.details, { type: "figure_details", figureType: "chart" });
    assert.match(figure.content, /^<figure type="chart">\n10 20 30\n<\/figure>$/u);
  });

  it("leaves figures out when blockOptions.figures.enabled is false", async () => {
    const options = { ...PDF, config: { blockOptions: { figures: { enabled: false } } } };
    assert.equal(figureBlocks(await parseDocument(await imagePdf(), options)).length, 0);
  });

  it("finds the two pictures of picture_classification.pdf where the groundtruth has them", async () => {
    const figures = figureBlocks(
      await parseDocument(corpusFile(`${DOCLING}picture_classification.pdf`), PDF),
    );
    // Groundtruth (docling, bottom-left origin on a 792 pt page) turned to top-left boxes.
    const expected = [
      { page: 1, left: 134.71, top: 304.3, right: 475.68, bottom: 509.65 },
      { page: 2, left: 218.88, top: 277.98, right: 392.18, bottom: 508.74 },
    ];
    assert.equal(figures.length, 2);
    for (const [index, want] of expected.entries()) {
      const got = figures[index]!;
      assert.equal(got.metadata.page?.number, want.page);
      for (const edge of ["left", "top", "right", "bottom"] as const)
        assert.ok(Math.abs((got.boundingBox[edge] ?? 0) - want[edge]) < 8, `${edge} of figure ${index + 1}`);
    }
  });

  it("finds no figure on a page of text and tables (2305.03393v1-pg9.pdf)", async () => {
    assert.equal(
      figureBlocks(await parseDocument(corpusFile(`${DOCLING}2305.03393v1-pg9.pdf`), PDF)).length,
      0,
    );
  });
});
