/** PNG encoding of rasters: lossless, RGB when opaque, alpha kept when some pixel is not opaque. */
import assert from "node:assert/strict";
import { it } from "node:test";
import sharp from "sharp";
import { encodePng } from "./encode-png.ts";

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
