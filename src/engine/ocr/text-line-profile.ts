/**
 * Projection-profile analysis of a page raster, without OCR: whether text lines run across (horizontal)
 * or down (vertical, a page turned a quarter) and the small skew angle of the lines. Ink projected across
 * the lines alternates between dense rows and empty gaps; projected along them it is nearly uniform.
 */
import type { GrayImage } from "./ocr-engine.ts";

/** Coordinates (pixels) of the ink pixels of an image, possibly a regular sample of them. */
export interface InkPoints {
  readonly xs: Float32Array;
  readonly ys: Float32Array;
  readonly count: number;
}

export type LineAxis = "horizontal" | "vertical" | "unknown";

export interface LineAxisFinding {
  readonly axis: LineAxis;
  /** Profile sharpness across rows and across columns at their best angle (1 = uniform, no lines). */
  readonly horizontalScore: number;
  readonly verticalScore: number;
}

export interface SkewFinding {
  /** Clockwise slant of horizontal text lines in degrees (positive: lines descend to the right). */
  readonly degrees: number;
  /** Sharpness at that angle; near 1 means no line structure, and the angle means nothing. */
  readonly score: number;
}

// Enough points for a stable profile; more only costs time (the search projects every point ~40 times).
const MAX_POINTS = 150_000;
// One axis must beat the other by this factor to be believed (measured on the corpus's scans: 1.26–3.0
// where a view was right; wrong calls never passed it).
const AXIS_MARGIN = 1.25;
// A tile with less ink than this says little about line direction (a stray mark, a page number).
const MIN_TILE_POINTS = 200;
// Sharpness below this is no text-line structure at all (blank pages, photos).
const MIN_LINE_SCORE = 1.15;

// Darkest and lightest levels closer than this hold no ink: faint specks on white, a uniform image.
const MIN_INK_CONTRAST = 64;

/**
 * The grey level at or below which a pixel is ink (Otsu's threshold), or undefined when the image has too
 * little contrast to hold any.
 */
export function inkLevel(histogram: Uint32Array): number | undefined {
  const { lightest, darkest } = grayRange(histogram);
  return lightest - darkest < MIN_INK_CONTRAST ? undefined : otsuLevel(histogram);
}

/** Otsu's threshold: the grey level that best splits the histogram into ink and background. */
export function otsuThreshold(image: GrayImage): number {
  return otsuLevel(grayHistogram(image));
}

/** Pixels at each grey level. */
export function grayHistogram(image: GrayImage): Uint32Array {
  // Indexed loop and integer counts: a for-of over a page's typed array costs ~5× as much. Four pixels a
  // load, counted in four tables, so consecutive counts seldom wait on the same table entry.
  const histogram = new Uint32Array(256);
  const second = new Uint32Array(256);
  const third = new Uint32Array(256);
  const fourth = new Uint32Array(256);
  const gray = image.gray;
  let at = 0;
  while (at < gray.length && (gray.byteOffset + at) % 4 !== 0) histogram[gray[at++]!]!++;
  // Which byte of a word is which pixel does not matter to counts.
  const words = new Uint32Array(gray.buffer, gray.byteOffset + at, (gray.length - at) >> 2);
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    histogram[word & 255]!++;
    second[(word >>> 8) & 255]!++;
    third[(word >>> 16) & 255]!++;
    fourth[word >>> 24]!++;
  }
  at += words.length * 4;
  for (; at < gray.length; at++) histogram[gray[at]!]!++;
  for (let level = 0; level < 256; level++)
    histogram[level]! += second[level]! + third[level]! + fourth[level]!;
  return histogram;
}

/** The darkest and lightest grey levels present; [255, 0] for no pixels. */
export function grayRange(histogram: Uint32Array): { readonly darkest: number; readonly lightest: number } {
  let darkest = 0;
  while (darkest < 256 && histogram[darkest] === 0) darkest++;
  let lightest = 255;
  while (lightest >= 0 && histogram[lightest] === 0) lightest--;
  return darkest === 256 ? { darkest: 255, lightest: 0 } : { darkest, lightest };
}

