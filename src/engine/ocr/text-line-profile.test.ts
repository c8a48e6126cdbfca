/** Projection profiles: line direction and skew on drawn "text" (bars of ink in lines), and on nothing. */
import assert from "node:assert/strict";
import { it } from "node:test";
import type { GrayImage } from "./ocr-engine.ts";
import {
  findLineAxis,
  findSkew,
  grayHistogram,
  grayRange,
  inkPoints,
  otsuLevel,
  otsuThreshold,
  profileSharpness,
} from "./text-line-profile.ts";
import { rotateByDegrees, rotateQuarterTurns } from "./transform-raster.ts";

/** 600 × 400 px with 12 lines of word-like bars (8 px tall, 24 px apart), lines of varying length. */
function barsPage(): GrayImage {
  const width = 600;
  const height = 400;
  const gray = new Uint8Array(width * height).fill(255);
  for (let line = 0; line < 12; line++) {
    const top = 60 + line * 24;
    const end = 540 - (line % 3) * 70;
    for (let x = 60; x < end; x++) {
      // Words of 20–44 px separated by 8 px gaps.
      if ((x - 60) % (28 + ((line * 7) % 17)) >= 20 + ((line * 7) % 17)) continue;
      for (let y = top; y < top + 8; y++) gray[y * width + x] = 20;
    }
  }
  return { width, height, gray };
}

it("splits ink from paper with Otsu's threshold", () => {
  const threshold = otsuThreshold(barsPage());
  assert.ok(threshold >= 20 && threshold < 255, `threshold ${threshold}`);
  assert.equal(inkPoints({ width: 10, height: 10, gray: new Uint8Array(100).fill(255) }).count, 0);
  assert.equal(inkPoints({ width: 10, height: 10, gray: new Uint8Array(100).fill(240) }).count, 0);
  const sampled = inkPoints(barsPage(), 1000);
  assert.ok(sampled.count <= 1000 && sampled.count > 900, `sampled ${sampled.count}`);
});

it("reads the grey range and Otsu's level off a histogram", () => {
  const histogram = grayHistogram({ width: 4, height: 1, gray: new Uint8Array([30, 40, 200, 210]) });
  assert.deepEqual(grayRange(histogram), { darkest: 30, lightest: 210 });
  assert.deepEqual(grayRange(new Uint32Array(256)), { darkest: 255, lightest: 0 });
  const level = otsuLevel(histogram);
  assert.ok(level >= 40 && level < 200, `level ${level}`);
  assert.equal(otsuThreshold(barsPage()), otsuLevel(grayHistogram(barsPage())));
});

it("tells lines that run across from lines that run down", () => {
  const page = barsPage();
  const across = findLineAxis(inkPoints(page));
  assert.equal(across.axis, "horizontal");
  assert.ok(across.horizontalScore > across.verticalScore * 1.5, JSON.stringify(across));
  assert.equal(findLineAxis(inkPoints(rotateQuarterTurns(page, 90))).axis, "vertical");
  assert.equal(findLineAxis(inkPoints(rotateQuarterTurns(page, 270))).axis, "vertical");
  assert.equal(
    findLineAxis(inkPoints({ width: 50, height: 50, gray: new Uint8Array(2500).fill(255) })).axis,
    "unknown",
  );
});

it("measures the skew of slanted lines, both ways", () => {
  const page = barsPage();
  assert.equal(findSkew(inkPoints(page)).degrees, 0);
  for (const degrees of [2.5, -1.2, 6]) {
    const found = findSkew(inkPoints(rotateByDegrees(page, degrees))).degrees;
    assert.ok(Math.abs(found - degrees) <= 0.15, `${degrees}° found as ${found}°`);
  }
  const points = inkPoints(page);
  assert.ok(profileSharpness(points, 0) > profileSharpness(points, 3), "the true angle is the sharpest");
});

it("reports no skew where there are no lines", () => {
  // A checkerboard of 10 px squares has no text lines to align.
  const size = 200;
  const gray = new Uint8Array(size * size);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++)
      gray[y * size + x] = (Math.floor(x / 10) + Math.floor(y / 10)) % 2 === 0 ? 0 : 255;
  const finding = findSkew(inkPoints({ width: size, height: size, gray }));
  assert.equal(finding.degrees, 0);
});
