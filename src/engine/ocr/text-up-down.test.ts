/**
 * The up-down test on real text: the tesseract test page and a two-column magazine scan both ways up,
 * a slanted page, and text with nothing to tell by (capitals and digits only, a blank page).
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { measureLines } from "./detect-orientation.ts";
import type { GrayImage } from "./ocr-engine.ts";
import { corpusImage, renderFirstPage, syntheticPage } from "./ocr-test-images.ts";
import { upDownCall, upDownEvidence } from "./text-up-down.ts";
import { rotateByDegrees, rotateQuarterTurns } from "./transform-raster.ts";

async function callOf(image: GrayImage, dpi: number) {
  const measure = await measureLines(image, { dpi });
  assert.equal(measure.axis, "horizontal");
  const evidence = upDownEvidence(measure.working, measure.uprightSkewDegrees, measure.workingDpi);
  return { call: upDownCall(evidence), evidence };
}

it("tells the tesseract test page upright from upside down", async () => {
  const upsideDown = await corpusImage("tesseract-ocr-gt/phototest-rotated-180.png");
  const down = await callOf(upsideDown, 150);
  const up = await callOf(rotateQuarterTurns(upsideDown, 180), 150);
  assert.equal(up.call, "up");
  assert.equal(down.call, "down");
  assert.ok(up.evidence.above > 2 * up.evidence.below, JSON.stringify(up.evidence));
  assert.ok(down.evidence.below > 2 * down.evidence.above, JSON.stringify(down.evidence));
});

it("tells a two-column magazine scan both ways up", async () => {
  const { default: sharp } = await import("sharp");
  const { corpusFile } = await import("../test-support/pdf-fixtures.ts");
  const { data, info } = await sharp(corpusFile("tesseract-ocr-gt/8087_054.3B.tif"))
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const scan = { width: info.width, height: info.height, gray: new Uint8Array(data) };
  const up = await callOf(scan, 300);
  const down = await callOf(rotateQuarterTurns(scan, 180), 300);
  assert.equal(up.call, "up");
  assert.equal(down.call, "down");
  assert.ok(up.evidence.lines > 100, `${up.evidence.lines} lines`);
});

it("follows slanted lines", async () => {
  const page = await syntheticPage(200);
  const slanted = rotateByDegrees(page.image, 3);
  assert.equal((await callOf(slanted, 200)).call, "up");
  assert.equal((await callOf(rotateQuarterTurns(slanted, 180), 200)).call, "down");
});

it("makes no call on capitals and digits, or on a blank page", async () => {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([612, 400]);
  for (let line = 0; line < 12; line++)
    page.drawText(`INVOICE ${1000 + line * 37} TOTAL DUE ${line * 12 + 7}.00 EUR`, {
      x: 54,
      y: 360 - line * 26,
      size: 14,
      font,
    });
  const { image } = await renderFirstPage(await pdf.save(), 200);
  assert.equal((await callOf(image, 200)).call, "unclear");
  assert.equal((await callOf(rotateQuarterTurns(image, 180), 200)).call, "unclear");
  const blank = { width: 300, height: 300, gray: new Uint8Array(300 * 300).fill(255) };
  const evidence = upDownEvidence(blank, 0, 150);
  assert.equal(evidence.lines, 0);
  assert.equal(upDownCall(evidence), "unclear");
});
