/** Rendering a page region with the operator filter: the same pixels, with far-away text left undrawn. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { PDFDocument, rgb, StandardFonts } from "pdf-lib";
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { toMatrix } from "./matrix.ts";
import { loadPdf } from "./pdfjs.ts";
import { regionOperationsFilter } from "./region-ops-filter.ts";
import { renderPdfRegion } from "./render-page.ts";

/** A 300 × 400 pt page: a text line every 20 pt, a grey box at 100..200 × 150..250 (top-left origin). */
async function textPagePdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const page = document.addPage([300, 400]);
  for (let top = 20; top < 400; top += 20)
    page.drawText(`Line at ${top} with some words`, { x: 20, y: 400 - top, size: 11, font });
  page.drawRectangle({ x: 100, y: 400 - 250, width: 100, height: 100, color: rgb(0.5, 0.5, 0.5) });
  return document.save();
}

async function pixels(png: Uint8Array): Promise<Uint8ClampedArray> {
  const image = await loadImage(Buffer.from(png));
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0);
  return context.getImageData(0, 0, image.width, image.height).data;
}

it("renders a region with the filter to the same pixels as drawing every operator", async () => {
  const task = loadPdf(await textPagePdf(), undefined);
  try {
    const page = await (await task.promise).getPage(1);
    for (const region of [
      { left: 90, top: 140, right: 210, bottom: 260 },
      { left: 0, top: 0, right: 300, bottom: 45 },
      { left: 15.5, top: 333.3, right: 120.7, bottom: 398 },
    ]) {
      const filtered = await renderPdfRegion(page, region, { dpi: 150 });
      const full = await renderPdfRegion(page, region, { dpi: 150, skipOutside: false });
      assert.deepEqual(await pixels(filtered), await pixels(full), JSON.stringify(region));
    }
    page.cleanup();
  } finally {
    await task.destroy();
  }
});

it("skips text lines wholly above or below the region and keeps those crossing it", async () => {
  const task = loadPdf(await textPagePdf(), undefined);
  try {
    const page = await (await task.promise).getPage(1);
    const list = await page.getOperatorList();
    const transform = toMatrix(page.getViewport({ scale: 1 }).transform)!;
    const filter = regionOperationsFilter(
      transform,
      { left: 0, top: 150, right: 300, bottom: 210 },
      () => true,
    );
    const kept: boolean[] = [];
    for (let index = 0; index < list.fnArray.length; index++) {
      const decision = filter(index, list);
      if (list.fnArray[index] === OPS.showText) kept.push(decision);
      else assert.equal(decision, true, "only drawing operators are skipped");
    }
    // Lines at 20, 40, … 380: baselines 160, 180, 200 lie inside; 140 and 220 reach it within 1.5 em.
    assert.equal(kept.length, 19);
    assert.deepEqual(
      kept.flatMap((isKept, index) => (isKept ? [20 * (index + 1)] : [])),
      [140, 160, 180, 200, 220],
    );
    // An unknown (or vertical, or Type3) font is never skipped.
    const cautious = regionOperationsFilter(
      transform,
      { left: 0, top: 150, right: 300, bottom: 210 },
      () => false,
    );
    for (let index = 0; index < list.fnArray.length; index++) assert.equal(cautious(index, list), true);
    page.cleanup();
  } finally {
    await task.destroy();
  }
});
