/** Quarter turns, small rotations, downscaling and cropping of grey rasters. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { seededRandom } from "../test-support/seeded-random.ts";
import type { GrayImage } from "./ocr-engine.ts";
import { crop, downscale, rotateByDegrees, rotateQuarterTurns } from "./transform-raster.ts";

// 3 × 2:  1 2 3
//         4 5 6
const image: GrayImage = { width: 3, height: 2, gray: new Uint8Array([1, 2, 3, 4, 5, 6]) };

it("turns clockwise by quarter turns exactly", () => {
  const quarter = rotateQuarterTurns(image, 90);
  assert.deepEqual([quarter.width, quarter.height, ...quarter.gray], [2, 3, 4, 1, 5, 2, 6, 3]);
  const half = rotateQuarterTurns(image, 180);
  assert.deepEqual([...half.gray], [6, 5, 4, 3, 2, 1]);
  const threeQuarters = rotateQuarterTurns(image, 270);
  assert.deepEqual([threeQuarters.width, ...threeQuarters.gray], [2, 3, 6, 2, 5, 1, 4]);
  assert.deepEqual(rotateQuarterTurns(rotateQuarterTurns(quarter, 180), 90), image);
});

it("rotates by small angles about the centre, filling with white", () => {
  assert.equal(rotateByDegrees(image, 0), image);
  // A black dot right of centre moves down when turned clockwise (y grows downwards).
  const size = 41;
  const gray = new Uint8Array(size * size).fill(255);
  gray[20 * size + 35] = 0;
  const turned = rotateByDegrees({ width: size, height: size, gray }, 30);
  let darkest = { value: 256, x: 0, y: 0 };
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const value = turned.gray[y * size + x]!;
      if (value < darkest.value) darkest = { value, x, y };
    }
  // 15 px from the centre at 30°: (20 + 15 cos 30°, 20 + 15 sin 30°) ≈ (33, 27.5).
  assert.ok(Math.abs(darkest.x - 33) <= 1 && Math.abs(darkest.y - 27.5) <= 1, JSON.stringify(darkest));
  assert.equal(turned.gray[0], 255);
});

it("rotates every pixel as the bilinear formula says, inside the image and at its edges", () => {
  // The formula pixel by pixel: taps outside the image are white, a point beyond them all is white.
  const reference = (source: GrayImage, degrees: number) => {
    const { width, height, gray } = source;
    const radians = (degrees * Math.PI) / 180;
    const [cos, sin] = [Math.cos(radians), Math.sin(radians)];
    const out: number[] = [];
    for (let ty = 0; ty < height; ty++)
      for (let tx = 0; tx < width; tx++) {
        const dx = tx + 0.5 - width / 2;
        const dy = ty + 0.5 - height / 2;
        const x = dx * cos + dy * sin + width / 2 - 0.5;
        const y = -dx * sin + dy * cos + height / 2 - 0.5;
        const [x0, y0] = [Math.floor(x), Math.floor(y)];
        if (x0 < -1 || y0 < -1 || x0 >= width || y0 >= height) {
          out.push(255);
          continue;
        }
        const at = (px: number, py: number) =>
          px < 0 || py < 0 || px >= width || py >= height ? 255 : gray[py * width + px]!;
        const [fx, fy] = [x - x0, y - y0];
        const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
        const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
        out.push(Math.round(top * (1 - fy) + bottom * fy));
      }
    return out;
  };
  const random = seededRandom(7);
  for (const [width, height, degrees] of [
    [37, 23, 1.3],
    [40, 41, -0.7],
    [12, 30, 15],
    [25, 25, -44],
  ] as const) {
    const gray = Uint8Array.from({ length: width * height }, () => random(256));
    const turned = rotateByDegrees({ width, height, gray }, degrees);
    assert.deepEqual(
      [...turned.gray],
      reference({ width, height, gray }, degrees),
      `${width} × ${height}, ${degrees}°`,
    );
  }
});

it("downscales by averaging blocks and crops within bounds", () => {
  const small = downscale(
    { width: 4, height: 2, gray: new Uint8Array([0, 100, 200, 200, 100, 200, 0, 0]) },
    2,
  );
  assert.deepEqual([small.width, small.height, ...small.gray], [2, 1, 100, 100]);
  // By 2 on 5 × 3: the last column and row dropped, quarters of 2 rounded up (1 + 2 + 2 + 1 = 6 → 2).
  const halved = downscale(
    { width: 5, height: 3, gray: new Uint8Array([1, 2, 0, 0, 9, 2, 1, 0, 1, 9, 9, 9, 9, 9, 9]) },
    2,
  );
  assert.deepEqual([halved.width, halved.height, ...halved.gray], [2, 1, 2, 0]);
  // Factor 3 on 7 × 4: the last column and row are dropped; each mean rounded (half up).
  const wide = { width: 7, height: 4, gray: Uint8Array.from({ length: 28 }, (_, at) => (at % 7) * 10 + at) };
  const third = downscale(wide, 3);
  const mean = (x0: number) => {
    let sum = 0;
    for (let y = 0; y < 3; y++) for (let x = x0; x < x0 + 3; x++) sum += wide.gray[y * 7 + x]!;
    return Math.round(sum / 9);
  };
  assert.deepEqual([third.width, third.height, ...third.gray], [2, 1, mean(0), mean(3)]);
  assert.throws(() => downscale(image, 0), RangeError);
  const part = crop(image, { left: 1, top: -5, right: 9, bottom: 1 });
  assert.deepEqual([part.width, part.height, ...part.gray], [2, 1, 2, 3]);
});
