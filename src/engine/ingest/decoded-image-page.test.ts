import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { it } from "node:test";
import sharp, { type Sharp } from "sharp";
import { rgbaToGray } from "../ocr/raster.ts";
import { decodeImagePage, grayOfPage } from "./decoded-image-page.ts";

const PHOTOTEST = "../shared/corpus/tesseract-ocr-gt/phototest.tif";
const LIMIT = 100_000_000;

/** A small image with every kind of pixel: gradients in each band, and (with alpha) every opacity. */
async function sample(channels: 1 | 2 | 3 | 4): Promise<Sharp> {
  const width = 64;
  const height = 48;
  const data = Buffer.alloc(width * height * channels);
  for (let at = 0; at < width * height; at++)
    for (let band = 0; band < channels; band++)
      data[at * channels + band] = (at * (band * 37 + 11) + band * 90) % 256;
  const image = sharp(data, { raw: { width, height, channels } });
  // Written as grey files (sharp would otherwise widen one band to sRGB on output).
  return channels <= 2 ? image.toColourspace("b-w") : image;
}

/** What the source did before: RGBA from sharp, then rgbaToGray. */
async function reference(bytes: Uint8Array) {
  const { data, info } = await sharp(bytes)
    .rotate()
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const rgba = new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength);
  return { gray: rgbaToGray({ width: info.width, height: info.height, rgba }).gray };
}

it("keeps a grey page in one band and a colour one in three, with the grey levels of sharp's RGBA", async () => {
  const files: Array<[string, Buffer, number]> = [
    ["bilevel TIFF", await readFile(PHOTOTEST), 1],
    ["grey PNG", await (await sample(1)).png().toBuffer(), 1],
    ["16-bit grey PNG", await (await sample(1)).toColourspace("grey16").png().toBuffer(), 1],
    ["grey PNG with alpha", await (await sample(2)).png().toBuffer(), 4],
    ["colour PNG", await (await sample(3)).png().toBuffer(), 3],
    ["palette PNG", await (await sample(3)).png({ palette: true }).toBuffer(), 3],
    ["colour PNG with alpha", await (await sample(4)).png().toBuffer(), 4],
    ["colour JPEG", await (await sample(3)).jpeg({ quality: 90 }).toBuffer(), 3],
    ["grey JPEG", await (await sample(1)).jpeg({ quality: 90 }).toBuffer(), 1],
  ];
  for (const [label, file, channels] of files) {
    const bytes = new Uint8Array(file);
    const page = await decodeImagePage(bytes, 1, LIMIT);
    const expected = await reference(bytes);
    assert.equal(page.channels, channels, label);
    assert.deepEqual(grayOfPage(page).gray, expected.gray, `${label}: grey`);
  }
});

it("uses a grey page's band as its raster, without a copy", async () => {
  const page = await decodeImagePage(new Uint8Array(await readFile(PHOTOTEST)), 1, LIMIT);
  assert.equal(grayOfPage(page).gray, page.data);
  assert.deepEqual([page.width, page.height], [640, 480]);
});

it("turns a page upright by its EXIF orientation, and refuses more pixels than the limit", async () => {
  const upright = await (await sample(3)).png().toBuffer();
  // Orientation 6: stored turned 90° anticlockwise, to be turned clockwise for viewing.
  const stored = await sharp(upright).rotate(-90).png().withMetadata({ orientation: 6 }).toBuffer();
  const page = await decodeImagePage(new Uint8Array(stored), 1, LIMIT);
  assert.deepEqual([page.width, page.height], [64, 48]);
  assert.deepEqual(grayOfPage(page).gray, (await reference(new Uint8Array(upright))).gray);
  await assert.rejects(decodeImagePage(new Uint8Array(upright), 1, 1000), /pixel limit/i);
});
