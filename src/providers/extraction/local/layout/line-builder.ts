/**
 * Groups positioned words of one page into visual lines (full page width, so a label and its value in
 * another column share a line) and cuts each line into segments at wide gaps. Distances are relative to
 * the line's token height, so the same rules hold for PDF points and for scan pixels.
 */
import type { Box } from "../../../../engine/document/box.ts";
import { unionOf } from "../output/citations.ts";
import { fold } from "../text/fold.ts";
import { type Geometry, type Line, SEGMENT_MARK, type Segment, type Token } from "./layout-model.ts";

/** A word as the builder takes it: from `ocr.words`, or estimated from a block's text. */
export interface PlacedWord {
  readonly text: string;
  readonly box: Box;
  readonly confidence: number | null;
  /** The parse block the word was estimated from (block and plain-text geometry). */
  readonly blockIndex?: number;
  /** Words estimated from one block row or table cell share a group; a segment never spans two. */
  readonly group?: number;
}

/** Share of the shorter height two words must overlap vertically to share a line. */
const MIN_VERTICAL_OVERLAP = 0.5;
/** A horizontal gap wider than this many line heights starts a new segment (gutter, cell border). */
const SEGMENT_GAP = 0.9;
/** A gutter is at least this many word spaces wide (when spaces are wide, see wordSpacing). */
const SPACES_PER_GUTTER = 2.2;
/** Words this many times taller than the page's median are rotated text or rules: kept on their own. */
const TALL_WORD = 3;

interface OpenLine {
  readonly words: PlacedWord[];
  top: number;
  bottom: number;
}

export interface LineSeed {
  readonly tokens: Token[];
  readonly segments: Segment[];
  readonly box: Box;
  readonly height: number;
  readonly blockIndices: readonly (number | undefined)[];
}

/** Lines of one page, top to bottom (then left to right). */
/**
 * `slope`: how far the page's text lines fall per point to the right (a scan read askew; 0 when level).
 * Words are grouped into lines as if the page were level, and keep their boxes on the page.
 */
export function buildLines(words: readonly PlacedWord[], geometry: Geometry, slope = 0): LineSeed[] {
  const placed = dropDuplicates(words.filter((word) => word.text.trim() !== ""));
  if (placed.length === 0) return [];
  const onPage = new Map<PlacedWord, PlacedWord>();
  const kept = slope === 0 ? placed : placed.map((word) => levelled(word, slope, onPage));
  const heights = kept.map((word) => word.box.bottom - word.box.top).sort((a, b) => a - b);
  const medianHeight = heights[Math.floor(heights.length / 2)]!;
  const sorted = [...kept].sort(
    (a, b) => a.box.top + a.box.bottom - (b.box.top + b.box.bottom) || a.box.left - b.box.left,
  );
  const open: OpenLine[] = [];
  const loners: OpenLine[] = [];
  for (const word of sorted) {
    const height = word.box.bottom - word.box.top;
    if (height > TALL_WORD * medianHeight && word.box.right - word.box.left < height) {
      loners.push({ words: [word], top: word.box.top, bottom: word.box.bottom });
      continue;
    }
    let best: OpenLine | undefined;
    let bestOverlap = 0;
    // Lines are opened in top order; only the last few can still overlap this word.
    for (let index = open.length - 1; index >= Math.max(0, open.length - 12); index--) {
      const line = open[index]!;
      const overlap = Math.min(line.bottom, word.box.bottom) - Math.max(line.top, word.box.top);
      const shorter = Math.min(line.bottom - line.top, height);
      const share = shorter > 0 ? overlap / shorter : 0;
      if (share >= MIN_VERTICAL_OVERLAP && share > bestOverlap) {
        best = line;
        bestOverlap = share;
      }
    }
    if (best === undefined) open.push({ words: [word], top: word.box.top, bottom: word.box.bottom });
    else best.words.push(word);
  }
  // Words come as words (`ocr.words`); runs a PDF split for kerning are the parser's to join.
  const ordered = [...open, ...loners].map((line) =>
    [...line.words].sort((a, b) => a.box.left - b.box.left).map((word) => onPage.get(word) ?? word),
  );
  const spacing = wordSpacing(ordered);
  return ordered
    .map((line) => seed(line, geometry, spacing))
    .sort((a, b) => a.box.top - b.box.top || a.box.left - b.box.left);
}

