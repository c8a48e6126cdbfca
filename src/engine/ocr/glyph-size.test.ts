/** measureGlyphSize: letter height tracks the resolution text is drawn at; blank pages measure nothing. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { measureGlyphSize } from "./glyph-size.ts";
import { syntheticPage } from "./ocr-test-images.ts";

it("measures letters about three times taller at three times the resolution", async () => {
  const small = measureGlyphSize((await syntheticPage(100)).image);
  const large = measureGlyphSize((await syntheticPage(300)).image);
  assert.ok(small !== undefined && large !== undefined);
  // 16-pt Helvetica: x-height ~8 pt and caps ~11.5 pt; 100 DPI → roughly 11–16 px per letter.
  assert.ok(small.height >= 10 && small.height <= 17, `100 DPI: ${small.height} px`);
  const ratio = large.height / small.height;
  assert.ok(ratio > 2.6 && ratio < 3.4, `ratio ${ratio}`);
  assert.ok(small.glyphs >= 100, `${small.glyphs} glyphs`);
});

it("says nothing about a blank page or one without enough glyphs", () => {
  const width = 200;
  const height = 100;
  assert.equal(
    measureGlyphSize({ width, height, gray: new Uint8Array(width * height).fill(255) }),
    undefined,
  );
  // One black rectangle: a single component, not text.
  const gray = new Uint8Array(width * height).fill(255);
  for (let y = 20; y < 40; y++) for (let x = 20; x < 60; x++) gray[y * width + x] = 0;
  assert.equal(measureGlyphSize({ width, height, gray }), undefined);
});

it("joins diagonal neighbours into one component", () => {
  // 30 diagonal strokes 8 px tall, one pixel per row: each is one glyph only if diagonals connect.
  const width = 400;
  // Tall enough that 8 px is glyph-sized (components over an eighth of the height are not letters).
  const height = 100;
  const gray = new Uint8Array(width * height).fill(255);
  for (let stroke = 0; stroke < 30; stroke++)
    for (let step = 0; step < 8; step++) gray[(5 + step) * width + stroke * 12 + step] = 0;
  assert.deepEqual(measureGlyphSize({ width, height, gray }), { height: 8, glyphs: 30 });
});
