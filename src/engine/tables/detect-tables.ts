/**
 * Finds the tables of one page: ruled tables first (their borders are the strongest evidence), then
 * tables aligned by text alone among the words no ruled table took. Tables printed sideways are found
 * in a turned reading frame. Pure: page words and rulings in page points in, tables out, top to bottom.
 */
import type { Box } from "../document/box.ts";
import type { Ruling } from "../document/ruling.ts";
import type { Table } from "../document/table.ts";
import type { Word } from "../document/word.ts";
import { splitAtBlankLines } from "./blank-line-rows.ts";
import { buildTable, type DetectedTable } from "./build-table.ts";
import { isChartArea } from "./chart-area.ts";
import { assignWords, compactGrid, dropSpacers } from "./grid.ts";
import { underSegmented } from "./hybrid.ts";
import { coverage, latticeGrids } from "./lattice.ts";
import {
  type FrameAngle,
  frameAngleOf,
  fromFrame,
  type ReadingFrame,
  rulingToFrame,
  toFrame,
  wordToFrame,
} from "./page-frame.ts";
import { bandRulings } from "./shaded-bands.ts";
import { streamTableIn, streamTables } from "./stream.ts";

export interface TablePageInput {
  readonly words: readonly Word[];
  readonly rulings: readonly Ruling[];
  /** Shaded rectangles the page fills (cells, header bands); none when absent. */
  readonly shades?: readonly Box[];
  /** Boxes of the page's drawn lines and curves (chart-area.ts); none when absent. */
  readonly drawings?: readonly Box[];
  /** Page size in points (needed to turn sideways tables upright). */
  readonly width: number;
  readonly height: number;
}

/** Sideways text needs at least this many words before a turned frame is searched. */
const MIN_FRAME_WORDS = 12;
/** A frame's vertical line bounds a column of its text table when it runs this share of its height. */
const FORCED_COLUMN_COVERAGE = 0.5;
/** A ruled grid with more spanning cells than this share is a drawing (a bar chart), not a table. */
const MAX_SPANNING_SHARE = 0.4;
/** Empty grid bands thinner than this share of the table's text height are spacers. */
const SPACER_EMS = 0.8;
/** A box within this many points of a page edge reaches it. */
const BLEED_EDGE = 1;

export function detectTables(page: TablePageInput): DetectedTable[] {
  const counts = new Map<FrameAngle, number>();
  for (const word of page.words) {
    const angle = frameAngleOf(word.angle);
    if (angle !== undefined) counts.set(angle, (counts.get(angle) ?? 0) + 1);
  }
  // Frames with the most text first: a sideways page's ruled table belongs to its sideways frame.
  const angles = [...counts.entries()]
    .filter(([angle, count]) => angle === 0 || count >= MIN_FRAME_WORDS)
    .sort((a, b) => b[1] - a[1])
    .map(([angle]) => angle);
  const tables: DetectedTable[] = [];
  const taken = new Set<Word>();
  for (const angle of angles) {
    const frame: ReadingFrame = { angle, width: page.width, height: page.height };
    const free = page.words.filter((word) => !taken.has(word));
    const original = new Map<Word, Word>();
    const words = free.map((word) => {
      const turned = wordToFrame(frame, word);
      original.set(turned, word);
      return turned;
    });
    const claimed = tables.map((table) => toFrame(frame, table.box));
    for (const found of upright(
      words,
      page.rulings.map((ruling) => rulingToFrame(frame, ruling)),
      (page.shades ?? []).map((shade) => toFrame(frame, shade)),
      (page.drawings ?? []).map((drawing) => toFrame(frame, drawing)),
      claimed,
    )) {
      const table = toPage(frame, found, original);
      tables.push(table);
      for (const word of table.words) taken.add(word);
    }
  }
  // A grid bleeding off both sides of the page is its design (coloured panels of a cover), not a table.
  const bleeds = (box: Box) => box.left <= BLEED_EDGE && box.right >= page.width - BLEED_EDGE;
  return tables
    .filter((table) => !bleeds(table.box))
    .sort((a, b) => a.box.top - b.box.top || a.box.left - b.box.left);
}

