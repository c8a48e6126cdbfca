/**
 * Ruling segments from a page's vector graphics: walks pdf.js's operator list (constructPath with its
 * paint operator, the CTM through save/restore/transform and form XObjects, colours) and keeps the
 * straight horizontal and vertical pieces that tables draw as borders — stroked lines and rectangle
 * edges, and hairline filled rectangles — and the thicker filled rectangles that shade cells and header bands.
 * Output is in page points, top-left origin, rulings not yet merged.
 * (OPS and AnnotationMode are plain constants of the same pdf.js build pdfjs.ts loads.)
 */
import { AnnotationMode, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Box } from "../document/box.ts";
import type { PageGraphics } from "../document/graphics.ts";
import type { Ruling } from "../document/ruling.ts";
import { readDisplayOperatorList } from "./display-operator-list.ts";
import { showTextSpans, type TextSpan } from "./glyph-sizes.ts";
import { type Matrix, matrixArgument, multiply, toMatrix } from "./matrix.ts";
import { mergeRulings } from "./merge-rulings.ts";
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
import { PageGlyphs } from "./page-glyphs.ts";
import { pageGraphics } from "./page-graphics.ts";
import type { PDFPageProxy } from "./pdfjs.ts";
import { ligatureRepairs } from "./rtl-ligatures.ts";
import { symbolGlyphMeanings } from "./symbol-glyphs.ts";

/** A segment whose ends differ by less than this across its direction (points) counts as straight. */
const AXIS_TOLERANCE = 0.5;
/** A filled rectangle at most this thick (points) is a rule drawn as a fill, not a shaded area. */
const MAX_FILLED_RULE_THICKNESS = 3;
/**
 * Pages with more path segments than this are drawings (maps, charts, vector scans), not tables; the
 * walk stops collecting there so a pathological page costs bounded time and memory.
 */
const MAX_SEGMENTS = 20_000;
/** Shaded rectangles kept per page at most (a vector-scan page paints thousands of filled cells). */
const MAX_SHADES = 2000;

interface GraphicsState {
  /** User space → page space (the viewport transform times the CTM). */
  matrix: Matrix;
  strokeVisible: boolean;
  fillVisible: boolean;
}

/**
 * Reads the page's operator list (annotations left out: form-field borders are not table rules) and
 * returns its merged ruling lines. The operator list is the expensive part; callers skip pages that
 * cannot hold a table (no text). Failures yield no rulings: tables then fall back to text alignment.
 */
export async function readPageRulings(page: PDFPageProxy, viewportTransform: Matrix): Promise<Ruling[]> {
  let list: PdfOperatorList;
  try {
    list = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
  } catch {
    return [];
  }
  return mergeRulings(rulingSegments(list, viewportTransform));
}

/**
 * One operator-list read for rulings, figure candidates (images, vector paths; see page-graphics.ts),
 * right-to-left ligature repairs (rtl-ligatures.ts), the sizes text is drawn at (glyph-sizes.ts),
 * where each glyph is drawn (page-glyphs.ts) and which symbol glyphs are boxes (symbol-glyphs.ts): the
 * display list (display-operator-list.ts), which a
 * figure render of the same open page then reuses. Failures yield nothing, as in readPageRulings.
 */
export async function readPageGraphics(
  page: PDFPageProxy,
  viewportTransform: Matrix,
): Promise<{
  rulings: Ruling[];
  shades: Box[];
  graphics: PageGraphics;
  ligatures: Map<string, string>;
  textSpans: TextSpan[];
  glyphs: PageGlyphs | undefined;
  symbols: Map<string, Map<string, string>>;
}> {
  let list: PdfOperatorList;
  try {
    list = await readDisplayOperatorList(page);
  } catch {
    return {
      rulings: [],
      shades: [],
      graphics: { images: [], paths: [] },
      ligatures: new Map(),
      textSpans: [],
      glyphs: undefined,
      symbols: new Map(),
    };
  }
  const shades: Box[] = [];
  const glyphs = new PageGlyphs();
  return {
    rulings: mergeRulings(rulingSegments(list, viewportTransform, shades)),
    shades,
    graphics: pageGraphics(list, viewportTransform),
    // The same walk's glyphs tell which right-to-left words pdf.js turned a ligature around in.
    ligatures: ligatureRepairs(list),
    // And the size each showText is drawn at, which pdf.js's text runs do not always report, and where
    // each of its glyphs is, which they do not report at all.
    textSpans: showTextSpans(list, viewportTransform, (font) => fontWidthScale(page, font), glyphs),
    glyphs,
    // Symbol-font glyphs that draw boxes, by their outlines (pdf.js has them once the list is read).
    symbols: symbolGlyphMeanings(list, page.commonObjs),
  };
}

