/**
 * Shaded header and footer bands of ruled tables. Reports often print a table's header row on a filled
 * band with no ruling above it, the column lines starting below the band: the rulings alone then frame
 * the table from its first body row, and the header falls out as loose text. A band drawn flush against
 * a ruled grid's top (or bottom) edge, as wide as the grid, is one more row of it: its edges become
 * rulings, and the grid's column lines are carried through it, so the lattice reads it like any row.
 * Coordinates in page points (or a reading frame's, consistently).
 */
import { type Box, centreInside, unionBoxes } from "../document/box.ts";
import type { Ruling } from "../document/ruling.ts";
import type { Word } from "../document/word.ts";
import type { Grid } from "./grid.ts";

/** A band's near edge within this of the grid's edge touches it (the lattice's own join tolerance). */
const EDGE_TOLERANCE = 3;
/** A band's sides within this of the grid's sides line up with them. */
const SIDE_TOLERANCE = 4;
/** Rectangles of one band (a fill per header cell) may leave gaps this wide between them. */
const MAX_PIECE_GAP = 3;
/** Shades whose tops differ by at most this belong to one band. */
const TOP_TOLERANCE = 1.5;
/** Bands thinner than this are rules or slivers, not rows (the lattice's smallest cell). */
const MIN_BAND_HEIGHT = 3;
/** A column line within this of a grid boundary is that boundary's line. */
const LINE_TOLERANCE = 2;
/** Text crosses a column boundary when it reaches this far past it on both sides. */
const CROSSING_MARGIN = 1;
/** Words on one line closer than this (in ems) are one phrase: a word space, not a cell's padding. */
const PHRASE_GAP_EMS = 0.35;
/** Bands stacked on one edge taken at most (a two-line header drawn as two bands). */
const MAX_BANDS_PER_EDGE = 3;

type Edge = "top" | "bottom";

/**
 * Extra rulings that join each shaded band flush against a grid's top or bottom edge to that grid: a
 * line along each of the band's long edges, and the grid's column lines through the band wherever no
 * text in the band runs across them (a header spanning columns stays one cell). A band whose words all fall
 * in one cell is a title bar or a heading over the table, not a row of it, and is left alone.
 */
export function bandRulings(
  grids: readonly Grid[],
  rulings: readonly Ruling[],
  shades: readonly Box[],
  words: readonly Word[],
): Ruling[] {
  if (shades.length === 0) return [];
  const verticals = rulings.filter((ruling) => ruling.orientation === "vertical");
  const extra: Ruling[] = [];
  for (const grid of grids) {
    for (const side of ["top", "bottom"] as const) {
      let edge = side === "top" ? grid.box.top : grid.box.bottom;
      // Column lines that reach the edge are the ones a band there continues.
      const columnLines = grid.xs
        .slice(1, -1)
        .filter((x) =>
          verticals.some((line) => Math.abs(line.position - x) <= LINE_TOLERANCE && reaches(line, edge)),
        );
      for (let step = 0; step < MAX_BANDS_PER_EDGE; step++) {
        const band = bandAt(shades, grid.box, edge, side);
        if (band === undefined) break;
        const inside = words.filter((word) => centreInside(word.box, band));
        const phrases = phraseSpans(inside);
        const cuts = columnLines.filter((x) => !phrases.some((span) => crosses(span, x)));
        if (occupiedCells(inside, cuts) < 2) break;
        const far = side === "top" ? band.top : band.bottom;
        const horizontal = (position: number): Ruling => ({
          orientation: "horizontal",
          position,
          start: grid.box.left,
          end: grid.box.right,
        });
        extra.push(horizontal(edge), horizontal(far));
        for (const x of cuts)
          extra.push({
            orientation: "vertical",
            position: x,
            start: Math.min(edge, far),
            end: Math.max(edge, far),
          });
        edge = far;
      }
    }
  }
  return extra;
}

/** A vertical line that ends at (or runs through) `edge`. */
function reaches(line: Ruling, edge: number): boolean {
  return line.start <= edge + EDGE_TOLERANCE && line.end >= edge - EDGE_TOLERANCE;
}

/**
 * The band flush against the grid's `side` at `edge`: shades touching the edge from outside, within the
 * grid's sides, of one height, that together cover the grid's width. Undefined when there is none.
 */
function bandAt(shades: readonly Box[], grid: Box, edge: number, side: Edge): Box | undefined {
  const touching = shades.filter(
    (shade) =>
      Math.abs((side === "top" ? shade.bottom : shade.top) - edge) <= EDGE_TOLERANCE &&
      (side === "top" ? edge - shade.top : shade.bottom - edge) >= MIN_BAND_HEIGHT &&
      shade.left >= grid.left - SIDE_TOLERANCE &&
      shade.right <= grid.right + SIDE_TOLERANCE,
  );
  if (touching.length === 0) return undefined;
  // Group by the far edge (a band's cells share it), nearest first.
  const far = (shade: Box) => (side === "top" ? shade.top : shade.bottom);
  const sorted = [...touching].sort((a, b) => Math.abs(far(a) - edge) - Math.abs(far(b) - edge));
  for (const first of sorted) {
    const pieces = touching.filter((shade) => Math.abs(far(shade) - far(first)) <= TOP_TOLERANCE);
    const band = spanning(pieces, grid);
    if (band !== undefined) return band;
  }
  return undefined;
}

/** The box around `pieces` when side by side they cover the grid's width; otherwise undefined. */
function spanning(pieces: readonly Box[], grid: Box): Box | undefined {
  const sorted = [...pieces].sort((a, b) => a.left - b.left);
  if (sorted[0]!.left > grid.left + SIDE_TOLERANCE) return undefined;
  let reach = sorted[0]!.right;
  for (const piece of sorted.slice(1)) {
    if (piece.left > reach + MAX_PIECE_GAP) return undefined;
    reach = Math.max(reach, piece.right);
  }
  if (reach < grid.right - SIDE_TOLERANCE) return undefined;
  return unionBoxes(sorted);
}

/** The extents of runs of words set a word space apart on one line (a header centred over two columns). */
function phraseSpans(words: readonly Word[]): Box[] {
  const sorted = [...words].sort((a, b) => a.box.left - b.box.left);
  const spans: { box: Box; size: number }[] = [];
  for (const word of sorted) {
    const y = (word.box.top + word.box.bottom) / 2;
    const joined = spans.find(
      (span) =>
        y >= span.box.top &&
        y <= span.box.bottom &&
        word.box.left - span.box.right < PHRASE_GAP_EMS * Math.max(span.size, word.fontSize),
    );
    if (joined === undefined) spans.push({ box: word.box, size: word.fontSize });
    else joined.box = unionBoxes([joined.box, word.box])!;
  }
  return spans.map((span) => span.box);
}

function crosses(box: Box, x: number): boolean {
  return box.left < x - CROSSING_MARGIN && box.right > x + CROSSING_MARGIN;
}

/** How many of the cells that `cuts` split the band into hold a word. */
function occupiedCells(words: readonly Word[], cuts: readonly number[]): number {
  const cells = new Set<number>();
  for (const word of words) {
    const x = (word.box.left + word.box.right) / 2;
    cells.add(cuts.filter((cut) => cut < x).length);
  }
  return cells.size;
}
