/** Skia's bilinear resample of a scanned image (the rest of drawing is covered by scan-page-raster.test.ts). */
import assert from "node:assert/strict";
import { it } from "node:test";
import { resampleBilinear } from "./draw-scan-image.ts";

/** The filter pixel by pixel: taps clamped at the edges, 4-bit weights truncated, the sum truncated. */
function reference(gray: Uint8Array, from: [number, number], to: [number, number]): number[] {
  const tap = (at: number, source: number, target: number) => {
    const position = Math.min(Math.max(((at + 0.5) * source) / target - 0.5, 0), source - 1);
    const low = Math.floor(position);
    return { low, high: Math.min(low + 1, source - 1), weight: Math.floor((position - low) * 16) };
  };
  const out: number[] = [];
  for (let y = 0; y < to[1]; y++) {
    const row = tap(y, from[1], to[1]);
    for (let x = 0; x < to[0]; x++) {
      const column = tap(x, from[0], to[0]);
      const at = (px: number, py: number) => gray[py * from[0] + px]!;
      const blend = (py: number) =>
        at(column.low, py) * (16 - column.weight) + at(column.high, py) * column.weight;
      out.push((blend(row.low) * (16 - row.weight) + blend(row.high) * row.weight) >> 8);
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