/** otsuThreshold of an image with this histogram. */
export function otsuLevel(histogram: Uint32Array): number {
  let total = 0;
  for (let level = 0; level < 256; level++) total += histogram[level]!;
  let sum = 0;
  for (let level = 0; level < 256; level++) sum += level * histogram[level]!;
  let backgroundWeight = 0;
  let backgroundSum = 0;
  let best = -1;
  let threshold = 127;
  for (let level = 0; level < 256; level++) {
    backgroundWeight += histogram[level]!;
    if (backgroundWeight === 0) continue;
    const foregroundWeight = total - backgroundWeight;
    if (foregroundWeight === 0) break;
    backgroundSum += level * histogram[level]!;
    const meanDark = backgroundSum / backgroundWeight;
    const meanLight = (sum - backgroundSum) / foregroundWeight;
    const between = backgroundWeight * foregroundWeight * (meanDark - meanLight) ** 2;
    if (between > best) {
      best = between;
      threshold = level;
    }
  }
  return threshold;
}

/**
 * The ink pixels (at or below the Otsu level), sampled evenly down to `maxPoints`. A uniform image has
 * none: a threshold splitting a single grey level would make every pixel ink.
 */
export function inkPoints(image: GrayImage, maxPoints = MAX_POINTS): InkPoints {
  const histogram = grayHistogram(image);
  const threshold = inkLevel(histogram) ?? -1;
  let inkCount = 0;
  for (let level = 0; level <= threshold; level++) inkCount += histogram[level]!;
  const stride = Math.max(1, Math.ceil(inkCount / maxPoints));
  const capacity = Math.ceil(inkCount / stride);
  const xs = new Float32Array(capacity);
  const ys = new Float32Array(capacity);
  let seen = 0;
  let count = 0;
  if (inkCount > 0)
    for (let y = 0; y < image.height; y++) {
      const row = y * image.width;
      for (let x = 0; x < image.width; x++) {
        if (image.gray[row + x]! > threshold) continue;
        if (seen++ % stride !== 0 || count >= capacity) continue;
        xs[count] = x;
        ys[count] = y;
        count++;
      }
    }
  return { xs, ys, count };
}

/**
 * How line-like the ink is when projected across lines slanted by `degrees` clockwise: the projection's
 * mean square over its extent, relative to a uniform spread (1). With `vertical`, lines run downwards
 * (x and y swap roles).
 */
export function profileSharpness(points: InkPoints, degrees: number, vertical = false): number {
  if (points.count === 0) return 0;
  const radians = (degrees * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const along = vertical ? points.ys : points.xs;
  const across = vertical ? points.xs : points.ys;
  const positions = new Float32Array(points.count);
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < points.count; index++) {
    // Distance along the normal of a line with direction (cos, sin): constant for points of one line.
    const position = across[index]! * cos - along[index]! * sin;
    positions[index] = position;
    if (position < low) low = position;
    if (position > high) high = position;
  }
  const bins = new Float64Array(Math.floor(high - low) + 1);
  // Indexed loops: for-of over typed arrays costs several times as much.
  for (let index = 0; index < positions.length; index++) bins[Math.floor(positions[index]! - low)]!++;
  let squares = 0;
  for (let bin = 0; bin < bins.length; bin++) squares += bins[bin]! * bins[bin]!;
  return (bins.length * squares) / (points.count * points.count);
}

/**
 * The best angle in [-maxDegrees, maxDegrees]: a scan in `step` degrees, then (with `refine`) a finer one
 * around its peak.
 */
