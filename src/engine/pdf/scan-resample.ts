/**
 * Skia's resampling of a scanned image, as drawImage does it onto an @napi-rs/canvas: bilinear (edges
 * clamped; 4-bit weights truncated for a scale-only drawing, exact weights rounded for a quarter-turned
 * one) or nearest neighbour. The pixels are written straight to where they land on the page raster
 * (a ResampleTarget), so a scan drawn upright, flipped or quarter-turned costs one pass and no copy.
 */

import { LITTLE_ENDIAN } from "../document/byte-order.ts";
import type { GrayImage } from "../ocr/ocr-engine.ts";

/**
 * Where the resampled image's pixels go: pixel (row, column) of the resampled image to
 * `gray[base + row * rowStep + column * columnStep]`, for rows in [rows[0], rows[1]) and columns in
 * [columns[0], columns[1]) only (the others fall off the raster).
 */
export interface ResampleTarget {
  readonly gray: Uint8Array;
  readonly base: number;
  readonly rowStep: number;
  readonly columnStep: number;
  readonly rows: readonly [number, number];
  readonly columns: readonly [number, number];
}

/** Taps of a bilinear resample along one axis: sample centres map to sample centres. */
interface Taps<Weights> {
  readonly first: Int32Array;
  readonly second: Int32Array;
  /** The second tap's weight in sixteenths (truncated as Skia's scale-only sampler has it, or exact). */
  readonly weight: Weights;
}

function taps(from: number, to: number, exact: true): Taps<Float64Array>;
function taps(from: number, to: number, exact: false): Taps<Int32Array>;
function taps(from: number, to: number, exact: boolean): Taps<Float64Array | Int32Array> {
  const first = new Int32Array(to);
  const second = new Int32Array(to);
  const weight = exact ? new Float64Array(to) : new Int32Array(to);
  const ratio = from / to;
  for (let at = 0; at < to; at++) {
    const position = Math.min(Math.max((at + 0.5) * ratio - 0.5, 0), from - 1);
    const low = Math.floor(position);
    first[at] = low;
    second[at] = Math.min(low + 1, from - 1);
    weight[at] = exact ? (position - low) * 16 : Math.floor((position - low) * 16);
  }
  return { first, second, weight };
}

/** The whole of a `width` × `height` image, row after row. */
function wholeImage(gray: Uint8Array, width: number, height: number): ResampleTarget {
  return { gray, base: 0, rowStep: width, columnStep: 1, rows: [0, height], columns: [0, width] };
}

/** Resizes with Skia's bilinear filter, as drawImage with smoothing does. */
export function resampleBilinear(image: GrayImage, width: number, height: number, exact = false): GrayImage {
  if (width === image.width && height === image.height) return image;
  const gray = new Uint8Array(width * height);
  resampleBilinearInto(image, width, height, exact, wholeImage(gray, width, height));
  return { width, height, gray };
}

/**
 * Exactly half the size (even sides): each output pixel's taps are the 2 × 2 block under it at weight 8 of
 * 16 on both axes, so the bilinear sum is 64 × the block's sum: shifted right by 2 when truncated (scale-only
 * drawing), plus 2 first when rounded (exact weights, a quarter-turned one). The same values as the general
 * loops in about a third of their time (pdf.js draws a 600 DPI scan on a 300 DPI page this way).
 */
function halveInto(image: GrayImage, rounded: boolean, target: ResampleTarget): void {
  const source = image.gray;
  const stride = image.width;
  const bias = rounded ? 2 : 0;
  // The source as 32-bit words when every row starts on a word boundary (the rows' pixel pairs then do too).
  const words =
    LITTLE_ENDIAN && source.byteOffset % 4 === 0 && stride % 4 === 0
      ? new Uint32Array(source.buffer, source.byteOffset, source.length >> 2)
      : undefined;
  const { gray, base, rowStep, columnStep } = target;
  const [columnStart, columnEnd] = target.columns;
  for (let row = target.rows[0]; row < target.rows[1]; row++) {
    const upper = 2 * row * stride + 2 * columnStart;
    const out = base + row * rowStep + columnStart * columnStep;
    halveRow(source, words, upper, stride, gray, out, columnStep, columnEnd - columnStart, bias);
  }
}

