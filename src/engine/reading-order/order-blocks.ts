/**
 * Reading order of a page's blocks by recursive XY-cut with column detection. The page is cut into
 * horizontal bands at vertical gaps no block spans; consecutive bands that share a column gutter (a
 * vertical gap no block crosses) are read as one multi-column region, column by column, so text never
 * interleaves across columns even where paragraph breaks happen to line up. A band with a block across
 * the gutter (a title or figure spanning the columns) ends the region and stays in place. Bands of
 * single lines side by side (form rows, table-like rows) are read row by row. Units are page points.
 */
import type { Block } from "../document/block.ts";
import type { Box } from "../document/box.ts";

/** Blocks overlapping vertically by less than this (points) still count as separate bands. */
const BAND_OVERLAP_TOLERANCE = 1;
/** A vertical gap narrower than this (points) is not a gutter. */
const MIN_GUTTER = 4;

interface Item {
  readonly block: Block;
  readonly box: Box;
}

interface Interval {
  readonly start: number;
  readonly end: number;
}

/**
 * `blocks` in reading order. Blocks without geometry keep their order (and come first). Columns of a
 * region read from the right when most of the region's text runs right to left; `rightToLeft` (the
 * page's direction) decides for regions without text.
 */
export function orderBlocks(blocks: readonly Block[], rightToLeft = false): Block[] {
  const withoutBox = blocks.filter((block) => block.box === null);
  const items: Item[] = [];
  for (const block of blocks) if (block.box !== null) items.push({ block, box: block.box });
  return [...withoutBox, ...order(items, rightToLeft).map((item) => item.block)];
}

function order(items: readonly Item[], rightToLeft: boolean): Item[] {
  if (items.length <= 1) return [...items];
  const bands = horizontalBands(items);
  if (bands.length > 1) {
    const regions = columnRegions(bands);
    if (regions.length > 1) return regions.flatMap((region) => order(region, rightToLeft));
  }
  const columns = verticalSlices(items);
  if (columns.length > 1) {
    // Side by side boxes read in the direction of their own text: an Arabic region of a page that is
    // mostly in English (or the reverse) still reads its columns from the right.
    const regionRightToLeft = textDirection(items) ?? rightToLeft;
    if (regionRightToLeft) columns.reverse();
    return columns.flatMap((column) => order(column, regionRightToLeft));
  }
  // Nothing separates the blocks (they overlap): top to bottom, then across.
  return [...items].sort((a, b) => a.box.top - b.box.top || a.box.left - b.box.left);
}

/**
 * Whether most of the items' line text runs right to left; undefined when they hold no text (figures
 * alone), which then read in the direction of the region around them.
 */
function textDirection(items: readonly Item[]): boolean | undefined {
  let balance = 0;
  for (const { block } of items)
    for (const line of block.lines)
      balance += line.direction === "rtl" ? line.text.length : -line.text.length;
  return balance === 0 ? undefined : balance > 0;
}

/** Items split at every vertical position no item spans, top to bottom. */
function horizontalBands(items: readonly Item[]): Item[][] {
  const sorted = [...items].sort((a, b) => a.box.top - b.box.top);
  const bands: Item[][] = [];
  let bottom = Number.NEGATIVE_INFINITY;
  for (const item of sorted) {
    const band = bands[bands.length - 1];
    if (band === undefined || item.box.top >= bottom - BAND_OVERLAP_TOLERANCE) {
      bands.push([item]);
      bottom = item.box.bottom;
    } else {
      band.push(item);
      bottom = Math.max(bottom, item.box.bottom);
    }
  }
  return bands;
}

/** Items split at every horizontal position (gutter) no item crosses, left to right. */
function verticalSlices(items: readonly Item[]): Item[][] {
  const sorted = [...items].sort((a, b) => a.box.left - b.box.left);
  const slices: Item[][] = [];
  let right = Number.NEGATIVE_INFINITY;
  for (const item of sorted) {
    if (slices.length === 0 || item.box.left >= right + MIN_GUTTER) slices.push([item]);
    else slices[slices.length - 1]!.push(item);
    right = Math.max(right, item.box.right);
  }
  return slices;
}

/** The gutters of a set of items: gaps of at least MIN_GUTTER between their horizontal extents. */
function gutters(items: readonly Item[]): Interval[] {
  const sorted = [...items].sort((a, b) => a.box.left - b.box.left);
  const found: Interval[] = [];
  let right = Number.NEGATIVE_INFINITY;
  for (const item of sorted) {
    if (right > Number.NEGATIVE_INFINITY && item.box.left >= right + MIN_GUTTER)
      found.push({ start: right, end: item.box.left });
    right = Math.max(right, item.box.right);
  }
  return found;
}

/**
 * Consecutive bands joined into regions: a band with a gutter (and not a row of single lines) opens a
 * multi-column region, and the bands below join it while their blocks leave a gutter the region shares
 * free. Any other band is a region of its own.
 */
function columnRegions(bands: readonly Item[][]): Item[][] {
  const regions: Item[][] = [];
  let shared: Interval[] = [];
  for (const band of bands) {
    // A row of single lines may continue a region (two list items side by side in two columns) but
    // never opens one: rows on their own are form rows, read across.
    if (shared.length > 0) {
      const kept = keepClearGutters(shared, band);
      if (kept.length > 0) {
        shared = kept;
        regions[regions.length - 1]!.push(...band);
        continue;
      }
    }
    regions.push([...band]);
    shared = isRow(band) ? [] : gutters(band);
  }
  return regions;
}

/**
 * The shared gutters narrowed to the part the band leaves free (a band lying wholly on one side of a
 * gutter, one column running on, leaves it as it is; a sidebar a little wider further down narrows it).
 * None when a block of the band covers a whole gutter, or nothing as wide as a gutter stays free: a block
 * across the columns (a heading or figure spanning them) ends the region.
 */
function keepClearGutters(shared: readonly Interval[], band: readonly Item[]): Interval[] {
  const kept: Interval[] = [];
  for (const gutter of shared) {
    let free: Interval[] = [gutter];
    for (const { box } of band) {
      if (box.left <= gutter.start && box.right >= gutter.end) return [];
      free = free.flatMap((part) => subtract(part, box.left, box.right));
    }
    kept.push(...free.filter((part) => part.end - part.start >= MIN_GUTTER));
  }
  return kept;
}

/** `interval` without the span from `start` to `end`: zero, one or two pieces. */
function subtract(interval: Interval, start: number, end: number): Interval[] {
  if (end <= interval.start || start >= interval.end) return [interval];
  const pieces: Interval[] = [];
  if (start > interval.start) pieces.push({ start: interval.start, end: start });
  if (end < interval.end) pieces.push({ start: end, end: interval.end });
  return pieces;
}

/**
 * A band of single lines side by side on shared baselines: a form or table row, read across rather than
 * down. (Single lines at unrelated heights beside each other are a sidebar next to a column.)
 */
function isRow(band: readonly Item[]): boolean {
  if (band.length < 2 || band.some((item) => item.block.lines.length !== 1)) return false;
  return band.every((item) => {
    const line = item.block.lines[0]!;
    return band.some(
      (other) =>
        other !== item && Math.abs(other.block.lines[0]!.baseline - line.baseline) <= 0.25 * line.fontSize,
    );
  });
}
