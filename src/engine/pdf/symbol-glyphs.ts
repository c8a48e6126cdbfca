/**
 * What symbol-font glyphs show when their text says nothing. Form PDFs draw checkboxes with glyphs of
 * Wingdings-like fonts whose characters decode to control or private-use code points ("\x84", "\uF0A8"),
 * so the text alone cannot tell a box from a bullet. The glyph's outline can: pdf.js hands it over with
 * the operator list (a `${font}_path_${fontChar}` object in the page's common objects). A box is a
 * square frame (an outer square and the hole inside it, or one square drawn with its outline only, or a
 * square filled in a light colour: a white box on a tinted form); a frame with marks inside its hole is
 * ticked. Such glyphs are given the ballot-box characters ☐ / ☑, which checkboxes.ts turns into "[ ]" /
 * "[x]"; every other glyph (dark squares and dots are bullets) keeps its text.
 */
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { boxInside } from "../document/box.ts";
import type { Word } from "../document/word.ts";
import {
  CLOSE_PATH,
  CURVE_TO,
  LINE_TO,
  MOVE_TO,
  type PdfOperatorList,
  QUADRATIC_CURVE_TO,
} from "./operator-list.ts";

export const EMPTY_BOX = "☐";
export const TICKED_BOX = "☑";

/** Control (Cc) and private-use (Co) code points: characters a font could not map to meaning. */
const UNDECODABLE = /^[\p{Cc}\p{Co}]$/u;
/** A square's width and height may differ by this share of the larger. */
const MAX_ASPECT_DIFFERENCE = 0.25;
/** A box glyph's side is at least this share of the em (a bullet square is smaller). */
const MIN_BOX_EMS = 0.45;
/** Points of a rectangular contour lie within this share of its side from its bounding box's edges. */
const EDGE_TOLERANCE = 0.04;
/** A frame's stroke is at most this share of its side (thicker is a filled square with a small hole). */
const MAX_FRAME_SHARE = 0.3;
/** A fill at least this light (0–1 luminance) leaves a filled square reading as an empty box. */
const MIN_LIGHT_FILL = 0.85;

/** How one undecodable glyph is drawn: the font's glyph key and whether its shape shows as an outline. */
export interface SymbolGlyphUse {
  readonly fontChar: string;
  /** Filled in a light colour (white boxes on a tinted form). */
  readonly lightFill: boolean;
  /** Drawn with its outline stroked and not filled (text render modes 1 and 5). */
  readonly outlineOnly: boolean;
}

/** A font store as pdf.js's page.commonObjs is: glyph outlines under `${font}_path_${fontChar}`. */
export interface GlyphOutlineStore {
  has(id: string): boolean;
  get(id: string): unknown;
}

export type OutlineKind = "frame" | "ticked-frame" | "square";

interface Contour {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  /** Every on-curve point lies on the bounding box's edges. */
  readonly rectangular: boolean;
}

/**
 * The page's undecodable glyphs, per font and character: how the first use of each is drawn. One walk
 * of the operator list following the font, fill colour and text render mode through save/restore.
 */
export function undecodableGlyphs(list: PdfOperatorList): Map<string, Map<string, SymbolGlyphUse>> {
  const found = new Map<string, Map<string, SymbolGlyphUse>>();
  interface State {
    font: string;
    light: boolean;
    renderMode: number;
  }
  let state: State = { font: "", light: false, renderMode: 0 };
  const stack: State[] = [];
  const { fnArray, argsArray } = list;
  for (let index = 0; index < fnArray.length; index++) {
    const fn = fnArray[index];
    const args = argsArray[index] as unknown[] | null | undefined;
    if (fn === OPS.save || fn === OPS.paintFormXObjectBegin) stack.push({ ...state });
    else if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) state = stack.pop() ?? state;
    else if (fn === OPS.setFont) state.font = typeof args?.[0] === "string" ? args[0] : "";
    else if (fn === OPS.setFillRGBColor) state.light = isLight(args?.[0]);
    else if (fn === OPS.setTextRenderingMode) state.renderMode = typeof args?.[0] === "number" ? args[0] : 0;
    else if (fn === OPS.showText && Array.isArray(args?.[0])) {
      for (const glyph of args[0] as unknown[]) {
        if (typeof glyph !== "object" || glyph === null) continue;
        const { unicode, fontChar } = glyph as { unicode?: unknown; fontChar?: unknown };
        if (typeof unicode !== "string" || typeof fontChar !== "string" || !UNDECODABLE.test(unicode))
          continue;
        const uses = found.get(state.font) ?? new Map<string, SymbolGlyphUse>();
        found.set(state.font, uses);
        if (!uses.has(unicode))
          uses.set(unicode, {
            fontChar,
            lightFill: state.light,
            outlineOnly: state.renderMode === 1 || state.renderMode === 5,
          });
      }
    }
  }
  return found;
}

/**
 * Per font, the undecodable characters whose glyph is a box, with the ballot-box character they show.
 * Fonts and glyphs pdf.js has no outline for (Type 3, unloaded) are left out.
 */
export function symbolGlyphMeanings(
  list: PdfOperatorList,
  store: GlyphOutlineStore,
): Map<string, Map<string, string>> {
  const meanings = new Map<string, Map<string, string>>();
  for (const [font, uses] of undecodableGlyphs(list))
    for (const [unicode, use] of uses) {
      const id = `${font}_path_${use.fontChar}`;
      if (!store.has(id)) continue;
      const path = (store.get(id) as { path?: unknown } | null)?.path;
      if (!isNumberArray(path)) continue;
      const meaning = boxMeaning(outlineKind(path), use);
      if (meaning === undefined) continue;
      const fontMeanings = meanings.get(font) ?? new Map<string, string>();
      meanings.set(font, fontMeanings);
      fontMeanings.set(unicode, meaning);
    }
  return meanings;
}

