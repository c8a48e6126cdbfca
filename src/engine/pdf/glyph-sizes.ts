/**
 * The size text is actually drawn at, from the operator list. pdf.js's getTextContent starts a new text
 * item when the font or its Tf size changes, not when only the text matrix's scale does, so a run that
 * begins with a 5.5 pt fraction digit set by a scaled text matrix and goes on at 10 pt is reported at
 * 5.5 pt for its whole text. The operator list keeps every showText with the text state it is drawn in:
 * here each one becomes a span (where its glyphs sit on the page, the em size there), and the words of
 * a run take the size of the span that drew them. A run whose first word does not find its own
 * reported size there (a Type 3 font pdf.js sizes otherwise, a state walk gone wrong) is left as it is.
 */
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Word } from "../document/word.ts";
import { type Matrix, matrixArgument, multiply, toMatrix } from "./matrix.ts";
import type { PdfOperatorList } from "./operator-list.ts";
import type { RunWords } from "./overprint-runs.ts";
import type { PageGlyphs } from "./page-glyphs.ts";

/**
 * A showText on an upright horizontal baseline: its first glyph's origin in page points, where its last
 * glyph's advance ends, and its em size.
 */
export interface TextSpan {
  readonly x: number;
  readonly y: number;
  readonly end: number;
  readonly size: number;
}

