/**
 * Figure candidates from a page's operator list: painted raster images (image XObjects, inline images,
 * image masks) and the boxes of painted vector paths, each carried through the CTM into page points with a
 * top-left origin. figures/ decides which of them are figures.
 */
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { type Box, boxAroundPoints } from "../document/box.ts";
import type { PageGraphics, VectorPath } from "../document/graphics.ts";
import { applyToPoint, type Matrix, matrixArgument, multiply, toMatrix } from "./matrix.ts";
import type { PdfOperatorList } from "./operator-list.ts";
import {
  CLOSE_PATH,
  CURVE_TO,
  FILL_OPS,
  LINE_TO,
  MOVE_TO,
  QUADRATIC_CURVE_TO,
  STROKE_OPS,
} from "./operator-list.ts";

const IMAGE_OPS: ReadonlySet<number> = new Set([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
]);
/** Paint operators that leave marks (everything but endPath / clip-only paths). */
const PAINT_OPS: ReadonlySet<number> = new Set([
  OPS.stroke,
  OPS.closeStroke,
  OPS.fill,
  OPS.eoFill,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);
/** Segments straighter than this across their direction (points) are axis-aligned. */
const AXIS_TOLERANCE = 0.5;
/** Paths kept per page at most: a vector-scan page must not cost unbounded memory. */
const MAX_PATHS = 20_000;

/** Walks the operator list once; images smaller than 2 pt on a side (spacers, dots) are skipped. */
export function pageGraphics(list: PdfOperatorList, viewportTransform: Matrix): PageGraphics {
  const images: Box[] = [];
  const paths: VectorPath[] = [];
  const stack: Matrix[] = [];
  let matrix = viewportTransform;
  // The box of the clipping path in force (undefined: the whole page), saved and restored with the
  // matrix. Images are often placed larger than the part a clip lets show (a photo cropped to its
  // panel); their box is what shows.
  const clipStack: (Box | undefined)[] = [];
  let clip: Box | undefined;
  let pendingClip = false;
  // Fill colour darkness (the PDF default fill is black), saved and restored with the matrix.
  const darkStack: (boolean | undefined)[] = [];
  let dark: boolean | undefined = true;
  const { fnArray, argsArray } = list;
  for (let index = 0; index < fnArray.length; index++) {
    const fn = fnArray[index]!;
    const args = argsArray[index] as unknown[] | null | undefined;
    if (fn === OPS.save) {
      stack.push(matrix);
      darkStack.push(dark);
      clipStack.push(clip);
    } else if (fn === OPS.restore) {
      matrix = stack.pop() ?? matrix;
      if (darkStack.length > 0) dark = darkStack.pop();
      if (clipStack.length > 0) clip = clipStack.pop();
    } else if (fn === OPS.clip || fn === OPS.eoClip) pendingClip = true;
    else if (fn === OPS.setFillRGBColor) dark = isDarkColor(args?.[0]);
    else if (fn === OPS.setFillColorN) dark = undefined;
    else if (fn === OPS.transform) {
      const inner = args ? toMatrix(args) : undefined;
      if (inner !== undefined) matrix = multiply(matrix, inner);
    } else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(matrix);
      clipStack.push(clip);
      const inner = matrixArgument(args?.[0]);
      if (inner !== undefined) matrix = multiply(matrix, inner);
      const bbox = args?.[1];
      // A form XObject's /BBox clips what it paints.
      const corners =
        bbox instanceof Float32Array || Array.isArray(bbox) ? Array.from(bbox as ArrayLike<number>) : [];
      if (corners.length === 4 && corners.every(Number.isFinite)) {
        const [x0, y0, x1, y1] = corners;
        clip = intersect(clip, transformedBox(matrix, { left: x0!, top: y0!, right: x1!, bottom: y1! }));
      }
    } else if (fn === OPS.paintFormXObjectEnd) {
      matrix = stack.pop() ?? matrix;
      if (clipStack.length > 0) clip = clipStack.pop();
    } else if (IMAGE_OPS.has(fn)) addImage(images, matrix, clip);
    else if (fn === OPS.paintImageXObjectRepeat || fn === OPS.paintImageMaskXObjectRepeat)
      for (const placement of repeatPlacements(fn, args)) addImage(images, multiply(matrix, placement), clip);
    else if (fn === OPS.paintImageMaskXObjectGroup || fn === OPS.paintInlineImageXObjectGroup)
      for (const placement of groupPlacements(fn, args)) addImage(images, multiply(matrix, placement), clip);
    else if (fn === OPS.constructPath) {
      const paint = args?.[0];
      const buffer = (args?.[1] as unknown[] | undefined)?.[0];
      if (pendingClip) {
        // "W n": the path just built becomes (part of) the clip; the box of the intersection bounds it.
        pendingClip = false;
        const shape = buffer instanceof Float32Array ? describePath(buffer, matrix, false) : undefined;
        if (shape !== undefined) clip = intersect(clip, shape.box);
      }
      if (paths.length >= MAX_PATHS) continue;
      if (typeof paint !== "number" || !PAINT_OPS.has(paint) || !(buffer instanceof Float32Array)) continue;
      const path = describePath(buffer, matrix, STROKE_OPS.has(paint));
      if (path !== undefined)
        paths.push(FILL_OPS.has(paint) && dark === true ? { ...path, darkFill: true } : path);
    }
  }
  return { images, paths };
}