/**
 * One output row of halveInto: `count` pixels, `step` apart from `out`, from the source rows starting at
 * `upper` and `upper + stride`. A function of its own, called per row, so V8 optimises it whole (a hot
 * inner loop inside the row loop is compiled on its own, on-stack, and thrown away at every row's end).
 * With the source as words and the row starting on one, two output pixels a step: a 32-bit load holds the
 * upper (or lower) half of two pixels' 2 × 2 blocks, and masking pairs its bytes into 16-bit lanes that
 * add without carrying into each other (at most 4 × 255 + 2): half the time of byte loads.
 */
function halveRow(
  source: Uint8Array,
  words: Uint32Array | undefined,
  upper: number,
  stride: number,
  gray: Uint8Array,
  out: number,
  step: number,
  count: number,
  bias: number,
): void {
  let at = 0;
  if (words !== undefined && (upper & 3) === 0) {
    const biases = bias * 0x10001;
    const below = stride >> 2;
    for (let word = upper >> 2; at + 1 < count; at += 2, word++, out += 2 * step) {
      const top = words[word]!;
      const bottom = words[word + below]!;
      const sums =
        (top & 0xff00ff) +
        ((top >>> 8) & 0xff00ff) +
        (bottom & 0xff00ff) +
        ((bottom >>> 8) & 0xff00ff) +
        biases;
      gray[out] = (sums & 0xffff) >> 2;
      gray[out + step] = sums >>> 18;
    }
    upper += 2 * at;
  }
  for (let lower = upper + stride; at < count; at++, out += step, upper += 2, lower += 2)
    gray[out] = (source[upper]! + source[upper + 1]! + source[lower]! + source[lower + 1]! + bias) >> 2;
}

/** Resizes with Skia's nearest-neighbour sampling (drawImage without smoothing). */
export function resampleNearest(image: GrayImage, width: number, height: number): GrayImage {
  if (width === image.width && height === image.height) return image;
  const gray = new Uint8Array(width * height);
  resampleNearestInto(image, width, height, wholeImage(gray, width, height));
  return { width, height, gray };
}

/** `image` resized to `width` × `height` with the bilinear filter into `target`. */
export function resampleBilinearInto(
  image: GrayImage,
  width: number,
  height: number,
  exact: boolean,
  target: ResampleTarget,
): void {
  if (width === image.width && height === image.height) {
    copyInto(image, target);
    return;
  }
  if (width * 2 === image.width && height * 2 === image.height) {
    halveInto(image, exact, target);
    return;
  }
  if (exact) {
    const columns = taps(image.width, width, true);
    const rows = taps(image.height, height, true);
    resampleExact(image, columns, rows, target);
  } else {
    const columns = taps(image.width, width, false);
    const rows = taps(image.height, height, false);
    resampleSixteenths(image, columns, rows, target);
  }
}

/** `image` resized with nearest-neighbour sampling into `target`. */
export function resampleNearestInto(
  image: GrayImage,
  width: number,
  height: number,
  target: ResampleTarget,
): void {
  const nearest = (from: number, to: number) =>
    Int32Array.from({ length: to }, (_, at) =>
      Math.min(Math.max(Math.ceil(((at + 0.5) * from) / to) - 1, 0), from - 1),
    );
  const columns = nearest(image.width, width);
  const rows = nearest(image.height, height);
  const { gray, base, rowStep, columnStep } = target;
  const [columnStart, columnEnd] = target.columns;
  for (let row = target.rows[0]; row < target.rows[1]; row++) {
    const source = rows[row]! * image.width;
    let out = base + row * rowStep + columnStart * columnStep;
    for (let column = columnStart; column < columnEnd; column++, out += columnStep)
      gray[out] = image.gray[source + columns[column]!]!;
  }
}

function copyInto(image: GrayImage, target: ResampleTarget): void {
  const { gray, base, rowStep, columnStep } = target;
  const [columnStart, columnEnd] = target.columns;
  for (let row = target.rows[0]; row < target.rows[1]; row++) {
    const source = row * image.width;
    let out = base + row * rowStep + columnStart * columnStep;
    if (columnStep === 1) gray.set(image.gray.subarray(source + columnStart, source + columnEnd), out);
    else
      for (let column = columnStart; column < columnEnd; column++, out += columnStep)
        gray[out] = image.gray[source + column]!;
  }
}