/**
 * The page's usual gap between words of a line, relative to their height: most gaps are word spaces,
 * so a low percentile of all gaps is one. Letter-spaced text (and OCR'd scans) space words widely, and
 * a fixed gutter threshold would cut their phrases apart.
 */
function wordSpacing(lines: readonly (readonly PlacedWord[])[]): number {
  const gaps: number[] = [];
  for (const words of lines)
    for (let index = 1; index < words.length; index++) {
      const height = Math.max(1e-6, words[index]!.box.bottom - words[index]!.box.top);
      const gap = words[index]!.box.left - words[index - 1]!.box.right;
      if (gap > 0) gaps.push(gap / height);
    }
  if (gaps.length < 5) return 0;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length * 0.3)]!;
}

/** The word as on a level page: moved up by the slope's fall at its centre (`onPage` maps it back). */
function levelled(word: PlacedWord, slope: number, onPage: Map<PlacedWord, PlacedWord>): PlacedWord {
  const fall = slope * ((word.box.left + word.box.right) / 2);
  const level = { ...word, box: { ...word.box, top: word.box.top - fall, bottom: word.box.bottom - fall } };
  onPage.set(level, word);
  return level;
}

function seed(ordered: readonly PlacedWord[], geometry: Geometry, spacing: number): LineSeed {
  const heights = ordered.map((word) => word.box.bottom - word.box.top).sort((a, b) => a - b);
  const height = heights[Math.floor(heights.length / 2)] || 1;
  const segmentGap = Math.max(SEGMENT_GAP, SPACES_PER_GUTTER * spacing) * height;
  const tokens: Token[] = ordered.map((word) => ({
    text: word.text,
    folded: fold(word.text),
    box: word.box,
    confidence: word.confidence,
  }));
  const segments: Segment[] = [];
  let start = 0;
  for (let index = 1; index <= ordered.length; index++) {
    const previous = ordered[index - 1]!;
    const current = ordered[index];
    const wide = current !== undefined && current.box.left - previous.box.right > segmentGap;
    const regroup = current !== undefined && geometry !== "word" && current.group !== previous.group;
    // Estimated boxes (block geometry) have no real gaps: only the block or cell boundary counts.
    const breaks = current === undefined || regroup || (geometry !== "block" && wide);
    if (breaks) {
      segments.push({ start, end: index, box: unionOf(ordered.slice(start, index).map((word) => word.box)) });
      start = index;
    }
  }
  return {
    tokens,
    segments,
    box: unionOf(ordered.map((word) => word.box)),
    height,
    blockIndices: ordered.map((word) => word.blockIndex),
  };
}

/** The same text drawn twice at the same spot (fake bold, shadows) is one word. */
function dropDuplicates(words: readonly PlacedWord[]): PlacedWord[] {
  const seen = new Map<string, PlacedWord[]>();
  const kept: PlacedWord[] = [];
  for (const word of words) {
    const others = seen.get(word.text) ?? [];
    const tolerance = 0.1 * (word.box.bottom - word.box.top);
    if (
      others.some(
        (other) =>
          Math.abs(other.box.left - word.box.left) <= tolerance &&
          Math.abs(other.box.top - word.box.top) <= tolerance,
      )
    )
      continue;
    others.push(word);
    seen.set(word.text, others);
    kept.push(word);
  }
  return kept;
}

/** Completes seeds into Lines (index, folded text with token offsets) in the order given. */
export function toLine(
  seedLine: LineSeed,
  index: number,
  fileIndex: number,
  page: number,
  geometry: Geometry,
  blockIndex: number | undefined,
): Line {
  const tokenStarts: number[] = [];
  let folded = "";
  const segmentStarts = new Set(seedLine.segments.map((segment) => segment.start));
  seedLine.tokens.forEach((token, index) => {
    // A mark between segments keeps phrases from matching across a column gap.
    if (folded !== "") folded += segmentStarts.has(index) ? ` ${SEGMENT_MARK} ` : " ";
    tokenStarts.push(folded.length);
    folded += token.folded;
  });
  return {
    index,
    fileIndex,
    page,
    tokens: seedLine.tokens,
    segments: seedLine.segments,
    box: seedLine.box,
    height: seedLine.height,
    folded,
    tokenStarts,
    geometry,
    blockIndex,
  };
}
