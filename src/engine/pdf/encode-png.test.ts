/** PNG encoding of rasters: lossless, RGB when opaque, alpha kept when some pixel is not opaque. */
import assert from "node:assert/strict";
import { it } from "node:test";
import sharp from "sharp";
import { encodePng, encodePngWindow } from "./encode-png.ts";

function gradient(width: number, height: number, alpha: (x: number, y: number) => number): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      rgba.set([(x * 7) % 256, (y * 13) % 256, (x * y) % 256, alpha(x, y)], at);
    }
  return rgba;
}

async function decode(png: Uint8Array) {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8ClampedArray(data), info };
}

it("encodes an opaque raster as an RGB PNG with exactly the same pixels", async () => {
  const rgba = gradient(37, 23, () => 255);
  const png = encodePng(rgba, 37, 23);
  assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  assert.equal((await sharp(png).metadata()).channels, 3);
  const { data, info } = await decode(png);
  assert.deepEqual([info.width, info.height], [37, 23]);
  assert.deepEqual(data, rgba);
});

it("keeps the alpha channel when some pixel is not opaque", async () => {
  const rgba = gradient(16, 9, (x, y) => (x === 3 && y === 4 ? 0 : 255));
  const png = encodePng(rgba, 16, 9);
  assert.equal((await sharp(png).metadata()).channels, 4);
  assert.deepEqual((await decode(png)).data, rgba);
});

/** The window's pixels copied out, row by row (what a crop used to hand to encodePng). */
function copyWindow(
  rgba: Uint8ClampedArray,
  rasterWidth: number,
  left: number,
  top: number,
  width: number,
  height: number,
) {
  const out = new Uint8ClampedArray(width * height * 4);
  for (let row = 0; row < height; row++) {
    const from = ((top + row) * rasterWidth + left) * 4;
    out.set(rgba.subarray(from, from + width * 4), row * width * 4);
  }
  return out;
}

it("encodes a window of a larger raster in place: the very file encodePng writes for a copy of it", async () => {
  const raster = { rgba: gradient(40, 30, () => 255), width: 40, height: 30 };
  const window = { left: 7, top: 5, width: 21, height: 13 };
  const png = encodePngWindow(raster, window);
  assert.deepEqual(png, encodePng(copyWindow(raster.rgba, 40, 7, 5, 21, 13), 21, 13));
  assert.deepEqual((await decode(png)).data, copyWindow(raster.rgba, 40, 7, 5, 21, 13));
  // The whole raster as its own window is encodePng's file.
  assert.deepEqual(
    encodePngWindow(raster, { left: 0, top: 0, width: 40, height: 30 }),
    encodePng(raster.rgba, 40, 30),
  );
});

it("judges opacity inside the window only: RGB when the window is opaque, RGBA when a pixel in it is not", async () => {
  // One transparent pixel at (3, 4): outside the first window, inside the second.
  const raster = { rgba: gradient(20, 12, (x, y) => (x === 3 && y === 4 ? 0 : 255)), width: 20, height: 12 };
  const clear = encodePngWindow(raster, { left: 5, top: 2, width: 10, height: 8 });
  assert.equal((await sharp(clear).metadata()).channels, 3);
  assert.deepEqual(clear, encodePng(copyWindow(raster.rgba, 20, 5, 2, 10, 8), 10, 8));
  const holed = encodePngWindow(raster, { left: 2, top: 3, width: 6, height: 5 });
  assert.equal((await sharp(holed).metadata()).channels, 4);
  assert.deepEqual((await decode(holed)).data, copyWindow(raster.rgba, 20, 2, 3, 6, 5));
});

it("refuses a window that is not inside the raster", () => {
  const raster = { rgba: gradient(8, 8, () => 255), width: 8, height: 8 };
  assert.throws(() => encodePngWindow(raster, { left: 4, top: 0, width: 5, height: 8 }), RangeError);
  assert.throws(() => encodePngWindow(raster, { left: 0, top: -1, width: 8, height: 8 }), RangeError);
});
