/**
 * EarlyReading with the tesseract CLI: a reading taken for the raster it reads is the engine's reading of
 * it; one not taken is stopped (its process killed), leaving the one-at-a-time engine free at once.
 */
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { EarlyReading } from "./early-reading.ts";
import type { GrayImage } from "./ocr-engine.ts";
import { SYNTHETIC_LINES, syntheticPage } from "./ocr-test-images.ts";
import { TesseractCliOcrEngine } from "./tesseract-cli-ocr-engine.ts";

const engine = new TesseractCliOcrEngine({ concurrency: 1 });
const installed = await engine.isAvailable();
let page: GrayImage;
before(async () => {
  if (installed) page = (await syntheticPage(300)).image;
});
after(() => engine.close());
const options = { language: "eng", dpi: 300 } as const;

it("is started only with an engine that stops on abort", () => {
  assert.equal(EarlyReading.worthwhile(engine), true);
  const finishing = {
    name: "finishing",
    recognize: engine.recognize.bind(engine),
    close: async () => {},
  };
  assert.equal(EarlyReading.worthwhile(finishing), false);
});

it("hands over the engine's reading of the raster it reads, once, telling when it is reading", {
  skip: !installed,
}, async () => {
  const early = new EarlyReading(engine, page, options);
  const copy = { ...page, gray: new Uint8Array(page.gray) };
  assert.equal(early.take(copy), undefined, "another raster, even with the same pixels");
  let told = 0;
  const taken = early.take(page, () => told++);
  assert.ok(taken !== undefined);
  assert.equal(early.take(page), undefined, "once");
  early.stop(); // a taken reading is not stopped
  const reading = await taken;
  assert.equal(told, 1);
  assert.deepEqual(reading, await engine.recognize(page, options));
  assert.ok(reading.words.length >= SYNTHETIC_LINES.length);
});

it("stops a reading not taken, so the engine reads the next image at once", {
  skip: !installed,
}, async () => {
  const early = new EarlyReading(engine, page, options);
  const started = performance.now();
  const blank = { width: 200, height: 100, gray: new Uint8Array(200 * 100).fill(255) };
  // The wrapper stops the early reading before its own use of the engine.
  const other = await early.stopping(engine).recognize(blank, options);
  assert.deepEqual(other.words, []);
  assert.equal(early.take(page), undefined);
  // Well under a reading of the page (~0.5 s on this machine): the early one did not run to its end.
  const alone = performance.now();
  await engine.recognize(page, options);
  const pageTime = performance.now() - alone;
  assert.ok(
    alone - started < pageTime,
    `${(alone - started).toFixed(0)} ms vs a page read in ${pageTime.toFixed(0)} ms`,
  );
});
