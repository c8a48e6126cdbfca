/** Skia's resampling of a scanned image (the rest of drawing is covered by scan-page-raster.test.ts). */
import assert from "node:assert/strict";
import { it } from "node:test";
import {
  resampleBilinear,
  resampleBilinearInto,
  resampleNearest,
  resampleNearestInto,
} from "./scan-resample.ts";

/**
 * The filter pixel by pixel: taps clamped at the edges; 4-bit weights truncated and the sum truncated, or
 * (`exact`) exact weights and the sum rounded.
 */
function reference(gray: Uint8Array, from: [number, number], to: [number, number], exact = false): number[] {
  const tap = (at: number, source: number, target: number) => {
    const position = Math.min(Math.max(((at + 0.5) * source) / target - 0.5, 0), source - 1);
    const low = Math.floor(position);
    const weight = (position - low) * 16;
    return { low, high: Math.min(low + 1, source - 1), weight: exact ? weight : Math.floor(weight) };
  };
  const out: number[] = [];
  for (let y = 0; y < to[1]; y++) {
    const row = tap(y, from[1], to[1]);
    for (let x = 0; x < to[0]; x++) {
      const column = tap(x, from[0], to[0]);
      const at = (px: number, py: number) => gray[py * from[0] + px]!;
      const blend = (py: number) =>
        at(column.low, py) * (16 - column.weight) + at(column.high, py) * column.weight;
      out.push((blend(row.low) * (16 - row.weight) + blend(row.high) * row.weight + (exact ? 128 : 0)) >> 8);
    }
  }
  return out;
}

it("resamples as Skia's scale-only bilinear filter does, enlarging and shrinking", () => {
  const gray = Uint8Array.from({ length: 7 * 5 }, (_, at) => (at * 53 + 11) % 256);
  for (const size of [
    [11, 8],
    [3, 2],
    [7, 9],
    [13, 5],
    [1, 1],
  ] as const) {
    const resampled = resampleBilinear({ width: 7, height: 5, gray }, size[0], size[1]);
    assert.deepEqual([resampled.width, resampled.height], [...size]);
    assert.deepEqual([...resampled.gray], reference(gray, [7, 5], [...size]), `to ${size.join(" × ")}`);
  }
});

it("halves an image exactly as the bilinear filter does (the 2 × 2 shortcut), odd sides by the general loop", () => {
  const gray = Uint8Array.from({ length: 8 * 6 }, (_, at) => (at * 97 + 31) % 256);
  const halved = resampleBilinear({ width: 8, height: 6, gray }, 4, 3);
  assert.deepEqual([...halved.gray], reference(gray, [8, 6], [4, 3]));
  assert.equal(halved.gray[0], (gray[0]! + gray[1]! + gray[8]! + gray[9]!) >> 2);
  const odd = Uint8Array.from({ length: 9 * 7 }, (_, at) => (at * 89 + 7) % 256);
  assert.deepEqual(
    [...resampleBilinear({ width: 9, height: 7, gray: odd }, 5, 4).gray],
    reference(odd, [9, 7], [5, 4]),
  );
});

it("resamples with exact weights, rounded, as Skia does for a quarter-turned drawing", () => {
  const gray = Uint8Array.from({ length: 7 * 5 }, (_, at) => (at * 71 + 5) % 256);
  for (const size of [
    [11, 8],
    [3, 2],
    [7, 9],
    [13, 5],
  ] as const) {
    const resampled = resampleBilinear({ width: 7, height: 5, gray }, size[0], size[1], true);
    assert.deepEqual([...resampled.gray], reference(gray, [7, 5], [...size], true), `to ${size.join(" × ")}`);
  }
});

it("writes the resampled pixels straight to where they land: flipped, transposed, cut at the edges", () => {
  const image = {
    width: 9,
    height: 6,
    gray: Uint8Array.from({ length: 54 }, (_, at) => (at * 37 + 3) % 256),
  };
  const [width, height] = [7, 10];
  // Transposed and flipped both ways into a 12 × 8 raster (rows along x right to left, columns along y
  // bottom to top), the first row and last two columns off the raster.
  const rasterWidth = 12;
  const base = 10 * rasterWidth + 10;
  const target = (gray: Uint8Array) => ({
    gray,
    base,
    rowStep: -1,
    columnStep: -rasterWidth,
    rows: [1, height] as [number, number],
    columns: [0, width - 2] as [number, number],
  });
  for (const [kind, plain, into] of [
    [
      "bilinear",
      resampleBilinear(image, width, height),
      (gray: Uint8Array) => resampleBilinearInto(image, width, height, false, target(gray)),
    ],
    [
      "exact",
      resampleBilinear(image, width, height, true),
      (gray: Uint8Array) => resampleBilinearInto(image, width, height, true, target(gray)),
    ],
    [
      "nearest",
      resampleNearest(image, width, height),
      (gray: Uint8Array) => resampleNearestInto(image, width, height, target(gray)),
    ],
  ] as const) {
    const raster = new Uint8Array(rasterWidth * 11).fill(7);
    into(raster);
    const expected = new Uint8Array(rasterWidth * 11).fill(7);
    for (let row = 1; row < height; row++)
      for (let column = 0; column < width - 2; column++)
        expected[base - row - column * rasterWidth] = plain.gray[row * width + column]!;
    assert.deepEqual([...raster], [...expected], kind);
  }
});