function bestAngle(
  points: InkPoints,
  maxDegrees: number,
  vertical: boolean,
  step = 0.5,
  refine = true,
): SkewFinding {
  let best: SkewFinding = { degrees: 0, score: profileSharpness(points, 0, vertical) };
  const consider = (degrees: number) => {
    const score = profileSharpness(points, degrees, vertical);
    // Ties go to the smaller angle, so uniform ink does not invent a slant.
    if (score > best.score * 1.000001) best = { degrees, score };
  };
  for (let degrees = -maxDegrees; degrees <= maxDegrees + 1e-9; degrees += step) consider(degrees);
  if (refine) {
    const coarse = best.degrees;
    for (let offset = -0.45; offset <= 0.45 + 1e-9; offset += 0.05) consider(coarse + offset);
  }
  return { degrees: Math.round(best.degrees * 100) / 100, score: best.score };
}

/** The points split into square tiles `size` pixels wide; tiles with too few points are left out. */
function tiles(points: InkPoints, size: number): InkPoints[] {
  const key = (index: number) =>
    Math.floor(points.ys[index]! / size) * 1_000_003 + Math.floor(points.xs[index]! / size);
  const counts = new Map<number, number>();
  for (let index = 0; index < points.count; index++)
    counts.set(key(index), (counts.get(key(index)) ?? 0) + 1);
  const groups = new Map<number, { xs: Float32Array; ys: Float32Array; count: number }>();
  for (const [tile, count] of counts)
    if (count >= MIN_TILE_POINTS)
      groups.set(tile, { xs: new Float32Array(count), ys: new Float32Array(count), count: 0 });
  for (let index = 0; index < points.count; index++) {
    const group = groups.get(key(index));
    if (group === undefined) continue;
    group.xs[group.count] = points.xs[index]!;
    group.ys[group.count] = points.ys[index]!;
    group.count++;
  }
  return [...groups.values()];
}

/** Ink-weighted mean sharpness of the parts, each at its best whole-degree angle. */
function meanSharpness(parts: readonly InkPoints[], maxSkewDegrees: number, vertical: boolean): number {
  let weight = 0;
  let total = 0;
  for (const part of parts) {
    // Whole degrees suffice here: the two axes differ far more than a half-degree error costs.
    total += part.count * bestAngle(part, maxSkewDegrees, vertical, 1, false).score;
    weight += part.count;
  }
  return weight === 0 ? 0 : total / weight;
}

/**
 * Whether the text lines run across or down. The projections are compared over the whole page and over
 * square tiles `tileSize` pixels wide (about 3 inches), averaged by ink: over a whole page, column gutters
 * and pictures can sharpen the projection along the lines too, while a tile holds few lines and is noisy.
 * Each view must be decisive or silent, and they must not contradict each other; otherwise "unknown".
 */
export function findLineAxis(points: InkPoints, maxSkewDegrees = 10, tileSize = 225): LineAxisFinding {
  const view = (parts: readonly InkPoints[]) => {
    const horizontalScore = meanSharpness(parts, maxSkewDegrees, false);
    const verticalScore = meanSharpness(parts, maxSkewDegrees, true);
    let axis: LineAxis = "unknown";
    if (Math.max(horizontalScore, verticalScore) >= MIN_LINE_SCORE) {
      if (horizontalScore >= verticalScore * AXIS_MARGIN) axis = "horizontal";
      else if (verticalScore >= horizontalScore * AXIS_MARGIN) axis = "vertical";
    }
    return { axis, horizontalScore, verticalScore };
  };
  const whole = view([points]);
  const tiled = tiles(points, tileSize);
  if (tiled.length < 2) return whole;
  const local = view(tiled);
  if (whole.axis === "unknown") return local;
  if (local.axis === "unknown" || local.axis === whole.axis) return whole;
  return { ...whole, axis: "unknown" };
}

/** The slant of horizontal text lines; 0 when there is no line structure to measure. */
export function findSkew(points: InkPoints, maxDegrees = 10): SkewFinding {
  const finding = bestAngle(points, maxDegrees, false);
  return finding.score < MIN_LINE_SCORE ? { degrees: 0, score: finding.score } : finding;
}