function boxMeaning(kind: OutlineKind | undefined, use: SymbolGlyphUse): string | undefined {
  if (kind === "ticked-frame") return TICKED_BOX;
  if (kind === "frame") return EMPTY_BOX;
  if (kind === "square" && (use.lightFill || use.outlineOnly)) return EMPTY_BOX;
  return undefined;
}

/** `words` with the characters `meanings` knows replaced, by the word's font (the same array when none). */
export function withSymbolMeanings(
  words: Word[],
  meanings: ReadonlyMap<string, ReadonlyMap<string, string>>,
): Word[] {
  if (meanings.size === 0) return words;
  return words.map((word) => {
    const fontMeanings = meanings.get(word.fontId);
    if (fontMeanings === undefined) return word;
    let changed = false;
    let text = "";
    for (const character of word.text) {
      const meaning = fontMeanings.get(character);
      if (meaning !== undefined) changed = true;
      text += meaning ?? character;
    }
    return changed ? { ...word, text } : word;
  });
}

/**
 * The shape of a glyph outline (pdf.js DrawOPS in glyph units, an em being 1): a square "frame" (a
 * square contour with a square hole, its stroke thin), a frame with marks inside the hole, or a solid
 * "square" of one contour; undefined for anything else, and for squares too small to be boxes.
 */
export function outlineKind(path: ArrayLike<number>): OutlineKind | undefined {
  const contours = contoursOf(path);
  if (contours.length === 0) return undefined;
  const outer = contours.reduce((a, b) => (area(b) > area(a) ? b : a));
  if (!outer.rectangular || !isSquare(outer) || side(outer) < MIN_BOX_EMS) return undefined;
  const rest = contours.filter((contour) => contour !== outer);
  if (rest.length === 0) return "square";
  const holes = rest.filter(
    (contour) =>
      contour.rectangular && isSquare(contour) && boxInside(contour, outer) && isFrameHole(contour, outer),
  );
  if (holes.length === 0) return undefined;
  const hole = holes.reduce((a, b) => (area(b) > area(a) ? b : a));
  const marks = rest.filter((contour) => contour !== hole);
  if (marks.length === 0) return "frame";
  // Ticks and crosses sit in the hole; anything outside it (a drop shadow) makes it some other symbol.
  return marks.every((mark) => boxInside(mark, hole)) ? "ticked-frame" : undefined;
}

function contoursOf(path: ArrayLike<number>): Contour[] {
  const contours: Contour[] = [];
  let points: number[] = [];
  const flush = () => {
    if (points.length >= 6) contours.push(contour(points));
    points = [];
  };
  for (let index = 0; index < path.length; ) {
    const op = path[index++];
    if (op === MOVE_TO) {
      flush();
      points.push(path[index++]!, path[index++]!);
    } else if (op === LINE_TO) points.push(path[index++]!, path[index++]!);
    else if (op === CURVE_TO) {
      // Control points may stray off the box; the curve's end point is on the outline.
      index += 4;
      points.push(path[index++]!, path[index++]!);
    } else if (op === QUADRATIC_CURVE_TO) {
      index += 2;
      points.push(path[index++]!, path[index++]!);
    } else if (op === CLOSE_PATH) flush();
    else return []; // an opcode this reader does not know: no shape to tell
  }
  flush();
  return contours;
}

function contour(points: readonly number[]): Contour {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (let index = 0; index < points.length; index += 2) {
    left = Math.min(left, points[index]!);
    right = Math.max(right, points[index]!);
    top = Math.min(top, points[index + 1]!);
    bottom = Math.max(bottom, points[index + 1]!);
  }
  const tolerance = EDGE_TOLERANCE * Math.max(right - left, bottom - top);
  let rectangular = true;
  for (let index = 0; index < points.length && rectangular; index += 2) {
    const x = points[index]!;
    const y = points[index + 1]!;
    rectangular =
      Math.abs(x - left) <= tolerance ||
      Math.abs(x - right) <= tolerance ||
      Math.abs(y - top) <= tolerance ||
      Math.abs(y - bottom) <= tolerance;
  }
  return { left, top, right, bottom, rectangular };
}

function side(contour: Contour): number {
  return Math.max(contour.right - contour.left, contour.bottom - contour.top);
}

function area(contour: Contour): number {
  return (contour.right - contour.left) * (contour.bottom - contour.top);
}

function isSquare(contour: Contour): boolean {
  const width = contour.right - contour.left;
  const height = contour.bottom - contour.top;
  return (
    width > 0 && height > 0 && Math.abs(width - height) <= MAX_ASPECT_DIFFERENCE * Math.max(width, height)
  );
}

/** The hole leaves a thin stroke on every side of the frame. */
function isFrameHole(hole: Contour, outer: Contour): boolean {
  const limit = MAX_FRAME_SHARE * side(outer);
  return (
    hole.left - outer.left <= limit &&
    outer.right - hole.right <= limit &&
    hole.top - outer.top <= limit &&
    outer.bottom - hole.bottom <= limit
  );
}

function isLight(color: unknown): boolean {
  if (typeof color !== "string" || !/^#[0-9a-f]{6}$/iu.test(color)) return false;
  const channel = (offset: number) => Number.parseInt(color.slice(offset, offset + 2), 16) / 255;
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5) >= MIN_LIGHT_FILL;
}

function isNumberArray(value: unknown): value is ArrayLike<number> {
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}
