/**
 * Draws a decoded grey image onto a white raster the way pdf.js draws it onto an @napi-rs/canvas (so the
 * pixels match a render of the page): pdf.js first halves a much larger image in steps while it is more
 * than twice the device size (CanvasGraphics._scaleImage), then draws it to an integer-aligned device
 * rectangle (drawImageAtIntegerCoords) with Skia's bilinear filter (nearest neighbour when pdf.js turns
 * smoothing off: an enlarged image without /Interpolate), through antialiased rectangle clips.
 * Only axis-aligned placements (quarter turns, flips) are drawn; others give undefined.
 */
import type { GrayImage } from "../ocr/ocr-engine.ts";
import { type Matrix, multiply } from "./matrix.ts";
import { resampleBilinear, resampleBilinearInto, resampleNearestInto } from "./scan-resample.ts";

const MAX_OVERDRAW = 4;

/** A clip rectangle already in device pixels: [left, top, right, bottom]. */
export type DeviceRectangle = readonly [number, number, number, number];

/**
 * `image` painted by `unitToDevice` (the image's unit square to device pixels, PDF image space: sample row
 * 0 at the square's top, y = 1) on a `width` × `height` white raster, inside `clip`.
 */
export function drawScanImage(
  image: GrayImage,
  unitToDevice: Matrix,
  clip: DeviceRectangle,
  width: number,
  height: number,
  interpolate = false,
): GrayImage | undefined {
  // pdf.js scales the context to image pixels, y up: the image occupies (0, -h)–(w, 0).
  const transform = multiply(unitToDevice, [1 / image.width, 0, 0, -1 / image.height, 0, 0]);
  const [a, b, c, d, tx, ty] = transform;
  const swapped = a === 0 && d === 0;
  if (!swapped && !(b === 0 && c === 0)) return undefined;
  const determinant = a * d - b * c;
  if (determinant === 0 || !Number.isFinite(determinant)) return undefined;
  // The inverse's columns: image pixels per device pixel along each device axis.
  const inverse = [d / determinant, -b / determinant, -c / determinant, a / determinant];
  const scaled = halveWhileLarge(
    image,
    Math.max(Math.hypot(inverse[0]!, inverse[1]!), 1),
    Math.max(Math.hypot(inverse[2]!, inverse[3]!), 1),
  );
  const destY = -image.height;
  let left: number;
  let top: number;
  let localWidth: number;
  let localHeight: number;
  if (!swapped) {
    left = Math.round(tx);
    top = Math.round(destY * d + ty);
    localWidth = Math.abs(Math.round(image.width * a + tx) - left) || 1;
    localHeight = Math.abs(Math.round((destY + image.height) * d + ty) - top) || 1;
  } else {
    left = Math.round(destY * c + tx);
    top = Math.round(ty);
    const deviceWidth = Math.abs(Math.round((destY + image.height) * c + tx) - left) || 1;
    const deviceHeight = Math.abs(Math.round(image.width * b + ty) - top) || 1;
    localWidth = deviceHeight;
    localHeight = deviceWidth;
  }
  // An image placed far larger than the raster (mostly clipped away) is left to pdf.js: resampling all
  // of it here would take memory the canvas never needs.
  if (localWidth * localHeight > MAX_OVERDRAW * width * height) return undefined;
  // pdf.js's getImageSmoothingEnabled: smooth unless the image is enlarged beyond CSS pixel size.
  const limit = Math.fround(96 / 72);
  const smooth = interpolate || (Math.hypot(a, b) <= limit && Math.hypot(c, d) <= limit);
  const gray = new Uint8Array(width * height).fill(255);
  // Local pixel → device pixel through setTransform(sign, 0, 0, sign, left, top) or its swap: local rows
  // run along device y (x when swapped), local columns along x (y), each one way or the other.
  const xSign = Math.sign(swapped ? c : a);
  const ySign = Math.sign(swapped ? b : d);
  const alongX = { start: xSign > 0 ? left : left - 1, sign: xSign, size: width, step: xSign };
  const alongY = { start: ySign > 0 ? top : top - 1, sign: ySign, size: height, step: ySign * width };
  const rowAxis = swapped ? alongX : alongY;
  const columnAxis = swapped ? alongY : alongX;
  const rows = onRaster(rowAxis, localHeight);
  const columns = onRaster(columnAxis, localWidth);
  if (rows[1] <= rows[0] || columns[1] <= columns[0]) return { width, height, gray };
  const target = {
    gray,
    base: rowAxis.start * Math.abs(rowAxis.step) + columnAxis.start * Math.abs(columnAxis.step),
    rowStep: rowAxis.step,
    columnStep: columnAxis.step,
    rows,
    columns,
  };
  if (smooth) resampleBilinearInto(scaled, localWidth, localHeight, swapped, target);
  else resampleNearestInto(scaled, localWidth, localHeight, target);
  applyClip(gray, width, height, clip, [
    deviceRange(alongX, swapped ? rows : columns),
    deviceRange(alongY, swapped ? columns : rows),
  ]);
  return { width, height, gray };
}

