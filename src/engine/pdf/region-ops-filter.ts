/**
 * An operationsFilter for pdf.js page.render when only a region of the page is rasterised (figure
 * images): it skips the text runs and images drawn wholly above or below the region, which pdf.js would
 * otherwise draw glyph by glyph onto canvas far outside the raster. Everything that changes state
 * (matrices, fonts, text positions, clips, paths) always runs, so what lands inside the region is
 * unchanged. It mirrors how pdf.js's canvas backend positions text: the text matrix and line position
 * are part of the graphics state saved by `save`, and a skipped run would leave the pen where it was, so
 * the decision is taken once per text line (until the next positioning operator) and kept for every run
 * of that line. Whatever it cannot place exactly (rotated or vertical text, clip-mode text, transparency
 * groups, annotations) it keeps.
 */
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Box } from "../document/box.ts";
import { type Matrix, matrixArgument, multiply, toMatrix } from "./matrix.ts";
import type { PdfOperatorList } from "./operator-list.ts";

/** Glyphs reach at most this many font sizes above or below their baseline (generous for accents). */
const GLYPH_REACH = 1.5;
/** Slack around the region, in page points, so antialiased edges are drawn as before. */
const SLACK = 2;
/** A direction component below this (relative) counts as zero: the text is axis-aligned. */
const SKEW_TOLERANCE = 1e-6;

const TEXT_OPS: ReadonlySet<number> = new Set([OPS.showText, OPS.showSpacedText]);
const IMAGE_OPS: ReadonlySet<number> = new Set([
  OPS.paintImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintInlineImageXObject,
  OPS.paintSolidColorImageMask,
]);
/** Text-position operators: each starts a new line whose runs share one decision. */
const POSITION_OPS: ReadonlySet<number> = new Set([
  OPS.beginText,
  OPS.moveText,
  OPS.setLeadingMoveText,
  OPS.setTextMatrix,
  OPS.nextLine,
  OPS.nextLineShowText,
  OPS.nextLineSetSpacingShowText,
]);

