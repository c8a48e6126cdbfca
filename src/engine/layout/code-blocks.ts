/**
 * Code listings: consecutive lines set in a monospace font that read as program text become one code
 * block, its lines kept as printed (line breaks, indentation, the spacing between tokens) instead of
 * being joined into a paragraph or taken for a table by the alignment of their columns. render/ writes
 * the block as a fenced code block.
 *
 * A line is a code line when nearly all its characters are in a monospace text font (TeX's math and
 * text fonts that pdf.js calls fixed-pitch are not). Code lines one above the other, in the same
 * column, with no other text between them and at most about a blank line apart, form a run; a run of
 * at least two rows whose characters include program punctuation ({ } ; = _ / …; document/program-text.ts)
 * is a listing.
 * Prose typed in Courier (transcripts, typewritten letters) has almost none and stays text.
 *
 * Within a row, tokens are spaced by the font's character cell: a gap of n cells is n spaces (columns
 * aligned with spaces stay aligned). Where the document draws its spaces as glyphs (Word.spaceAfter
 * anywhere in the run), a gap without one is letter spacing, not a space (TeX listings set every token
 * apart). Indentation is counted in cells from the run's leftmost line. Distances are in points.
 */
import type { Block } from "../document/block.ts";
import { type Box, unionBoxes } from "../document/box.ts";
import type { Line } from "../document/line.ts";
import { readsAsProgramText } from "../document/program-text.ts";
import type { Word } from "../document/word.ts";
import { isMathFont } from "../formulas/math-glyphs.ts";

/** A code line has at least this share of its characters in a monospace font. */
const MIN_MONOSPACE_SHARE = 0.8;
/** Rows of one listing are at most this many ems apart (bottom to top): one blank line and some. */
const MAX_ROW_GAP_EMS = 1.7;
/** Pieces of one row (a line split at a wide alignment gap) are at most this many ems apart. */
const MAX_ROW_PIECE_GAP_EMS = 6;
/** Lines whose font sizes differ by more than this ratio are not one listing. */
const MAX_FONT_SIZE_RATIO = 1.2;
/** A listing has at least this many rows. */
const MIN_ROWS = 2;
/** Baselines within this many ems are one row. */
const ROW_TOLERANCE_EMS = 0.3;
/** A word is on the character grid when its advance per character is within this share of the cell… */
const GRID_TOLERANCE = 0.05;
/** …and a listing is set on the grid when this share of its monospace words are. */
const MIN_GRID_SHARE = 0.8;
/** A gap of more than this many cells after a space glyph is alignment: count its cells. */
const ALIGNMENT_CELLS = 2.5;
/** On the grid or without space glyphs, a gap of at least this many cells is a space. */
const SPACE_CELLS = 0.5;
/** Off the grid with space glyphs, a gap without one needs this many cells to count as a space. */
const UNMARKED_SPACE_CELLS = 1.5;

export interface CodeLayout {
  /** The listings found, as text blocks with `code` set. */
  readonly code: Block[];
  /** Every other line, for paragraph grouping. */
  readonly rest: Line[];
}

export function findCodeBlocks(lines: readonly Line[]): CodeLayout {
  const candidates = lines.filter(isCodeLine).sort((a, b) => a.box.top - b.box.top);
  if (candidates.length < MIN_ROWS) return { code: [], rest: [...lines] };
  const candidateSet = new Set(candidates);
  const others = lines.filter((line) => !candidateSet.has(line));
  const runs: Line[][] = [];
  for (const line of candidates) {
    const run = runs.find((lines) => continuesRun(lines, line, others));
    if (run === undefined) runs.push([line]);
    else run.push(line);
  }
  const code: Block[] = [];
  const taken = new Set<Line>();
  for (const run of runs) {
    const rows = toRows(run);
    if (rows.length < MIN_ROWS || !readsAsProgramText(run.map((line) => line.text).join("\n"))) continue;
    code.push(codeBlock(rows));
    for (const line of run) taken.add(line);
  }
  return { code, rest: lines.filter((line) => !taken.has(line)) };
}

/** Monospace in the font's own sense: pdf.js calls some TeX math and roman fonts fixed-pitch. */
export function isMonospaceWord(word: Word): boolean {
  if (word.fontFamily !== "monospace" || isMathFont(word.fontName)) return false;
  const name = word.fontName ?? "";
  return !/^(?:cm|sf|ec|lm)[a-z]*\d/iu.test(name) || /tt|mono/iu.test(name);
}

function isCodeLine(line: Line): boolean {
  if (line.angle !== 0 || line.direction !== "ltr") return false;
  let monospace = 0;
  let all = 0;
  for (const word of line.words) {
    all += word.text.length;
    if (isMonospaceWord(word)) monospace += word.text.length;
  }
  return all > 0 && monospace >= MIN_MONOSPACE_SHARE * all;
}