interface TextState {
  ctm: Matrix;
  textMatrix: Matrix;
  lineX: number;
  lineY: number;
  x: number;
  y: number;
  font: string;
  fontSize: number;
  fontDirection: number;
  hScale: number;
  rise: number;
  charSpacing: number;
  wordSpacing: number;
  leading: number;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** pdf.js's default font matrix (glyph widths in thousandths of the em). */
const DEFAULT_WIDTH_SCALE = 0.001;
/** Points per bucket of the baseline index. */
const BUCKET = 2;
/** A span starts a word's glyph when it begins at most this share of the em after the word's left edge. */
const START_SLACK_EMS = 0.1;
/** A span lies on a word's baseline within this share of the em. */
const BASELINE_EMS = 0.1;
/** Sizes closer than this share are the same size (rounding of matrices). */
const SAME_SIZE = 0.02;
/** A word's size is corrected only when its span differs by more than this share. */
const SIZE_CHANGE = 0.05;

/**
 * The spans of the page's showText operators, in page points through `viewportTransform`; only text on
 * an upright horizontal baseline (the only kind whose runs are corrected). `widthScale` gives a font's
 * horizontal font-matrix scale (Type 3 fonts) when known, for the advance to the next showText. With
 * `glyphs`, each glyph's advance on the page is recorded there too (for glyph-positions.ts), spaces
 * included, for every upright showText.
 */
export function showTextSpans(
  list: PdfOperatorList,
  viewportTransform: Matrix,
  widthScale: (font: string) => number | undefined = () => undefined,
  glyphs?: PageGlyphs,
): TextSpan[] {
  const spans: TextSpan[] = [];
  const stack: TextState[] = [];
  let state: TextState = {
    ctm: viewportTransform,
    textMatrix: IDENTITY,
    lineX: 0,
    lineY: 0,
    x: 0,
    y: 0,
    font: "",
    fontSize: 0,
    fontDirection: 1,
    hScale: 1,
    rise: 0,
    charSpacing: 0,
    wordSpacing: 0,
    leading: 0,
  };
  const moveText = (x: number, y: number): void => {
    state.x = state.lineX += x;
    state.y = state.lineY += y;
  };
  const { fnArray, argsArray } = list;
  for (let index = 0; index < fnArray.length; index++) {
    const fn = fnArray[index];
    const args = argsArray[index] as unknown[] | null | undefined;
    const number = (at: number): number => {
      const value = args?.[at];
      return typeof value === "number" && Number.isFinite(value) ? value : 0;
    };
    if (fn === OPS.save) stack.push({ ...state });
    else if (fn === OPS.restore) state = stack.pop() ?? state;
    else if (fn === OPS.transform) {
      const inner = args ? toMatrix(args) : undefined;
      if (inner !== undefined) state.ctm = multiply(state.ctm, inner);
    } else if (fn === OPS.paintFormXObjectBegin) {
      stack.push({ ...state });
      const inner = matrixArgument(args?.[0]);
      if (inner !== undefined) state.ctm = multiply(state.ctm, inner);
    } else if (fn === OPS.paintFormXObjectEnd) state = stack.pop() ?? state;
    else if (fn === OPS.beginText) {
      state.textMatrix = IDENTITY;
      state.x = state.lineX = state.y = state.lineY = 0;
    } else if (fn === OPS.setTextMatrix) {
      state.textMatrix = matrixArgument(args?.[0]) ?? state.textMatrix;
      state.x = state.lineX = state.y = state.lineY = 0;
    } else if (fn === OPS.moveText) moveText(number(0), number(1));
    else if (fn === OPS.setLeadingMoveText) {
      state.leading = number(1);
      moveText(number(0), number(1));
    } else if (fn === OPS.setLeading) state.leading = -number(0);
    else if (fn === OPS.nextLine) moveText(0, state.leading);
    else if (fn === OPS.setFont) {
      state.font = typeof args?.[0] === "string" ? args[0] : "";
      state.fontDirection = number(1) < 0 ? -1 : 1;
      state.fontSize = Math.abs(number(1));
    } else if (fn === OPS.setHScale) state.hScale = number(0) / 100;
    else if (fn === OPS.setTextRise) state.rise = number(0);
    else if (fn === OPS.setCharSpacing) state.charSpacing = number(0);
    else if (fn === OPS.setWordSpacing) state.wordSpacing = number(0);
    else if (fn === OPS.showText) {
      const shown = args?.[0];
      if (!Array.isArray(shown) || state.fontSize === 0) continue;
      const scale = widthScale(state.font) ?? DEFAULT_WIDTH_SCALE;
      const width = advance(state, shown, scale);
      const matrix = multiply(state.ctm, state.textMatrix);
      const span = uprightSpan(state, width, matrix);
      // Spaces draw nothing: a run of them set wide by word spacing would seem to cover the text around it.
      if (span !== undefined && shown.some(isInk)) spans.push(span);
      if (span !== undefined && glyphs !== undefined) {
        const glyphFrom = glyphs.count;
        recordGlyphs(state, shown, scale, span.x, matrix[0], glyphs);
        glyphs.group({ ...span, glyphFrom, glyphTo: glyphs.count });
      }
      state.x += width;
    }
  }
  return spans;
}

/**
 * Where the showText's glyphs sit (`width`: their advance in text space) and its em size, when its
 * baseline is upright horizontal.
 */
function uprightSpan(state: TextState, width: number, matrix: Matrix): TextSpan | undefined {
  const [a, b, c, d] = matrix;
  // Page y grows downwards: upright text has its x axis to the right and its em upwards (negative y).
  if (!(a > 0 && d < 0) || Math.abs(b) > 0.01 * a || Math.abs(c) > 0.01 * -d) return undefined;
  const x = state.x;
  const y = state.y + state.rise;
  const start = a * x + c * y + matrix[4];
  return {
    x: start,
    y: b * x + d * y + matrix[5],
    end: Math.max(start, start + a * width),
    size: state.fontSize * Math.hypot(c, d),
  };
}

function isInk(glyph: unknown): boolean {
  const unicode =
    typeof glyph === "object" && glyph !== null ? (glyph as { unicode?: unknown }).unicode : undefined;
  return typeof unicode === "string" && unicode.trim() !== "";
}

/**
 * Adds each glyph of an upright showText starting at page x `origin` to `out`: its advance, in page x.
 * `scaleX` is the page points per text-space unit along the baseline (the text matrix times the CTM's
 * x scale).
 */
function recordGlyphs(
  state: TextState,
  glyphs: readonly unknown[],
  widthScale: number,
  origin: number,
  scaleX: number,
  out: PageGlyphs,
): void {
  // The horizontal scale and the font's direction apply to every advance, as in advance() below.
  const perUnit = scaleX * state.hScale * state.fontDirection;
  const em = state.fontSize * widthScale;
  let x = 0;
  for (const glyph of glyphs) {
    if (typeof glyph === "number") {
      x -= (glyph * state.fontSize) / 1000;
      continue;
    }
    if (typeof glyph !== "object" || glyph === null) continue;
    const { width, isSpace, unicode } = glyph as { width?: unknown; isSpace?: unknown; unicode?: unknown };
    const advance = (typeof width === "number" ? width : 0) * em;
    if (typeof unicode === "string" && unicode !== "") {
      const start = origin + x * perUnit;
      const end = origin + (x + advance) * perUnit;
      out.push(Math.min(start, end), Math.max(start, end), unicode, unicode.trim() === "");
    }
    x += advance + ((isSpace === true ? state.wordSpacing : 0) + state.charSpacing) * state.fontDirection;
  }
}

/** How far (text-space units) the showText moves the text position, as pdf.js's canvas draws it. */
function advance(state: TextState, glyphs: readonly unknown[], widthScale: number): number {
  let x = 0;
  for (const glyph of glyphs) {
    if (typeof glyph === "number") x -= (glyph * state.fontSize) / 1000;
    else if (typeof glyph === "object" && glyph !== null) {
      const { width, isSpace } = glyph as { width?: unknown; isSpace?: unknown };
      const spacing = (isSpace === true ? state.wordSpacing : 0) + state.charSpacing;
      x +=
        (typeof width === "number" ? width : 0) * state.fontSize * widthScale + spacing * state.fontDirection;
    }
  }
  return x * state.hScale * state.fontDirection;
}

/** The page's spans by baseline, for finding the ones a word is drawn in. */
export class SpanIndex<Span extends TextSpan = TextSpan> {
  readonly #buckets = new Map<number, Span[]>();