/** A font's horizontal font-matrix scale (Type 3 fonts differ from 1/1000), once pdf.js has loaded it. */
function fontWidthScale(page: PDFPageProxy, font: string): number | undefined {
  if (!page.commonObjs.has(font)) return undefined;
  const scale = (page.commonObjs.get(font) as { fontMatrix?: ArrayLike<number> } | null)?.fontMatrix?.[0];
  return typeof scale === "number" && Number.isFinite(scale) && scale !== 0 ? scale : undefined;
}

/**
 * Unmerged segments of the operator list, carried into page space by `viewportTransform`. Filled
 * rectangles too thick to be rules go to `shades` when given (shaded cells and header bands).
 */
export function rulingSegments(
  list: PdfOperatorList,
  viewportTransform: Matrix,
  shades: Box[] = [],
): Ruling[] {
  const segments: Ruling[] = [];
  const stack: GraphicsState[] = [];
  let state: GraphicsState = { matrix: viewportTransform, strokeVisible: true, fillVisible: true };
  const { fnArray, argsArray } = list;
  for (let index = 0; index < fnArray.length && segments.length < MAX_SEGMENTS; index++) {
    const fn = fnArray[index];
    const args = argsArray[index] as unknown[] | null | undefined;
    switch (fn) {
      case OPS.save:
        stack.push({ ...state });
        break;
      case OPS.restore:
        state = stack.pop() ?? state;
        break;
      case OPS.transform: {
        const matrix = args ? toMatrix(args) : undefined;
        if (matrix !== undefined) state.matrix = multiply(state.matrix, matrix);
        break;
      }
      case OPS.paintFormXObjectBegin: {
        stack.push({ ...state });
        const matrix = matrixArgument(args?.[0]);
        if (matrix !== undefined) state.matrix = multiply(state.matrix, matrix);
        break;
      }
      case OPS.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        break;
      case OPS.setStrokeRGBColor:
        state.strokeVisible = isVisibleColor(args?.[0]);
        break;
      case OPS.setFillRGBColor:
        state.fillVisible = isVisibleColor(args?.[0]);
        break;
      case OPS.setStrokeTransparent:
        state.strokeVisible = false;
        break;
      case OPS.setFillTransparent:
        state.fillVisible = false;
        break;
      // Pattern and other colour operators leave the colour unknown: assume it shows.
      case OPS.setStrokeColorN:
        state.strokeVisible = true;
        break;
      case OPS.setFillColorN:
        state.fillVisible = true;
        break;
      case OPS.constructPath: {
        const paint = args?.[0];
        const buffer = (args?.[1] as unknown[] | undefined)?.[0];
        if (typeof paint !== "number" || !(buffer instanceof Float32Array)) break;
        const stroked = STROKE_OPS.has(paint) && state.strokeVisible;
        const filled = FILL_OPS.has(paint) && state.fillVisible;
        if (stroked || filled) addPathSegments(buffer, state.matrix, stroked, filled, segments, shades);
        break;
      }
    }
  }
  return segments;
}

/** Splits a path buffer into subpaths of straight pieces and adds the rule-like ones to `out`. */
function addPathSegments(
  buffer: Float32Array,
  matrix: Matrix,
  stroked: boolean,
  filled: boolean,
  out: Ruling[],
  shades: Box[],
): void {
  const [a, b, c, d, e, f] = matrix;
  let points: number[] = [];
  let straight = true;
  const flush = () => {
    if (points.length >= 4) {
      if (stroked) addStrokedPolyline(points, out);
      if (filled && straight) addFilledRectangle(points, out, shades);
    }
    points = [];
    straight = true;
  };
  for (let index = 0; index < buffer.length; ) {
    const op = buffer[index++];
    if (op === MOVE_TO || op === LINE_TO) {
      if (op === MOVE_TO) flush();
      const x = buffer[index++]!;
      const y = buffer[index++]!;
      points.push(a * x + c * y + e, b * x + d * y + f);
    } else if (op === CURVE_TO || op === QUADRATIC_CURVE_TO) {
      // A curve ends the straight run (rounded corners keep their straight sides).
      const size = op === CURVE_TO ? 6 : 4;
      const x = buffer[index + size - 2]!;
      const y = buffer[index + size - 1]!;
      index += size;
      if (stroked) addStrokedPolyline(points, out);
      points = [a * x + c * y + e, b * x + d * y + f];
      straight = false;
    } else if (op === CLOSE_PATH) {
      if (points.length >= 4) points.push(points[0]!, points[1]!);
      flush();
    } else {
      return; // unknown opcode: the rest of the buffer cannot be decoded
    }
  }
  flush();
}