/** Tables whose text is upright in the given (frame) coordinates, avoiding boxes already claimed. */
function upright(
  words: readonly Word[],
  rulings: readonly Ruling[],
  shades: readonly Box[],
  drawings: readonly Box[],
  claimed: readonly Box[],
): DetectedTable[] {
  const tables: DetectedTable[] = [];
  let free: readonly Word[] = words;
  const blocked = (box: Box) =>
    claimed.some((other) => overlapShare(other, box) > 0.5) ||
    tables.some((table) => overlapShare(table.box, box) > 0.5);
  // A shaded header band flush against a grid is a row of it: its edges join the rulings.
  let grids = latticeGrids(rulings);
  const bands = shades.length === 0 ? [] : bandRulings(grids, rulings, shades, words);
  const lines = bands.length === 0 ? rulings : [...rulings, ...bands];
  if (bands.length > 0) grids = latticeGrids(lines);
  // Smallest frames first: a frame around a whole page section that holds a ruled table is layout.
  grids.sort((a, b) => area(a.box) - area(b.box));
  for (const grid of grids) {
    if (blocked(grid.box)) continue;
    if (tables.some((table) => inside(table.box, grid.box))) continue;
    const compact = compactGrid(grid);
    const assigned = assignWords(compact, free);
    // A ruled table of this frame holds mostly upright text (sideways headers are fine).
    const cellWords = assigned.flat();
    if (cellWords.filter((word) => word.angle === 0).length < cellWords.length / 2) continue;
    let detected: DetectedTable | undefined;
    if (underSegmented(compact, assigned)) {
      // Vertical lines through most of the frame still bound columns; those around a header group do not.
      const verticals = lines.filter((ruling) => ruling.orientation === "vertical");
      const xs = compact.xs
        .slice(1, -1)
        .filter((x) => coverage(verticals, x, compact.box.top, compact.box.bottom) >= FORCED_COLUMN_COVERAGE);
      detected = streamTableIn(
        cellWords.filter((word) => word.angle === 0),
        lines,
        compact.box,
        xs,
      );
    } else {
      // Bars and boxes of a chart merge most grid positions into odd spans; a table's spans are few.
      const spanning = compact.cells.filter((cell) => cell.rowSpan > 1 || cell.columnSpan > 1).length;
      if (spanning > MAX_SPANNING_SHARE * compact.cells.length) continue;
      const [clean, cleanWords] = dropSpacers(compact, assigned, SPACER_EMS * textHeight(cellWords));
      // Records a ruled row holds one under another, blank lines apart, are rows of their own.
      const [split, splitWords] = splitAtBlankLines(clean, cleanWords);
      detected = buildTable(split, splitWords, { method: "lattice", cellBoxes: "grid" });
    }
    if (detected === undefined) continue;
    tables.push(detected);
    const used = new Set(detected.words);
    free = free.filter((word) => !used.has(word));
  }
  // Text inside a ruled table's frame but in no cell (slightly outside a border) stays out of stream.
  const outside = free.filter((word) => !tables.some((table) => containsCentre(table.box, word.box)));
  for (const table of streamTables(outside, rulings)) {
    // Tick labels and legends of a chart line up too; its plotted lines run between them.
    if (!blocked(table.box) && !isChartArea(table.box, drawings)) tables.push(table);
  }
  return tables;
}

/** The table carried back from frame to page coordinates, with the page's own word objects. */
function toPage(frame: ReadingFrame, found: DetectedTable, original: ReadonlyMap<Word, Word>): DetectedTable {
  const words = found.words.map((word) => original.get(word) ?? word);
  if (frame.angle === 0) return { ...found, words };
  const table: Table = {
    ...found.table,
    cells: found.table.cells.map((cell) => ({
      ...cell,
      box: cell.box === null ? null : fromFrame(frame, cell.box),
    })),
  };
  return { table, box: fromFrame(frame, found.box), words };
}

function textHeight(words: readonly Word[]): number {
  const heights = words.map((word) => word.box.bottom - word.box.top).sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? 0;
}

function area(box: Box): number {
  return (box.right - box.left) * (box.bottom - box.top);
}

/** Overlap area as a share of the smaller box. */
function overlapShare(a: Box, b: Box): number {
  const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  if (width <= 0 || height <= 0) return 0;
  const smaller = Math.min(area(a), area(b));
  return smaller > 0 ? (width * height) / smaller : 0;
}

function inside(inner: Box, outer: Box): boolean {
  return (
    inner.left >= outer.left - 1 &&
    inner.right <= outer.right + 1 &&
    inner.top >= outer.top - 1 &&
    inner.bottom <= outer.bottom + 1
  );
}

function containsCentre(outer: Box, inner: Box): boolean {
  const x = (inner.left + inner.right) / 2;
  const y = (inner.top + inner.bottom) / 2;
  return x >= outer.left && x <= outer.right && y >= outer.top && y <= outer.bottom;
}
