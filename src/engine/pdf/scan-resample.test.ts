/** Skia's resampling of a scanned image (the rest of drawing is covered by scan-page-raster.test.ts). */
import assert from "node:assert/strict";
import { it } from "node:test";
import { seededRandom } from "../test-support/seeded-random.ts";
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
  // Exact weights round the block's mean rather than truncate it.
  const exact = resampleBilinear({ width: 8, height: 6, gray }, 4, 3, true);
  assert.deepEqual([...exact.gray], reference(gray, [8, 6], [4, 3], true));
  assert.equal(exact.gray[0], (gray[0]! + gray[1]! + gray[8]! + gray[9]! + 2) >> 2);
  assert.notDeepEqual([...exact.gray], [...halved.gray]);
  const odd = Uint8Array.from({ length: 9 * 7 }, (_, at) => (at * 89 + 7) % 256);
  assert.deepEqual(
    [...resampleBilinear({ width: 9, height: 7, gray: odd }, 5, 4).gray],
    reference(odd, [9, 7], [5, 4]),
  );
});

it("halves any size, start and alignment the same as the filter does, word by word or byte by byte", () => {
  const random = seededRandom(12345);
  for (let trial = 0; trial < 60; trial++) {
    const width = 2 * (1 + random(12));
    const height = 2 * (1 + random(6));
    // Some sources start off a word boundary inside their buffer (a subarray), as decoded samples may.
    const offset = random(4);
    const buffer = Uint8Array.from({ length: width * height + offset }, () => random(256));
    const gray = buffer.subarray(offset);
    const image = { width, height, gray };
    for (const exact of [false, true]) {
      const halved = resampleBilinear(image, width / 2, height / 2, exact);
      assert.deepEqual([...halved.gray], reference(gray, [width, height], [width / 2, height / 2], exact));
      // Into a raster one pixel wider, from an odd column on: the rows' word alignment varies.
      const columnStart = random(width / 2);
      const raster = new Uint8Array((width / 2 + 1) * (height / 2)).fill(7);
      const target = {
        gray: raster,
        base: 1,
        rowStep: width / 2 + 1,
        columnStep: 1,
        rows: [0, height / 2] as [number, number],
        columns: [columnStart, width / 2] as [number, number],
      };
      resampleBilinearInto(image, width / 2, height / 2, exact, target);
      for (let row = 0; row < height / 2; row++)
        for (let column = 0; column < width / 2; column++)
          assert.equal(
            raster[1 + row * (width / 2 + 1) + column],
            column < columnStart ? 7 : halved.gray[row * (width / 2) + column],
            `${width} × ${height} +${offset}, from column ${columnStart}, exact ${exact}: (${row}, ${column})`,
          );
    }
  }
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

for (const [label, image, [width, height]] of [
  [
    "enlarged",
    { width: 9, height: 6, gray: Uint8Array.from({ length: 54 }, (_, at) => (at * 37 + 3) % 256) },
    [7, 10],
  ],
  [
    "halved",
    { width: 14, height: 20, gray: Uint8Array.from({ length: 280 }, (_, at) => (at * 37 + 3) % 256) },
    [7, 10],
  ],
] as const)
  it(`writes the resampled pixels straight to where they land: flipped, transposed, cut at the edges (${label})`, () => {
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
