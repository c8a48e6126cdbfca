/**
 * The OcrEngine contract: every implementation's test calls runOcrEngineContract. Real images only: a
 * synthetic page whose word boxes are known, corpus scans with ground-truth text, and a blank raster.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { GrayImage, OcrEngine, OcrResult } from "./ocr-engine.ts";
import {
  corpusImage,
  corpusPdfPage,
  corpusText,
  intersectionOverUnion,
  normalizedWords,
  SYNTHETIC_LINES,
  scaleBox,
  syntheticPage,
  wordRecall,
} from "./ocr-test-images.ts";
import { crop, rotateQuarterTurns } from "./transform-raster.ts";

// 16-pt text and the corpus scan's large type read reliably at 100 DPI, and OCR time grows with pixels.
const DPI = 100;

function assertWellFormed(result: OcrResult): void {
  for (const word of result.words) {
    assert.ok(word.text.length > 0 && !/\s/u.test(word.text), `word text ${JSON.stringify(word.text)}`);
    assert.ok(word.confidence > 0 && word.confidence <= 1, `confidence ${word.confidence}`);
    const { left, top, right, bottom } = word.box;
    assert.ok(left >= 0 && top >= 0 && left < right && top < bottom, `box ${JSON.stringify(word.box)}`);
    assert.ok(right <= result.imageWidth && bottom <= result.imageHeight, "box inside the image");
  }
  let next = 0;
  for (const line of result.lines ?? []) {
    assert.ok(line.firstWord >= next && line.wordCount > 0, "lines are consecutive runs of words");
    next = line.firstWord + line.wordCount;
    for (const word of result.words.slice(line.firstWord, next)) {
      assert.ok(
        word.box.left >= line.box.left - 1 && word.box.right <= line.box.right + 1,
        "word inside its line",
      );
    }
  }
  assert.ok(next <= result.words.length);
}

/** Ink pixels (darker than mid-grey) inside a pixel box. */
function inkInside(image: GrayImage, box: OcrResult["words"][number]["box"]): number {
  let ink = 0;
  for (let y = box.top; y < box.bottom; y++)
    for (let x = box.left; x < box.right; x++) if (image.gray[y * image.width + x]! < 128) ink++;
  return ink;
}

