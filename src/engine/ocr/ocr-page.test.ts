/**
 * ocrPage end to end: a turned page comes out upright with words where the text is, in points; failures
 * become issues; a corpus PDF page is rendered and read.
 */
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { loadPdf } from "../pdf/pdfjs.ts";
import { corpusFile } from "../test-support/pdf-fixtures.ts";
import type { OcrEngine } from "./ocr-engine.ts";
import { ocrPage, ocrPdfPage } from "./ocr-page.ts";
import {
  fastestOcrEngine,
  intersectionOverUnion,
  SYNTHETIC_LINES,
  syntheticPage,
} from "./ocr-test-images.ts";
import { rotateByDegrees, rotateQuarterTurns } from "./transform-raster.ts";

let engine: OcrEngine;
before(async () => {
  engine = await fastestOcrEngine();
});
after(() => engine.close());

it("turns and straightens a page and places its words in page points", async () => {
  const page = await syntheticPage(100);
  // Scanned 1.5° askew and a quarter turn off.
  const turned = rotateQuarterTurns(rotateByDegrees(page.image, 1.5), 90);
  const result = await ocrPage(turned, engine, { pageNumber: 3, dpi: page.dpi, correctOrientation: true });
  assert.equal(result.orientation?.rotationDegrees, 270);
  assert.ok(
    Math.abs((result.orientation?.skewDegrees ?? 0) - 1.5) <= 0.3,
    `skew ${result.orientation?.skewDegrees}`,
  );
  assert.ok(
    Math.abs(result.width - page.width) < 1 && Math.abs(result.height - page.height) < 1,
    "upright size",
  );
  assert.equal(result.words.map((word) => word.text).join(" "), SYNTHETIC_LINES.join(" "));
  for (const [index, word] of result.words.entries()) {
    const known = page.words[index]!;
    const iou = intersectionOverUnion(word.box, known.box);
    assert.ok(iou > 0.6, `${word.text}: IoU ${iou.toFixed(2)} of ${JSON.stringify(word.box)}`);
    assert.equal(word.angle, 0);
    assert.ok(word.confidence > 0.8);
    // 16-pt type: the line box (ascender to descender) is about one em.
    assert.ok(word.fontSize > 12 && word.fontSize < 20, `font size ${word.fontSize}`);
  }
  assert.deepEqual(
    result.issues.map((issue) => [issue.stage, issue.page, issue.code]),
    [
      ["ocr", 3, "PAGE_ROTATED"],
      ["ocr", 3, "PAGE_DESKEWED"],
    ],
  );
});

it("gives the ink boxes of a straightened page where the ink is on the page as given", async () => {
  const page = await syntheticPage(100);
  const degrees = 2;
  const result = await ocrPage(rotateByDegrees(page.image, degrees), engine, {
    pageNumber: 1,
    dpi: page.dpi,
    scale: page.scale,
    correctOrientation: true,
  });
  assert.ok(Math.abs((result.orientation?.skewDegrees ?? 0) - degrees) <= 0.3);
  assert.ok(Math.abs((result.straightenedDegrees ?? 0) + degrees) <= 0.3, `${result.straightenedDegrees}`);
  // Where a known word's centre went when the page was scanned askew (clockwise about the centre).
  const radians = (degrees * Math.PI) / 180;
  const askew = (box: { left: number; top: number; right: number; bottom: number }) => {
    const dx = (box.left + box.right) / 2 - page.width / 2;
    const dy = (box.top + box.bottom) / 2 - page.height / 2;
    return {
      x: page.width / 2 + dx * Math.cos(radians) - dy * Math.sin(radians),
      y: page.height / 2 + dx * Math.sin(radians) + dy * Math.cos(radians),
    };
  };
  for (const index of [0, 5, result.words.length - 1]) {
    const word = result.words[index]!;
    const expected = askew(page.words[index]!.box);
    const ink = {
      x: (word.inkBox.left + word.inkBox.right) / 2,
      y: (word.inkBox.top + word.inkBox.bottom) / 2,
    };
    assert.ok(
      Math.hypot(ink.x - expected.x, ink.y - expected.y) < 3,
      `${word.text}: ink centre ${JSON.stringify(ink)}, expected ${JSON.stringify(expected)}`,
    );
    // The layout box stays in the straightened frame: level with its line.
    assert.ok(Math.abs(word.box.top - page.words[index]!.box.top) < 4, `${word.text} box ${word.box.top}`);
  }
});

it("reads without correction when it is not asked for", async () => {
  const page = await syntheticPage(100);
  const result = await ocrPage(page.image, engine, { pageNumber: 1, dpi: page.dpi });
  assert.equal(result.orientation, undefined);
  assert.equal(result.words.length, SYNTHETIC_LINES.join(" ").split(" ").length);
  assert.deepEqual(result.issues, []);
});

it("turns an engine failure into an error issue, not an exception", async () => {
  const broken: OcrEngine = {
    name: "broken",
    recognize: () => Promise.reject(new Error("engine crashed")),
    close: async () => {},
  };
  const image = { width: 20, height: 10, gray: new Uint8Array(200).fill(255) };
  const result = await ocrPage(image, broken, { pageNumber: 2, dpi: 72 });
  assert.deepEqual(result.words, []);
  assert.deepEqual([result.width, result.height], [20, 10]);
  assert.equal(result.issues[0]?.code, "OCR_FAILED");
  assert.equal(result.issues[0]?.severity, "error");
  assert.match(result.issues[0]?.message ?? "", /engine crashed/u);
});

it("renders and reads a scanned PDF page", async () => {
  const task = loadPdf(corpusFile("docling-groundtruth/ocr/sources/ocr_test.pdf"), undefined);
  try {
    const page = await (await task.promise).getPage(1);
    const result = await ocrPdfPage(page, engine, { pageNumber: 1, dpi: 100 });
    page.cleanup();
    const viewport = page.getViewport({ scale: 1 });
    assert.ok(
      Math.abs(result.width - viewport.width) < 0.5 && Math.abs(result.height - viewport.height) < 0.5,
    );
    const docling = result.words.find((word) => word.text === "Docling");
    assert.ok(docling !== undefined, result.words.map((word) => word.text).join(" "));
    // The paragraph starts about an inch from the left and top edges (scan measured at 300 DPI: 308, 325 px).
    assert.ok(
      Math.abs(docling.box.left - 74) < 6 && Math.abs(docling.inkBox.top - 78) < 6,
      JSON.stringify(docling),
    );
  } finally {
    await task.destroy();
  }
});