/** Images are painted into the unit square of the user space `matrix` maps to the page. */
function addImage(images: Box[], matrix: Matrix, clip: Box | undefined): void {
  const box = intersect(clip, transformedBox(matrix, { left: 0, top: 0, right: 1, bottom: 1 }));
  if (box.right - box.left >= 2 && box.bottom - box.top >= 2) images.push(box);
}

/** The common part of two boxes (`a` undefined: no bound); an empty box when they do not meet. */
function intersect(a: Box | undefined, b: Box): Box {
  if (a === undefined) return b;
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  return {
    left,
    top,
    right: Math.max(left, Math.min(a.right, b.right)),
    bottom: Math.max(top, Math.min(a.bottom, b.bottom)),
  };
}

/**
 * The display list folds runs of one image painted at many places into a repeat operator (pdf.js's
 * QueueOptimizer): [objId, scaleX, scaleY, positions] for images, [mask, scaleX, skewX, skewY, scaleY,
 * positions] for masks. One matrix per place.
 */
function repeatPlacements(fn: number, args: unknown[] | null | undefined): Matrix[] {
  if (!args) return [];
  const mask = fn === OPS.paintImageMaskXObjectRepeat;
  const [a, b, c, d] = (mask ? [args[1], args[2], args[3], args[4]] : [args[1], 0, 0, args[2]]).map(Number);
  const positions = args[mask ? 5 : 3] as ArrayLike<number> | undefined;
  const placements: Matrix[] = [];
  if (positions === undefined || ![a, b, c, d].every(Number.isFinite)) return placements;
  for (let index = 0; index + 1 < positions.length; index += 2)
    placements.push([a!, b!, c!, d!, positions[index]!, positions[index + 1]!]);
  return placements;
}

/** Groups of small images or masks (QueueOptimizer again): each member carries its own transform. */
function groupPlacements(fn: number, args: unknown[] | null | undefined): Matrix[] {
  const members = (fn === OPS.paintImageMaskXObjectGroup ? args?.[0] : args?.[1]) as
    | readonly { transform?: unknown }[]
    | undefined;
  const placements: Matrix[] = [];
  for (const member of members ?? []) {
    const matrix = matrixArgument(member?.transform);
    if (matrix !== undefined) placements.push(matrix);
  }
  return placements;
}

/** pdf.js hands fill colours over as "#rrggbb" (grey and CMYK converted); undefined when not one. */
function isDarkColor(value: unknown): boolean | undefined {
  if (typeof value !== "string" || !/^#[0-9a-f]{6}$/iu.test(value)) return undefined;
  const channel = (at: number): number => Number.parseInt(value.slice(at, at + 2), 16) / 255;
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5) < 0.5;
}

function transformedBox(matrix: Matrix, box: Box): Box {
  const corners = [
    applyToPoint(matrix, { x: box.left, y: box.top }),
    applyToPoint(matrix, { x: box.right, y: box.top }),
    applyToPoint(matrix, { x: box.right, y: box.bottom }),
    applyToPoint(matrix, { x: box.left, y: box.bottom }),
  ];
  return boxAroundPoints(corners)!;
}

/** The path's box in page space, its segment count and how many are curves or diagonals. */
function describePath(buffer: Float32Array, matrix: Matrix, stroked: boolean): VectorPath | undefined {
  const [a, b, c, d, e, f] = matrix;
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  let segments = 0;
  let freeform = 0;
  let lastX = 0;
  let lastY = 0;
  let startX = 0;
  let startY = 0;
  const visit = (x: number, y: number): void => {
    const px = a * x + c * y + e;
    const py = b * x + d * y + f;
    left = Math.min(left, px);
    right = Math.max(right, px);
    top = Math.min(top, py);
    bottom = Math.max(bottom, py);
    lastX = px;
    lastY = py;
  };
  const straight = (x: number, y: number): void => {
    const px = a * x + c * y + e;
    const py = b * x + d * y + f;
    segments++;
    if (Math.abs(px - lastX) > AXIS_TOLERANCE && Math.abs(py - lastY) > AXIS_TOLERANCE) freeform++;
  };
  for (let index = 0; index < buffer.length; ) {
    const op = buffer[index++];
    if (op === MOVE_TO) {
      visit(buffer[index]!, buffer[index + 1]!);
      startX = lastX;
      startY = lastY;
      index += 2;
    } else if (op === LINE_TO) {
      straight(buffer[index]!, buffer[index + 1]!);
      visit(buffer[index]!, buffer[index + 1]!);
      index += 2;
    } else if (op === CURVE_TO || op === QUADRATIC_CURVE_TO) {
      const size = op === CURVE_TO ? 6 : 4;
      segments++;
      freeform++;
      for (let k = 0; k < size; k += 2) visit(buffer[index + k]!, buffer[index + k + 1]!);
      index += size;
    } else if (op === CLOSE_PATH) {
      if (lastX !== startX || lastY !== startY) segments++;
      lastX = startX;
      lastY = startY;
    } else break;
  }
  if (!Number.isFinite(left)) return undefined;
  return { box: { left, top, right, bottom }, segments, freeform, stroked };
}