/**
 * Integer arithmetic throughout: 4-bit weights, the sum truncated. The filter is separable in exact
 * integers, so each source row is blended across once (at most 255 × 16, in 16 bits) and kept while
 * consecutive output rows use it, and output rows only blend two such rows down.
 */
function resampleSixteenths(
  image: GrayImage,
  columns: Taps<Int32Array>,
  rows: Taps<Int32Array>,
  target: ResampleTarget,
): void {
  const source = image.gray;
  const stride = image.width;
  const { first: x0s, second: x1s, weight: acrosses } = columns;
  const [columnStart, columnEnd] = target.columns;
  const blendAcross = (sourceRow: number, into: Uint16Array) => {
    const start = sourceRow * stride;
    for (let column = columnStart; column < columnEnd; column++) {
      const across = acrosses[column]!;
      into[column] = source[start + x0s[column]!]! * (16 - across) + source[start + x1s[column]!]! * across;
    }
  };
  const { gray, base, rowStep, columnStep } = target;
  // Two source rows blended across, by source row index (-1: none yet).
  let upperRow = -1;
  let lowerRow = -1;
  let upper = new Uint16Array(columns.first.length);
  let lower = new Uint16Array(columns.first.length);
  for (let row = target.rows[0]; row < target.rows[1]; row++) {
    const top = rows.first[row]!;
    const bottom = rows.second[row]!;
    if (top !== upperRow) {
      if (top === lowerRow) [upper, lower, lowerRow] = [lower, upper, -1];
      else blendAcross(top, upper);
      upperRow = top;
    }
    const down = rows.weight[row]!;
    const up = 16 - down;
    let out = base + row * rowStep + columnStart * columnStep;
    if (down === 0) {
      // (upper × 16) >> 8.
      for (let column = columnStart; column < columnEnd; column++, out += columnStep)
        gray[out] = upper[column]! >> 4;
      continue;
    }
    if (bottom !== lowerRow) {
      blendAcross(bottom, lower);
      lowerRow = bottom;
    }
    for (let column = columnStart; column < columnEnd; column++, out += columnStep)
      gray[out] = (upper[column]! * up + lower[column]! * down) >> 8;
  }
}

/**
 * Exact weights, rounded to the nearest level. Separable as well: each source row blended across is kept
 * (as the same floating-point sums the pixel-by-pixel formula makes) while consecutive output rows use it.
 * Kept apart from resampleSixteenths rather than shared: each loop works on one typed-array kind and
 * rounds its own way (truncated integers there, rounded floats here), which is what makes each exact.
 */
function resampleExact(
  image: GrayImage,
  columns: Taps<Float64Array>,
  rows: Taps<Float64Array>,
  target: ResampleTarget,
): void {
  const source = image.gray;
  const stride = image.width;
  const { first: x0s, second: x1s, weight: acrosses } = columns;
  const [columnStart, columnEnd] = target.columns;
  const blendAcross = (sourceRow: number, into: Float64Array) => {
    const start = sourceRow * stride;
    for (let column = columnStart; column < columnEnd; column++) {
      const across = acrosses[column]!;
      into[column] = source[start + x0s[column]!]! * (16 - across) + source[start + x1s[column]!]! * across;
    }
  };
  const { gray, base, rowStep, columnStep } = target;
  let upperRow = -1;
  let lowerRow = -1;
  let upper = new Float64Array(columns.first.length);
  let lower = new Float64Array(columns.first.length);
  for (let row = target.rows[0]; row < target.rows[1]; row++) {
    const top = rows.first[row]!;
    const bottom = rows.second[row]!;
    if (top !== upperRow) {
      if (top === lowerRow) [upper, lower, lowerRow] = [lower, upper, -1];
      else blendAcross(top, upper);
      upperRow = top;
    }
    if (bottom !== lowerRow) {
      if (bottom === upperRow) lower.set(upper);
      else blendAcross(bottom, lower);
      lowerRow = bottom;
    }
    const down = rows.weight[row]!;
    const up = 16 - down;
    let out = base + row * rowStep + columnStart * columnStep;
    for (let column = columnStart; column < columnEnd; column++, out += columnStep)
      gray[out] = (upper[column]! * up + lower[column]! * down + 128) >> 8;
  }
}