export function runOcrEngineContract(name: string, makeEngine: () => Promise<OcrEngine>): void {
  describe(`OcrEngine contract: ${name}`, () => {
    let engine: OcrEngine;
    before(async () => {
      engine = await makeEngine();
    });
    after(() => engine.close());

    it("reads the words of a known page where they are drawn", async () => {
      const page = await syntheticPage(DPI);
      const result = await engine.recognize(page.image, { language: "eng", dpi: page.dpi });
      assertWellFormed(result);
      assert.equal(result.imageWidth, page.image.width);
      assert.equal(result.imageHeight, page.image.height);
      assert.deepEqual(
        result.words.map((word) => word.text).join(" "),
        SYNTHETIC_LINES.join(" "),
        "clean 16-pt text is read exactly, in reading order",
      );
      assert.equal(result.lines?.length, SYNTHETIC_LINES.length);
      const ious = result.words.map((word, index) =>
        intersectionOverUnion(word.box, scaleBox(page.words[index]!.box, page.scale)),
      );
      // Font boxes run from descent to ascent while OCR boxes hug the ink: overlap is high, not total.
      assert.ok(Math.min(...ious) > 0.5, `IoU per word: ${ious.map((iou) => iou.toFixed(2)).join(" ")}`);
      assert.ok(
        result.words.every((word) => word.confidence > 0.8),
        "clean text is read confidently",
      );
    });

    it("takes RGBA and PNG as well as grey, with the same reading", async () => {
      const page = await syntheticPage(DPI);
      const { width, height, gray } = page.image;
      const rgba = new Uint8ClampedArray(width * height * 4);
      for (let index = 0; index < gray.length; index++) rgba.fill(gray[index]!, index * 4, index * 4 + 3);
      for (let index = 3; index < rgba.length; index += 4) rgba[index] = 255;
      const fromRgba = await engine.recognize({ width, height, rgba }, { language: "eng", dpi: page.dpi });
      const { createCanvas } = await import("@napi-rs/canvas");
      const canvas = createCanvas(width, height);
      const context = canvas.getContext("2d");
      const data = context.createImageData(width, height);
      data.data.set(rgba);
      context.putImageData(data, 0, 0);
      const png = new Uint8Array(await canvas.encode("png"));
      const fromPng = await engine.recognize({ png }, { language: "eng", dpi: page.dpi });
      const texts = (result: OcrResult) => result.words.map((word) => word.text).join(" ");
      assert.equal(texts(fromRgba), SYNTHETIC_LINES.join(" "));
      assert.equal(texts(fromPng), SYNTHETIC_LINES.join(" "));
      assert.deepEqual(fromPng.words[0]?.box, fromRgba.words[0]?.box);
    });

    it("reads a scanned corpus page, boxes on the ink", async () => {
      const page = await corpusPdfPage("docling-groundtruth/ocr/sources/ocr_test.pdf", DPI);
      // The paragraph is in the top fifth of the page; the rest is blank paper.
      const image = crop(page.image, {
        left: 0,
        top: 0,
        right: page.image.width,
        bottom: page.image.height / 4,
      });
      const result = await engine.recognize(image, { language: "eng", dpi: page.dpi });
      assertWellFormed(result);
      const expected = normalizedWords(
        "Docling bundles PDF document conversion to JSON and Markdown in an easy self contained package",
      );
      const recall = wordRecall(expected, normalizedWords(result.words.map((word) => word.text).join(" ")));
      assert.ok(recall >= 0.9, `word recall ${recall}`);
      for (const word of result.words) {
        const { left, top, right, bottom } = word.box;
        const area = (right - left) * (bottom - top);
        assert.ok(inkInside(image, word.box) > area * 0.05, `ink under ${word.text}`);
      }
    });

    it("reads the tesseract test image close to its ground truth", async () => {
      // The corpus has the upright original only as TIFF; the 180° PNG copy turned back is the same page.
      const image = rotateQuarterTurns(await corpusImage("tesseract-ocr-gt/phototest-rotated-180.png"), 180);
      const result = await engine.recognize(image, { language: "eng", dpi: 100 });
      assertWellFormed(result);
      const truth = normalizedWords(corpusText("tesseract-ocr-gt/phototest.gold.txt"));
      const recall = wordRecall(truth, normalizedWords(result.words.map((word) => word.text).join(" ")));
      assert.ok(recall >= 0.9, `word recall ${recall}`);
    });

    it("finds no words on a blank image, without failing", async () => {
      const blank = { width: 300, height: 200, gray: new Uint8Array(300 * 200).fill(255) };
      const result = await engine.recognize(blank, { language: "eng", dpi: DPI });
      assert.deepEqual(result.words, []);
      assert.equal(result.imageWidth, 300);
      assert.equal(result.imageHeight, 200);
    });

    it("serves concurrent calls", async () => {
      const page = await syntheticPage(DPI);
      const options = { language: "eng", dpi: page.dpi } as const;
      const results = await Promise.all([1, 2].map(() => engine.recognize(page.image, options)));
      for (const result of results)
        assert.equal(result.words.length, SYNTHETIC_LINES.join(" ").split(" ").length);
    });

    it("reports the orientation of a turned page when it detects orientation itself", async (context) => {
      const detect = engine.detectOrientation?.bind(engine);
      if (detect === undefined) {
        context.skip("no built-in orientation detection");
        return;
      }
      const image = await corpusImage("tesseract-ocr-gt/phototest-rotated-L.png");
      const estimate = await detect(image, { language: "eng", dpi: 100 });
      if (estimate === undefined) {
        context.skip("orientation data (osd) not installed");
        return;
      }
      assert.equal(estimate.rotationDegrees, 90);
    });

    it("rejects calls once closed", async () => {
      const own = await makeEngine();
      await own.close();
      await own.close();
      const tiny = { width: 10, height: 10, gray: new Uint8Array(100).fill(255) };
      await assert.rejects(own.recognize(tiny, { language: "eng", dpi: DPI }));
    });
  });
}
