/**
 * Charts pass for stream tables: an axis's tick labels stack in a column of numbers, a legend's entries
 * line up in rows. What no table has is a drawing across its text: the plotted lines and curves of the
 * chart run between those labels. A text-aligned table is set aside when freeform vector paths (curves
 * and diagonal lines, see document/graphics.ts) cover a good share of its box.
 */
import type { Box } from "../document/box.ts";
import type { VectorPath } from "../document/graphics.ts";

/** A path with at least this many curved or diagonal pieces is drawing, not rules or cell shading. */
const MIN_FREEFORM_PIECES = 2;
/** Share of a table's box that drawings must cover for it to be a chart. */
const MAX_DRAWN_SHARE = 0.25;
/** The grid of cells the covered share is counted on (per side). */
const SAMPLES = 24;

/** Boxes of the paths that draw lines and curves (plots, pies, arrows), from a page's vector paths. */
export function drawingBoxes(paths: readonly VectorPath[]): Box[] {
  return paths.filter((path) => path.freeform >= MIN_FREEFORM_PIECES).map((path) => path.box);
}

/** Drawings cover enough of `box` (counted on a grid of sample points) to make it a chart's area. */
export function isChartArea(box: Box, drawings: readonly Box[]): boolean {
  const within = drawings.filter(
    (drawing) =>
      drawing.left < box.right &&
      drawing.right > box.left &&
      drawing.top < box.bottom &&
      drawing.bottom > box.top,
  );
  if (within.length === 0) return false;
  let covered = 0;
  for (let row = 0; row < SAMPLES; row++) {
    const y = box.top + ((row + 0.5) * (box.bottom - box.top)) / SAMPLES;
    for (let column = 0; column < SAMPLES; column++) {
      const x = box.left + ((column + 0.5) * (box.right - box.left)) / SAMPLES;
      if (
        within.some(
          (drawing) => x >= drawing.left && x <= drawing.right && y >= drawing.top && y <= drawing.bottom,
        )
      )
        covered++;
    }
  }
  return covered >= MAX_DRAWN_SHARE * SAMPLES * SAMPLES;
}
