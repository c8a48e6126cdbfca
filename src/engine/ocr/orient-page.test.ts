/**
 * orientPage on the tesseract test image: upright, it is read once and OSD is never asked; turned, it is
 * turned back and read by the caller; a slanted page is read straightened.
 */
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { OcrEngine, OcrImage, OcrOptions } from "./ocr-engine.ts";
import { corpusImage, fastestOcrEngine, syntheticPage } from "./ocr-test-images.ts";
import { orientPage } from "./orient-page.ts";
import { rotateByDegrees, rotateQuarterTurns } from "./transform-raster.ts";

let engine: OcrEngine;
before(async () => {
  engine = await fastestOcrEngine();
});
after(() => engine.close());

/** The engine, counting what it is asked (a real engine: only the calls are recorded). */
function counting(inner: OcrEngine) {
  const calls = { recognize: 0, detect: 0 };
  const wrapped: OcrEngine = {
    name: inner.name,
    recognize(image: OcrImage, options: OcrOptions) {
      calls.recognize++;
      return inner.recognize(image, options);
    },
    detectOrientation(image: OcrImage, options: OcrOptions) {
      calls.detect++;
      return inner.detectOrientation?.(image, options) ?? Promise.resolve(undefined);
    },
    close: async () => {},
  };
  return { engine: wrapped, calls };
}

const DPI = 100;

it("reads an upright page once, without the orientation pass, and keeps that reading", async () => {
  const image = rotateQuarterTurns(await corpusImage("tesseract-ocr-gt/phototest-rotated-180.png"), 180);
  const { engine: counted, calls } = counting(engine);
  const oriented = await orientPage(image, counted, { dpi: DPI, language: "eng" });
  assert.equal(oriented.orientation.rotationDegrees, 0);
  assert.equal(oriented.orientation.method, "recognition");
  assert.deepEqual(calls, { recognize: 1, detect: 0 });
  assert.equal(oriented.raster, image, "not resampled: no skew worth undoing");
  const direct = await engine.recognize(image, { language: "eng", dpi: DPI });
  assert.deepEqual(
    oriented.reading?.words.map((word) => word.text),
    direct.words.map((word) => word.text),
  );
});

it("reads upside-down and quarter-turned pages once, turned the way their ink stands, without OSD", async () => {
  for (const [file, rotation] of [
    ["phototest-rotated-180.png", 180],
    ["phototest-rotated-L.png", 90],
    ["phototest-rotated-R.png", 270],
  ] as const) {
    const image = await corpusImage(`tesseract-ocr-gt/${file}`);
    const { engine: counted, calls } = counting(engine);
    const oriented = await orientPage(image, counted, { dpi: DPI, language: "eng" });
    assert.equal(oriented.orientation.rotationDegrees, rotation, file);
    assert.equal(oriented.orientation.method, "recognition", file);
    assert.deepEqual(calls, { recognize: 1, detect: 0 }, file);
    assert.ok(oriented.raster.width > oriented.raster.height, `${file}: landscape once upright`);
    const words = oriented.reading?.words.map((word) => word.text).join(" ") ?? "";
    assert.match(words, /quick brown dog/, `${file}: the reading kept is of the turned page`);
  }
});

it("falls back to OSD when the first reading fails, and leaves the page it chose to be read", async () => {
  const image = await corpusImage("tesseract-ocr-gt/phototest-rotated-180.png");
  const { engine: counted, calls } = counting(engine);
  let first = true;
  const failingOnce = (turned: typeof image, turn: number) => {
    if (first) {
      first = false;
      return Promise.reject(new Error(`engine busy (turn ${turn})`));
    }
    return counted.recognize(turned, { language: "eng", dpi: DPI });
  };
  const oriented = await orientPage(image, counted, { dpi: DPI, language: "eng" }, failingOnce);
  assert.equal(oriented.orientation.rotationDegrees, 180);
  assert.notEqual(oriented.orientation.method, "recognition");
  assert.equal(oriented.reading, undefined);
  assert.ok(calls.detect + calls.recognize >= 1, "OSD or a comparison decided");
});

it("reads a slanted upright page straightened", async () => {
  const page = await syntheticPage(DPI);
  const slanted = rotateByDegrees(page.image, 2);
  const oriented = await orientPage(slanted, engine, { dpi: DPI, language: "eng" });
  assert.equal(oriented.orientation.rotationDegrees, 0);
  assert.ok(
    Math.abs(oriented.orientation.skewDegrees - 2) <= 0.3,
    `skew ${oriented.orientation.skewDegrees}`,
  );
  assert.notEqual(oriented.raster, slanted, "deskewed before reading");
  assert.ok(oriented.reading !== undefined && oriented.reading.words.length > 0);
});

it("leaves a blank page as it is without reading it", async () => {
  const blank = { width: 400, height: 300, gray: new Uint8Array(400 * 300).fill(250) };
  const { engine: counted, calls } = counting(engine);
  const oriented = await orientPage(blank, counted, { dpi: DPI, language: "eng" });
  assert.equal(oriented.orientation.method, "no-text");
  assert.equal(oriented.raster, blank);
  assert.deepEqual(calls, { recognize: 0, detect: 0 });
});