/** `line` (below every line of `run` or beside its last row) carries the run on. */
function continuesRun(run: readonly Line[], line: Line, others: readonly Line[]): boolean {
  const last = run.at(-1)!;
  const size = Math.max(last.fontSize, line.fontSize);
  if (size > MAX_FONT_SIZE_RATIO * Math.min(last.fontSize, line.fontSize)) return false;
  // Another piece of the last row: on its baseline, a few ems to its right.
  if (Math.abs(line.baseline - last.baseline) <= ROW_TOLERANCE_EMS * size)
    return line.box.left >= last.box.right && line.box.left - last.box.right <= MAX_ROW_PIECE_GAP_EMS * size;
  const box = unionBoxes(run.map((piece) => piece.box))!;
  const gap = line.box.top - box.bottom;
  if (gap > MAX_ROW_GAP_EMS * size || line.baseline <= last.baseline) return false;
  if (line.box.left >= box.right || line.box.right <= box.left) return false;
  // Text between the two (a caption, a paragraph) ends the listing.
  return !others.some(
    (other) =>
      other.box.top >= box.bottom - 1 &&
      other.box.bottom <= line.box.top + 1 &&
      other.box.left < Math.max(box.right, line.box.right) &&
      other.box.right > Math.min(box.left, line.box.left),
  );
}

/** The run's lines in rows (one baseline each), top to bottom, each row's words left to right. */
function toRows(run: readonly Line[]): Line[][] {
  const rows: Line[][] = [];
  for (const line of [...run].sort((a, b) => a.baseline - b.baseline)) {
    const row = rows.at(-1);
    if (row !== undefined && Math.abs(row[0]!.baseline - line.baseline) <= ROW_TOLERANCE_EMS * line.fontSize)
      row.push(line);
    else rows.push([line]);
  }
  return rows.map((row) => row.sort((a, b) => a.box.left - b.box.left));
}

/** A code block of `lines` (a listing's, or what is left of one): rows by baseline, text as printed. */
export function codeBlockOf(lines: readonly Line[]): Block {
  return codeBlock(toRows(lines));
}

function codeBlock(rows: readonly Line[][]): Block {
  const lines = rows.flat();
  const cell = cellWidth(lines.flatMap((line) => line.words));
  const rowWords = rows.map((row) =>
    row.flatMap((line) => line.words).sort((a, b) => a.box.left - b.box.left),
  );
  const spacing = spacingOf(
    lines.flatMap((line) => line.words),
    cell,
  );
  const left = Math.min(...lines.map((line) => line.box.left));
  const text = rowWords
    .map((rowWords) => {
      let out = " ".repeat(Math.max(0, Math.round((rowWords[0]!.box.left - left) / cell)));
      rowWords.forEach((word, index) => {
        const previous = rowWords[index - 1];
        if (previous !== undefined) out += " ".repeat(spacesBetween(previous, word, cell, spacing));
        out += word.text;
      });
      return out;
    })
    .join("\n");
  return { type: "text", text, box: unionBoxes(lines.map((line) => line.box)) as Box, lines, code: true };
}

type Spacing = "grid" | "glyphs" | "gaps";

function spacesBetween(previous: Word, word: Word, cell: number, spacing: Spacing): number {
  const cells = (word.box.left - previous.box.right) / cell;
  const marked = previous.spaceAfter === true;
  if (spacing === "glyphs") {
    if (marked) return cells > ALIGNMENT_CELLS ? Math.round(cells) : 1;
    return cells < UNMARKED_SPACE_CELLS ? 0 : Math.round(cells);
  }
  if (cells < SPACE_CELLS) return marked ? 1 : 0;
  return Math.max(1, Math.round(cells));
}

/**
 * How the listing's gaps read as spaces. On a character grid (every monospace word as wide as its
 * characters' cells: the font's own advances) a gap of n cells is n spaces. Off the grid (TeX listings
 * set each token apart by a little) a gap says nothing by its width, and where the listing draws space
 * glyphs they mark the spaces.
 */
function spacingOf(words: readonly Word[], cell: number): Spacing {
  const monospace = words.filter((word) => isMonospaceWord(word) && word.text.length > 0);
  const onGrid = monospace.filter(
    (word) =>
      Math.abs((word.box.right - word.box.left) / [...word.text].length - cell) <= GRID_TOLERANCE * cell,
  ).length;
  if (onGrid >= MIN_GRID_SHARE * monospace.length) return "grid";
  return words.some((word) => word.spaceAfter === true) ? "glyphs" : "gaps";
}

/** The character cell of the listing's font: the median advance per character of its monospace words. */
function cellWidth(words: readonly Word[]): number {
  const advances = words
    .filter((word) => isMonospaceWord(word) && word.text.length > 0)
    .map((word) => (word.box.right - word.box.left) / [...word.text].length)
    .sort((a, b) => a - b);
  const median = advances[Math.floor(advances.length / 2)];
  return median !== undefined && median > 0 ? median : 0.6 * (words[0]?.fontSize ?? 10);
}
