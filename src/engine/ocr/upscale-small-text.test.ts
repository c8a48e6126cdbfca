/** upscaleSmallText: small letters are enlarged to OCR size, normal ones left alone; OCR reads more. */
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { OcrEngine } from "./ocr-engine.ts";
import { ocrPage } from "./ocr-page.ts";
import {
  fastestOcrEngine,
  intersectionOverUnion,
  SYNTHETIC_LINES,
  syntheticPage,
} from "./ocr-test-images.ts";
import { upscaleFactor, upscaleSmallText } from "./upscale-small-text.ts";

let engine: OcrEngine;
before(async () => {
  engine = await fastestOcrEngine();
});
after(() => engine.close());

it("chooses a factor that brings small letters to about 32 px, within limits", () => {
  assert.equal(upscaleFactor(undefined, 800, 1000), 1, "no text measured");
  assert.equal(upscaleFactor(20, 800, 1000), 1, "already large enough");
  assert.equal(upscaleFactor(8, 754, 1000), 4);
  assert.equal(upscaleFactor(10, 754, 1000), 3);
  assert.equal(upscaleFactor(2, 754, 1000), 4, "at most 4×");
  assert.equal(upscaleFactor(11, 754, 1000), 2.75);
  // A huge image is enlarged only as far as the pixel budget allows.
  assert.ok(upscaleFactor(8, 4000, 4000) < 1.25 || upscaleFactor(8, 4000, 4000) === 1);
});

it("enlarges a low-resolution page and leaves a 300 DPI one alone", async () => {
  const low = await syntheticPage(50);
  const enlarged = await upscaleSmallText(low.image);
  assert.ok(enlarged.factor >= 2, `factor ${enlarged.factor}`);
  assert.equal(enlarged.image.width, Math.round(low.image.width * enlarged.factor));
  assert.equal(enlarged.image.gray.length, enlarged.image.width * enlarged.image.height);
  const normal = await syntheticPage(300);
  const same = await upscaleSmallText(normal.image);
  assert.equal(same.factor, 1);
  assert.equal(same.image, normal.image);
});

it("reads a 50 DPI page better enlarged, with words still in page points", async () => {
  const page = await syntheticPage(50);
  const options = { pageNumber: 1, dpi: page.dpi, scale: page.scale };
  const plain = await ocrPage(page.image, engine, options);
  const enlarged = await ocrPage(page.image, engine, { ...options, upscaleSmallText: true });
  const expected = SYNTHETIC_LINES.join(" ").split(" ");
  const correct = (words: readonly { text: string }[]) =>
    words.filter((word, index) => word.text === expected[index]).length;
  assert.ok(
    correct(enlarged.words) > correct(plain.words),
    `${correct(enlarged.words)} vs ${correct(plain.words)}`,
  );
  assert.ok(
    correct(enlarged.words) >= expected.length - 3,
    enlarged.words.map((word) => word.text).join(" "),
  );
  assert.ok(Math.abs(enlarged.width - page.width) < 1, "page size unchanged");
  const first = enlarged.words[0]!;
  assert.ok(intersectionOverUnion(first.box, page.words[0]!.box) > 0.5, JSON.stringify(first.box));
});