interface Axis {
  /** Device coordinate of local index 0. */
  readonly start: number;
  readonly sign: number;
  /** Device pixels along the axis. */
  readonly size: number;
  /** Raster offset from one local index to the next. */
  readonly step: number;
}

/** The local indices in [0, count) that land on the raster along `axis` (contiguous: the map is linear). */
function onRaster(axis: Axis, count: number): [number, number] {
  // start + sign × index in [0, size).
  const low = axis.sign > 0 ? -axis.start : axis.start - axis.size + 1;
  const high = axis.sign > 0 ? axis.size - axis.start : axis.start + 1;
  return [Math.max(0, low), Math.min(count, high)];
}

/** The device pixels [from, to) the local indices `range` cover along `axis`. */
function deviceRange(axis: Axis, range: readonly [number, number]): [number, number] {
  const first = axis.start + axis.sign * range[0];
  const last = axis.start + axis.sign * (range[1] - 1);
  return [Math.min(first, last), Math.max(first, last) + 1];
}

/**
 * Fades the pixels drawn inside `drawn` ([x from, to), [y from, to)) towards white by how little of them the
 * clip covers, as Skia's antialiased clip does (a pixel the clip misses stays white).
 */
function applyClip(
  gray: Uint8Array,
  width: number,
  height: number,
  clip: DeviceRectangle,
  drawn: readonly [readonly [number, number], readonly [number, number]],
): void {
  const coverX = coverage(clip[0], clip[2], width, false);
  const coverY = coverage(clip[1], clip[3], height, true);
  const [[x0, x1], [y0, y1]] = drawn;
  // Columns the clip covers in part, for the rows it covers wholly.
  const partial: number[] = [];
  for (let x = x0; x < x1; x++) if (coverX[x] !== 1) partial.push(x);
  const fade = (at: number, cover: number) => {
    gray[at] = cover === 0 ? 255 : Math.round(255 - (255 - gray[at]!) * cover);
  };
  for (let y = y0; y < y1; y++) {
    const rowCover = coverY[y]!;
    const row = y * width;
    if (rowCover === 1) {
      for (const x of partial) fade(row + x, coverX[x]!);
      continue;
    }
    for (let x = x0; x < x1; x++) {
      const cover = coverX[x]! * rowCover;
      if (cover !== 1) fade(row + x, cover);
    }
  }
}

/** pdf.js's _scaleImage steps: halve (rounding up) each axis scaled down by more than 2 until it is not. */
function halveWhileLarge(image: GrayImage, widthScale: number, heightScale: number): GrayImage {
  let current = image;
  let ws = widthScale;
  let hs = heightScale;
  while ((ws > 2 && current.width > 1) || (hs > 2 && current.height > 1)) {
    let newWidth = current.width;
    let newHeight = current.height;
    if (ws > 2 && current.width > 1) {
      newWidth = Math.ceil(current.width / 2);
      ws /= current.width / newWidth;
    }
    if (hs > 2 && current.height > 1) {
      newHeight = Math.ceil(current.height / 2);
      hs /= current.height / newHeight;
    }
    current = resampleBilinear(current, newWidth, newHeight);
  }
  return current;
}

/**
 * How much of each device pixel along one axis lies inside [low, high], as Skia's antialiased clip counts it:
 * exact across a row, four sub-scanlines down a column.
 */
function coverage(low: number, high: number, size: number, subSamples: boolean): Float64Array {
  const cover = new Float64Array(size);
  for (let at = 0; at < size; at++) {
    if (!subSamples) {
      cover[at] = Math.max(0, Math.min(at + 1, high) - Math.max(at, low));
      continue;
    }
    let inside = 0;
    for (let sample = 0.125; sample < 1; sample += 0.25)
      if (at + sample >= low && at + sample < high) inside++;
    cover[at] = inside / 4;
  }
  return cover;
}