  constructor(spans: readonly Span[]) {
    for (const span of spans) {
      const key = Math.round(span.y / BUCKET);
      const bucket = this.#buckets.get(key);
      if (bucket === undefined) this.#buckets.set(key, [span]);
      else bucket.push(span);
    }
  }

  /** The span on the word's baseline that begins last at or before the word's left edge. */
  spanAt(word: Word): Span | undefined {
    const reach = word.box.left + START_SLACK_EMS * word.fontSize;
    let found: Span | undefined;
    for (const span of this.onBaseline(word.baseline.y, word.fontSize))
      if (span.x <= reach && (found === undefined || span.x > found.x)) found = span;
    return found;
  }

  /**
   * The span on the word's baseline that covers most of its box. Words inside a run are placed by
   * character count, so their ends are estimates; the span most of the box falls in is the one that
   * drew most of it even when an end strays into a neighbour.
   */
  spanOver(word: Word): Span | undefined {
    let found: Span | undefined;
    let most = 0;
    for (const span of this.onBaseline(word.baseline.y, word.fontSize)) {
      const overlap = Math.min(word.box.right, span.end) - Math.max(word.box.left, span.x);
      if (overlap > most) {
        most = overlap;
        found = span;
      }
    }
    return found;
  }

  /** The spans whose baseline lies within a tenth of the em (`size`) of `y`. */
  *onBaseline(y: number, size: number): Generator<Span> {
    const key = Math.round(y / BUCKET);
    for (let offset = -1; offset <= 1; offset++)
      for (const span of this.#buckets.get(key + offset) ?? [])
        if (Math.abs(span.y - y) <= BASELINE_EMS * size) yield span;
  }
}

/**
 * The runs with each word's size taken from the span that drew most of it, where that differs from the
 * size pdf.js reported for the run; the box is scaled about the baseline to match. Runs that are not
 * upright horizontal, or whose first word does not start in a span of the reported size (the one
 * pdf.js sized the run by), are kept as they are.
 */
export function withGlyphSizes(runs: readonly RunWords[], index: SpanIndex): RunWords[] {
  return runs.map((run) => {
    if (run.words.length < 2 || run.words.some((word) => word.angle !== 0)) return run;
    const first = run.words.reduce((left, word) => (word.box.left < left.box.left ? word : left));
    const own = index.spanAt(first);
    if (own === undefined || !near(own.size, first.fontSize, SAME_SIZE)) return run;
    let changed = false;
    const words = run.words.map((word) => {
      const size = index.spanOver(word)?.size;
      if (size === undefined || near(size, word.fontSize, SIZE_CHANGE)) return word;
      changed = true;
      return resized(word, size);
    });
    return changed ? { ...run, words } : run;
  });
}

function near(a: number, b: number, share: number): boolean {
  return Math.abs(a - b) <= share * Math.max(a, b);
}

/** The word at em size `size`, its box scaled about its (horizontal) baseline. */
function resized(word: Word, size: number): Word {
  const ratio = size / word.fontSize;
  const baseline = word.baseline.y;
  const box = {
    ...word.box,
    top: baseline - (baseline - word.box.top) * ratio,
    bottom: baseline + (word.box.bottom - baseline) * ratio,
  };
  return { ...word, fontSize: size, box };
}