interface FilterState {
  /** User space → page points. */
  ctm: Matrix;
  textMatrix: Matrix;
  lineX: number;
  lineY: number;
  leading: number;
  fontSize: number;
  rise: number;
  /** False when the font is vertical, Type3 or unknown: its runs are kept. */
  plainFont: boolean;
  clipText: boolean;
  /** The current line's decision, taken at its first run; undefined before it. */
  lineKept: boolean | undefined;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/**
 * A pdf.js `operationsFilter` for rendering `region` (page points, top-left origin) of a page whose
 * viewport transform at scale 1 is `pageTransform`. `isPlainFont` answers from the page's loaded font
 * objects: true only for a known horizontal, non-Type3 font (glyphs within about an em of the baseline).
 * pdf.js calls the filter with increasing indices.
 */
export function regionOperationsFilter(
  pageTransform: Matrix,
  region: Box,
  isPlainFont: (fontId: string) => boolean,
): (index: number, list: PdfOperatorList) => boolean {
  const top = region.top - SLACK;
  const bottom = region.bottom + SLACK;
  const left = region.left - SLACK;
  const right = region.right + SLACK;
  const decisions: boolean[] = [];
  const stack: FilterState[] = [];
  let state: FilterState = {
    ctm: pageTransform,
    textMatrix: IDENTITY,
    lineX: 0,
    lineY: 0,
    leading: 0,
    fontSize: 0,
    rise: 0,
    plainFont: false,
    clipText: false,
    lineKept: undefined,
  };
  // Transparency groups and annotations draw through their own canvases and matrices: kept whole.
  let opaqueDepth = 0;

  const textKept = (): boolean => {
    if (state.lineKept !== undefined) return state.lineKept;
    const matrix = multiply(state.ctm, state.textMatrix);
    const [a, b, c, d, , f] = matrix;
    const scale = Math.max(Math.abs(a), Math.abs(d));
    const upright = Math.abs(b) <= SKEW_TOLERANCE * scale && Math.abs(c) <= SKEW_TOLERANCE * scale;
    let kept = true;
    if (upright && state.plainFont && !state.clipText && opaqueDepth === 0) {
      const baseline = d * (state.lineY + state.rise) + f;
      const reach = Math.abs(d * state.fontSize) * GLYPH_REACH;
      kept = baseline + reach >= top && baseline - reach <= bottom;
    }
    state.lineKept = kept;
    return kept;
  };

  const imageKept = (): boolean => {
    if (opaqueDepth > 0) return true;
    // Images fill the unit square of user space.
    const [a, b, c, d, e, f] = state.ctm;
    const xs = [e, a + e, c + e, a + c + e];
    const ys = [f, b + f, d + f, b + d + f];
    return (
      Math.max(...xs) >= left &&
      Math.min(...xs) <= right &&
      Math.max(...ys) >= top &&
      Math.min(...ys) <= bottom
    );
  };

  const moveLine = (x: number, y: number): void => {
    state.lineX += x;
    state.lineY += y;
  };

  const step = (fn: number, args: readonly unknown[] | null | undefined): boolean => {
    if (POSITION_OPS.has(fn)) state.lineKept = undefined;
    switch (fn) {
      case OPS.save:
        stack.push({ ...state });
        return true;
      case OPS.restore:
        state = stack.pop() ?? state;
        return true;
      case OPS.transform: {
        const inner = args ? toMatrix(args) : undefined;
        if (inner !== undefined) state.ctm = multiply(state.ctm, inner);
        return true;
      }
      case OPS.paintFormXObjectBegin: {
        stack.push({ ...state });
        const inner = matrixArgument(args?.[0]);
        if (inner !== undefined) state.ctm = multiply(state.ctm, inner);
        return true;
      }
      case OPS.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        return true;
      case OPS.beginGroup:
      case OPS.beginAnnotation:
        opaqueDepth++;
        return true;
      case OPS.endGroup:
      case OPS.endAnnotation:
        opaqueDepth = Math.max(0, opaqueDepth - 1);
        return true;
      case OPS.beginText:
        state.textMatrix = IDENTITY;
        state.lineX = 0;
        state.lineY = 0;
        return true;
      case OPS.setTextMatrix: {
        const matrix = matrixArgument(args?.[0]) ?? (args ? toMatrix(args) : undefined);
        state.textMatrix = matrix ?? IDENTITY;
        state.lineX = 0;
        state.lineY = 0;
        // An unreadable matrix leaves the position unknown: keep the line.
        if (matrix === undefined) state.lineKept = true;
        return true;
      }
      case OPS.moveText:
        moveLine(Number(args?.[0]) || 0, Number(args?.[1]) || 0);
        return true;
      case OPS.setLeadingMoveText:
        state.leading = Number(args?.[1]) || 0;
        moveLine(Number(args?.[0]) || 0, Number(args?.[1]) || 0);
        return true;
      case OPS.setLeading:
        state.leading = -(Number(args?.[0]) || 0);
        return true;
      case OPS.nextLine:
      case OPS.nextLineShowText:
      case OPS.nextLineSetSpacingShowText:
        // The latter two also draw; they are never skipped (skipping would also skip the line move).
        moveLine(0, state.leading);
        return true;
      case OPS.setFont: {
        const size = Number(args?.[1]);
        state.fontSize = Number.isFinite(size) ? Math.abs(size) : 0;
        const id = args?.[0];
        state.plainFont = typeof id === "string" && isPlainFont(id);
        return true;
      }
      case OPS.setTextRise:
        state.rise = Number(args?.[0]) || 0;
        return true;
      case OPS.setTextRenderingMode:
        // Modes 4–7 add the glyphs to the clip path: the clip must be built whatever it covers.
        state.clipText = ((Number(args?.[0]) || 0) & 4) !== 0;
        return true;
    }
    if (TEXT_OPS.has(fn)) return textKept();
    if (IMAGE_OPS.has(fn)) return imageKept();
    return true;
  };

  return (index, list) => {
    for (let next = decisions.length; next <= index && next < list.fnArray.length; next++)
      decisions.push(step(list.fnArray[next]!, list.argsArray[next] as unknown[] | null | undefined));
    return decisions[index] ?? true;
  };
}
