import assert from "node:assert/strict";
import { it } from "node:test";
import { regionFromRaster } from "./raster-region.ts";

/** A 300 × 200 pixel raster of a 150 × 100 point page (144 DPI): white, with a black square at 100..140 px. */
function raster() {
  const width = 300;
  const height = 200;
  const gray = new Uint8Array(width * height).fill(255);
  for (let y = 100; y < 140; y++) for (let x = 100; x < 140; x++) gray[y * width + x] = 0;
  return { image: { width, height, gray }, scale: 2 };
}

it("gives the whole page at the raster's own resolution as it is, grey", async () => {
  const given = raster();
  const pixels = await regionFromRaster(given, { left: 0, top: 0, right: 150, bottom: 100 }, { dpi: 144 });
  assert.ok(pixels && "gray" in pixels);
  assert.deepEqual([pixels.width, pixels.height], [300, 200]);
  assert.equal(pixels.gray, given.image.gray, "no copy");
  assert.equal(pixels.gray[0], 255);
  assert.equal(pixels.gray[120 * 300 + 120], 0);
});

it("cuts a region and resamples it down to the resolution asked for", async () => {
  // The square (50..70 pt) within a 40 × 40 point region from (40, 40), at 72 DPI: 40 × 40 pixels.
  const pixels = await regionFromRaster(raster(), { left: 40, top: 40, right: 80, bottom: 80 }, { dpi: 72 });
  assert.ok(pixels && "gray" in pixels);
  assert.deepEqual([pixels.width, pixels.height], [40, 40]);
  const value = (x: number, y: number) => pixels.gray[y * 40 + x]!;
  assert.ok(value(20, 20) < 30, `inside the square: ${value(20, 20)}`);
  assert.ok(value(5, 5) > 225, `outside: ${value(5, 5)}`);
});

it("declines a region off the page or finer than the raster", async () => {
  assert.equal(
    await regionFromRaster(raster(), { left: 0, top: 0, right: 100, bottom: 150 }, { dpi: 72 }),
    undefined,
  );
  assert.equal(
    await regionFromRaster(raster(), { left: 0, top: 0, right: 150, bottom: 100 }, { dpi: 300 }),
    undefined,
  );
});
