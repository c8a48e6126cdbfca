/**
 * Where a page may hold a barcode, from what it paints — no pixels are looked at here:
 * - a page without graphics read (an image input, a scanned PDF page without a text layer): the whole page;
 * - raster images (image XObjects, inline images) at least MIN_IMAGE_SIDE on each side, overlapping ones
 *   and tiles of one picture (strips sharing an edge's span, within TILE_GAP of each other) merged, the
 *   largest MAX_IMAGE_REGIONS of them — except images over MAX_TEXT_COVER covered by words
 *   (backgrounds of text boxes and banners: a code under text could not be read anyway);
 * - vector-drawn codes: dense clusters of filled, axis-aligned "marks" (bars no wider than MAX_MARK_SIDE,
 *   or the small squares of a drawn 2D code) — at least MIN_MARKS marks, within MARK_GAP of each other,
 *   covering at least MIN_MARK_DENSITY of their cluster's box; and single filled paths made of many
 *   rectangles (a whole code drawn as one path).
 * A page with words, no images and no such marks yields nothing, so scanning it costs one pass over its
 * paths. Regions are padded (a quiet zone for the decoder) and clipped to the page; an image region's
 * padding is left white by the scan (page-barcodes.ts), so a drawn code counts as inside an image region
 * only when it lies within the image itself.
 */
import { type Box, boxHeight, boxInside, boxWidth, clipBox, unionBoxes } from "../document/box.ts";
import type { VectorPath } from "../document/graphics.ts";
import type { Page } from "../document/page.ts";

export interface BarcodeRegion {
  /** What to render: `core` with a quiet zone around it, within the page. */
  readonly box: Box;
  /** The image, the drawn code or the page itself. */
  readonly core: Box;
  readonly kind: "page" | "image" | "drawing";
}

const MIN_IMAGE_SIDE = 12;
/**
 * Images this close (points) spanning the same width or height are tiles of one picture (strips a
 * producer cut it into), scanned as one.
 */
const TILE_GAP = 1;
const MAX_IMAGE_REGIONS = 12;
const MAX_TEXT_COVER = 0.35;
/** A mark's smaller side at most this (a bar four modules wide at 1 pt a module). */
const MAX_MARK_SIDE = 5;
/** A mark's larger side at most this (longer filled strips are rules, not bars). */
const MAX_MARK_LENGTH = 150;
const MARK_GAP = 6;
const MIN_MARKS = 12;
const MIN_MARK_DENSITY = 0.2;
/** A cluster's box must be at least this on each side. */
const MIN_CODE_SIDE = 8;
/** Pieces a single filled path needs to be a whole drawn code. */
const MIN_PATH_PIECES = 40;
const MAX_DRAWING_REGIONS = 12;
/** Marks considered per page at most (a vector-scan page must not cost unbounded time). */
const MAX_MARKS = 8_000;

export function barcodeRegions(page: Page): BarcodeRegion[] {
  if (page.width === null || page.height === null) return [];
  const pageBox: Box = { left: 0, top: 0, right: page.width, bottom: page.height };
  const graphics = page.graphics;
  if (graphics === undefined) return [{ box: pageBox, core: pageBox, kind: "page" }];
  const regions: BarcodeRegion[] = [];
  const images = graphics.images
    .map((box) => clipBox(box, pageBox))
    .filter((box): box is Box => box !== undefined)
    .filter((box) => boxWidth(box) >= MIN_IMAGE_SIDE && boxHeight(box) >= MIN_IMAGE_SIDE);
  const textCover = (box: Box): number =>
    page.words.reduce((sum, word) => sum + overlapArea(word.box, box), 0) / Math.max(area(box), 1);
  for (const box of mergeOverlapping(images, TILE_GAP)
    .filter((box) => textCover(box) <= MAX_TEXT_COVER)
    .sort((a, b) => area(b) - area(a))
    .slice(0, MAX_IMAGE_REGIONS))
    regions.push({ box: pad(box, pageBox), core: box, kind: "image" });

  const drawings: Box[] = [];
  const marks: Box[] = [];
  for (const path of graphics.paths) {
    if (!isFilledStraight(path)) continue;
    const short = Math.min(boxWidth(path.box), boxHeight(path.box));
    const long = Math.max(boxWidth(path.box), boxHeight(path.box));
    if (short <= MAX_MARK_SIDE && long <= MAX_MARK_LENGTH && long > 0) {
      if (marks.length < MAX_MARKS) marks.push(path.box);
    } else if (path.segments >= MIN_PATH_PIECES && short >= MIN_CODE_SIDE) drawings.push(path.box);
  }
  for (const cluster of clusterMarks(marks))
    if (
      cluster.count >= MIN_MARKS &&
      boxWidth(cluster.box) >= MIN_CODE_SIDE &&
      boxHeight(cluster.box) >= MIN_CODE_SIDE &&
      cluster.inked >= MIN_MARK_DENSITY * area(cluster.box)
    )
      drawings.push(cluster.box);
  for (const box of mergeOverlapping(drawings)
    .sort((a, b) => area(b) - area(a))
    .slice(0, MAX_DRAWING_REGIONS)) {
    // A drawing on an image is rendered with it.
    if (regions.some((region) => boxInside(box, region.core))) continue;
    regions.push({ box: pad(box, pageBox), core: box, kind: "drawing" });
  }
  return regions;
}

