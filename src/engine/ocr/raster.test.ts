/** Raster conversions: RGBA to grey over white, PGM encoding, decoding image files. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { createCanvas } from "@napi-rs/canvas";
import { rgbaPixels } from "../document/sharp-pixels.ts";
import {
  decodeImageFile,
  encodeForTesseract,
  encodePgm,
  pgmHeader,
  rgbaToGray,
  toGrayImage,
} from "./raster.ts";

it("converts RGBA to grey, treating transparency as white paper", () => {
  const rgba = new Uint8ClampedArray([0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 0, 255, 0, 0, 255]);
  const { gray } = rgbaToGray({ width: 2, height: 2, rgba });
  assert.deepEqual([...gray], [0, 255, 255, 76]);
  // Half-transparent black over white is mid grey.
  assert.deepEqual(
    [...rgbaToGray({ width: 1, height: 1, rgba: new Uint8ClampedArray([0, 0, 0, 128]) }).gray],
    [127],
  );
  assert.throws(() => rgbaToGray({ width: 3, height: 2, rgba }), RangeError);
  // All opaque (the one-pass path): grey as it is, colour as BT.601 luma.
  const opaque = new Uint8ClampedArray([90, 90, 90, 255, 255, 0, 0, 255, 0, 255, 0, 255, 10, 20, 200, 255]);
  assert.deepEqual([...rgbaToGray({ width: 4, height: 1, rgba: opaque }).gray], [90, 76, 149, 37]);
});

it("converts RGBA at any byte offset alike (a pixel a word when aligned, byte by byte otherwise)", () => {
  const bytes = new Uint8Array(1 + 3 * 2 * 4);
  for (let at = 0; at < bytes.length; at++) bytes[at] = (at * 89 + 7) % 256;
  const misaligned = bytes.subarray(1);
  const aligned = new Uint8Array(misaligned);
  const expected = [];
  for (let at = 0; at < aligned.length; at += 4) {
    const luma = (aligned[at]! * 77 + aligned[at + 1]! * 150 + aligned[at + 2]! * 29) >> 8;
    const alpha = aligned[at + 3]!;
    expected.push(alpha === 255 ? luma : 255 - ((((255 - luma) * alpha + 127) / 255) | 0));
  }
  assert.deepEqual([...rgbaToGray({ width: 3, height: 2, rgba: aligned }).gray], expected);
  assert.deepEqual([...rgbaToGray({ width: 3, height: 2, rgba: misaligned }).gray], expected);
});

it("encodes binary PGM with the pixels as they are", () => {
  const image = { width: 2, height: 1, gray: new Uint8Array([7, 200]) };
  const bytes = encodePgm(image);
  assert.equal(new TextDecoder().decode(bytes.subarray(0, 11)), "P5\n2 1\n255\n");
  assert.deepEqual([...bytes.subarray(11)], [7, 200]);
  assert.deepEqual([...pgmHeader(image), ...image.gray], [...bytes]);
});

it("turns grey into opaque RGBA and back: grey pixels are their own luma", () => {
  const gray = Uint8Array.from({ length: 256 * 3 }, (_, at) => (at * 37) % 256);
  const rgba = rgbaPixels({ width: 256, height: 3, gray });
  assert.deepEqual([...rgba.rgba.subarray(4 * 5, 4 * 6)], [gray[5], gray[5], gray[5], 255]);
  assert.deepEqual(rgbaToGray(rgba).gray, gray);
  // Grey but not opaque, and colour: composited and weighted as before.
  const mixed = new Uint8ClampedArray([100, 100, 100, 0, 100, 100, 101, 255, 0, 0, 0, 128, 9, 9, 9, 255]);
  assert.deepEqual([...rgbaToGray({ width: 4, height: 1, rgba: mixed }).gray], [255, 100, 127, 9]);
});

it("decodes a PNG, and always hands tesseract a PGM", async () => {
  const canvas = createCanvas(4, 3);
  const context = canvas.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, 4, 3);
  context.fillStyle = "#000000";
  context.fillRect(1, 1, 1, 1);
  const png = new Uint8Array(await canvas.encode("png"));
  const decoded = await decodeImageFile(png);
  assert.equal(decoded.width, 4);
  assert.equal(decoded.height, 3);
  const gray = await toGrayImage({ png });
  assert.equal(gray.gray[1 * 4 + 1], 0);
  assert.equal(gray.gray[0], 255);
  const encoded = await encodeForTesseract({ png });
  assert.deepEqual([encoded.width, encoded.height], [4, 3]);
  assert.equal(new TextDecoder().decode(encoded.bytes.subarray(0, 2)), "P5");
  await assert.rejects(decodeImageFile(new Uint8Array([1, 2, 3])));
});