/** Each horizontal or vertical piece of a stroked polyline (flat [x0, y0, x1, y1, …] in page points). */
function addStrokedPolyline(points: readonly number[], out: Ruling[]): void {
  for (let index = 0; index + 3 < points.length; index += 2) {
    const x1 = points[index]!;
    const y1 = points[index + 1]!;
    const x2 = points[index + 2]!;
    const y2 = points[index + 3]!;
    const segment = axisSegment(x1, y1, x2, y2);
    if (segment !== undefined) out.push(segment);
  }
}

function axisSegment(x1: number, y1: number, x2: number, y2: number): Ruling | undefined {
  const dx = Math.abs(x2 - x1);
  const dy = Math.abs(y2 - y1);
  if (dy <= AXIS_TOLERANCE && dx > dy)
    return {
      orientation: "horizontal",
      position: (y1 + y2) / 2,
      start: Math.min(x1, x2),
      end: Math.max(x1, x2),
    };
  if (dx <= AXIS_TOLERANCE && dy > dx)
    return {
      orientation: "vertical",
      position: (x1 + x2) / 2,
      start: Math.min(y1, y2),
      end: Math.max(y1, y2),
    };
  return undefined;
}

/**
 * A filled axis-aligned rectangle thin enough to be a rule becomes one ruling along its long side; a
 * thicker one is a shaded area and goes to `shades`.
 */
function addFilledRectangle(points: readonly number[], out: Ruling[], shades: Box[]): void {
  // A rectangle is 4 corners, or 5 with the closing point repeated.
  const count = points.length / 2;
  if (count !== 4 && count !== 5) return;
  let left = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < 8; index += 2) {
    left = Math.min(left, points[index]!);
    right = Math.max(right, points[index]!);
    top = Math.min(top, points[index + 1]!);
    bottom = Math.max(bottom, points[index + 1]!);
  }
  // Every corner must sit on the box's edges, or the shape is not an axis-aligned rectangle.
  for (let index = 0; index < 8; index += 2) {
    const x = points[index]!;
    const y = points[index + 1]!;
    const onVertical = Math.abs(x - left) <= AXIS_TOLERANCE || Math.abs(x - right) <= AXIS_TOLERANCE;
    const onHorizontal = Math.abs(y - top) <= AXIS_TOLERANCE || Math.abs(y - bottom) <= AXIS_TOLERANCE;
    if (!onVertical || !onHorizontal) return;
  }
  const width = right - left;
  const height = bottom - top;
  if (height <= MAX_FILLED_RULE_THICKNESS && width > height)
    out.push({ orientation: "horizontal", position: (top + bottom) / 2, start: left, end: right });
  else if (width <= MAX_FILLED_RULE_THICKNESS && height > width)
    out.push({ orientation: "vertical", position: (left + right) / 2, start: top, end: bottom });
  else if (
    width > MAX_FILLED_RULE_THICKNESS &&
    height > MAX_FILLED_RULE_THICKNESS &&
    shades.length < MAX_SHADES
  )
    shades.push({ left, top, right, bottom });
}

/** pdf.js passes colours as "#rrggbb"; white (and near-white) paint draws nothing on paper. */
function isVisibleColor(value: unknown): boolean {
  if (typeof value !== "string" || !/^#[0-9a-f]{6}$/iu.test(value)) return true;
  const red = Number.parseInt(value.slice(1, 3), 16);
  const green = Number.parseInt(value.slice(3, 5), 16);
  const blue = Number.parseInt(value.slice(5, 7), 16);
  return Math.min(red, green, blue) < 0xf4;
}