/** Filled (not only outlined), straight-edged and axis-aligned: how bars and modules are drawn. */
function isFilledStraight(path: VectorPath): boolean {
  return path.freeform === 0 && (!path.stroked || path.darkFill === true);
}

interface MarkCluster {
  box: Box;
  count: number;
  /** Summed mark area (overlaps counted twice; marks of a code do not overlap). */
  inked: number;
}

/** Single-link clusters of marks within MARK_GAP, through a grid of MARK_GAP-sized cells (union-find). */
function clusterMarks(marks: readonly Box[]): MarkCluster[] {
  const parent = marks.map((_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root]!;
    for (let at = index; parent[at] !== root; ) {
      const next = parent[at]!;
      parent[at] = root;
      at = next;
    }
    return root;
  };
  const cell = MARK_GAP * 4;
  const grid = new Map<string, number[]>();
  for (const [index, box] of marks.entries()) {
    const x0 = Math.floor((box.left - MARK_GAP) / cell);
    const x1 = Math.floor((box.right + MARK_GAP) / cell);
    const y0 = Math.floor((box.top - MARK_GAP) / cell);
    const y1 = Math.floor((box.bottom + MARK_GAP) / cell);
    for (let x = x0; x <= x1; x++)
      for (let y = y0; y <= y1; y++) {
        const key = `${x},${y}`;
        const members = grid.get(key);
        if (members === undefined) {
          grid.set(key, [index]);
          continue;
        }
        for (const other of members)
          if (gapBetween(marks[other]!, box) <= MARK_GAP) parent[find(other)] = find(index);
        members.push(index);
      }
  }
  const clusters = new Map<number, MarkCluster>();
  for (const [index, box] of marks.entries()) {
    const root = find(index);
    const cluster = clusters.get(root);
    if (cluster === undefined) clusters.set(root, { box, count: 1, inked: area(box) });
    else {
      cluster.box = unionBoxes([cluster.box, box])!;
      cluster.count++;
      cluster.inked += area(box);
    }
  }
  return [...clusters.values()];
}

/**
 * Boxes merged while any two overlap or touch (an image and its mask), or lie within `tileGap` of each
 * other along an edge they share (tiles of one picture).
 */
function mergeOverlapping(boxes: readonly Box[], tileGap = 0): Box[] {
  const sameSpan = (a: Box, b: Box) =>
    (Math.abs(a.left - b.left) <= tileGap && Math.abs(a.right - b.right) <= tileGap) ||
    (Math.abs(a.top - b.top) <= tileGap && Math.abs(a.bottom - b.bottom) <= tileGap);
  const joins = (a: Box, b: Box) => {
    const gap = gapBetween(a, b);
    return gap === 0 || (gap <= tileGap && sameSpan(a, b));
  };
  let merged = [...boxes];
  for (let changed = true; changed; ) {
    changed = false;
    const next: Box[] = [];
    for (const box of merged) {
      const index = next.findIndex((other) => joins(other, box));
      if (index < 0) next.push(box);
      else {
        next[index] = unionBoxes([next[index]!, box])!;
        changed = true;
      }
    }
    merged = next;
  }
  return merged;
}

/** Quiet zone around the region: 10% of its larger side plus 4 pt, within the page. */
function pad(box: Box, page: Box): Box {
  const margin = 0.1 * Math.max(boxWidth(box), boxHeight(box)) + 4;
  return (
    clipBox(
      {
        left: box.left - margin,
        top: box.top - margin,
        right: box.right + margin,
        bottom: box.bottom + margin,
      },
      page,
    ) ?? box
  );
}

function gapBetween(a: Box, b: Box): number {
  const dx = Math.max(0, a.left - b.right, b.left - a.right);
  const dy = Math.max(0, a.top - b.bottom, b.top - a.bottom);
  return Math.max(dx, dy);
}

function overlapArea(a: Box, b: Box): number {
  const clipped = clipBox(a, b);
  return clipped === undefined ? 0 : area(clipped);
}

function area(box: Box): number {
  return Math.max(0, boxWidth(box)) * Math.max(0, boxHeight(box));
}
