import assert from "node:assert/strict";
import { it } from "node:test";
import { inkBox, tightenToInk } from "./ink-box.ts";
import type { GrayImage, OcrResult } from "./ocr-engine.ts";

/** A white 40 × 20 image with black ink at x 10..15, y 5..12 (exclusive ends). */
function page(): GrayImage {
  const width = 40;
  const gray = new Uint8Array(width * 20).fill(255);
  for (let y = 5; y < 12; y++) for (let x = 10; x < 15; x++) gray[y * width + x] = 0;
  return { width, height: 20, gray };
}

function result(box: OcrResult["words"][number]["box"], extra: Partial<OcrResult> = {}): OcrResult {
  return { imageWidth: 40, imageHeight: 20, words: [{ text: "a", box, confidence: 0.9 }], ...extra };
}

it("shrinks a word box that spans its line's height to the ink inside it", () => {
  const tightened = tightenToInk(result({ left: 8, top: 0, right: 18, bottom: 20 }), page());
  assert.deepEqual(tightened.words[0]!.box, { left: 10, top: 5, right: 15, bottom: 12 });
});

it("never grows a box and leaves boxes without ink as they are", () => {
  assert.deepEqual(inkBox(page(), { left: 12, top: 6, right: 30, bottom: 8 }, 128), {
    left: 12,
    top: 6,
    right: 15,
    bottom: 8,
  });
  const empty = { left: 20, top: 0, right: 30, bottom: 20 };
  assert.deepEqual(tightenToInk(result(empty), page()).words[0]!.box, empty);
});

it("leaves boxes alone when the engine read a turned image (another frame)", () => {
  const turned = result({ left: 8, top: 0, right: 18, bottom: 20 }, { rotationDegrees: 90 });
  assert.equal(tightenToInk(turned, page()), turned);
});

it("cuts a box that runs on over the next word of its line where that word starts", () => {
  // Ink at x 10..15 (the word) and, for the next word, x 20..25: the first box claims both.
  const image = page();
  for (let y = 5; y < 12; y++) for (let x = 20; x < 25; x++) image.gray[y * image.width + x] = 0;
  const words = [
    { text: "a", box: { left: 10, top: 0, right: 25, bottom: 20 }, confidence: 0.9 },
    { text: "b", box: { left: 20, top: 0, right: 25, bottom: 20 }, confidence: 0.9 },
  ];
  const lines = [{ box: { left: 10, top: 0, right: 25, bottom: 20 }, firstWord: 0, wordCount: 2 }];
  const tightened = tightenToInk({ imageWidth: 40, imageHeight: 20, words, lines }, image);
  assert.deepEqual(
    tightened.words.map((word) => word.box),
    [
      { left: 10, top: 5, right: 15, bottom: 12 },
      { left: 20, top: 5, right: 25, bottom: 12 },
    ],
  );
});
