/** OCR pixels to page Words: scale, line-height boxes, baselines, quarter-turn frames. */
import assert from "node:assert/strict";
import { it } from "node:test";
import type { OcrResult } from "./ocr-engine.ts";
import { ocrWordsToPageWords } from "./ocr-words-to-page-words.ts";

// A 600 × 400 px image at 144 DPI (2 px per point): one line "Hello jumpy" and a stray word.
const result: OcrResult = {
  imageWidth: 600,
  imageHeight: 400,
  words: [
    { text: "Hello", box: { left: 100, top: 100, right: 200, bottom: 130 }, confidence: 0.9 },
    { text: "jumpy", box: { left: 220, top: 104, right: 330, bottom: 140 }, confidence: 0.8 },
    { text: "alone", box: { left: 400, top: 300, right: 480, bottom: 320 }, confidence: 0.5 },
  ],
  lines: [{ box: { left: 100, top: 100, right: 330, bottom: 140 }, firstWord: 0, wordCount: 2 }],
};

it("scales pixels to points and gives words their line's height, as font boxes have", () => {
  const [hello, jumpy, alone] = ocrWordsToPageWords(result, { scale: 2 });
  assert.deepEqual(hello?.box, { left: 50, top: 50, right: 100, bottom: 70 });
  assert.deepEqual(hello?.inkBox, { left: 50, top: 50, right: 100, bottom: 65 });
  assert.deepEqual(jumpy?.box, { left: 110, top: 50, right: 165, bottom: 70 });
  // The baseline is where words without descenders end ("Hello"), for "jumpy" too.
  assert.deepEqual(hello?.baseline, { x: 50, y: 65 });
  assert.deepEqual(jumpy?.baseline, { x: 110, y: 65 });
  assert.equal(hello?.fontSize, 20);
  assert.equal(hello?.angle, 0);
  assert.equal(hello?.confidence, 0.9);
  assert.equal(hello?.direction, "ltr");
  // Without a line: the word's own box, baseline at its bottom.
  assert.deepEqual(alone?.box, { left: 200, top: 150, right: 240, bottom: 160 });
  assert.deepEqual(alone?.baseline, { x: 200, y: 160 });
});

it("maps into a frame turned a quarter clockwise", () => {
  const [hello] = ocrWordsToPageWords(result, { scale: 2, rotationDegrees: 90 });
  // Turned 90° clockwise, the 600 × 400 frame becomes 400 × 600: (x, y) → (400 − y, x).
  assert.deepEqual(hello?.box, { left: 130, top: 50, right: 150, bottom: 100 });
  assert.deepEqual(hello?.baseline, { x: 135, y: 50 });
  assert.equal(hello?.angle, 90, "the text now runs downwards");
  const [upsideDown] = ocrWordsToPageWords(result, { scale: 2, rotationDegrees: 180 });
  assert.deepEqual(upsideDown?.box, { left: 200, top: 130, right: 250, bottom: 150 });
  assert.equal(upsideDown?.angle, 180);
  const [left] = ocrWordsToPageWords(result, { scale: 2, rotationDegrees: 270 });
  assert.equal(left?.angle, -90);
  assert.deepEqual(left?.box, { left: 50, top: 200, right: 70, bottom: 250 });
});

it("undoes a turn the engine applied itself", () => {
  const turned: OcrResult = { ...result, rotationDegrees: 90 };
  // The engine read the image turned 90°; asking for the frame turned 90° is the engine's own frame.
  assert.deepEqual(ocrWordsToPageWords(turned, { scale: 2, rotationDegrees: 90 })[0]?.box, {
    left: 50,
    top: 50,
    right: 100,
    bottom: 70,
  });
  assert.throws(() => ocrWordsToPageWords(result, { scale: 0 }), RangeError);
});
