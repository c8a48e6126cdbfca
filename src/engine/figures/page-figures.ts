/**
 * Figure blocks from a page's graphics: raster images and clusters of freeform vector paths (charts,
 * diagrams) become `figure` blocks. Simple, documented heuristics — no vision model:
 * - images: at least 24 pt on each side; images covering over 80% of the page are backgrounds (scans)
 *   and ignored, as are images mostly (over 35%) covered by words (backgrounds of text boxes) and
 *   flat images (under 48 pt high) with words drawn on them (heading banners);
 *   images overlapping by half the smaller merge into one picture. A small figure (under 5% of the page)
 *   ending in the top 20% of the page is a `logo` (raster or vector), any other image an `image`.
 * - vector drawings: paths with curves or diagonal pieces cluster when their boxes come within 8 pt; a
 *   cluster of at least 12 such pieces and 36 pt on each side is a figure, unless words cover over 35% of
 *   it (text set in outlines, or a decorated text box), or it overlaps a table. Axis-only paths
 *   (table rules, bars) never seed a cluster: pure bar charts without curves or diagonals are missed.
 * - illustrations in pieces: image and drawing regions overlapping or within 8 pt of each other form one
 *   figure unless the box around both would cover a table or a text block longer than a label (100
 *   characters) by over 20%: running text between two pictures keeps them apart. Labels of a grouped
 *   picture (blocks inside it, or over half inside with their centre inside) become its text.
 * - words: text blocks lying (80% by area) inside a vector figure are its labels (axis ticks, legends,
 *   node names): they leave the text flow and become the figure's text; a cluster whose labels hold 3 or
 *   more numbers is a `chart`, else a `diagram`. A drawing that would take in a block of over 100
 *   characters lies over running text and is dropped (the text stays). Text on raster images stays as text blocks. Captions
 *   sit outside the figure box, so they stay text.
 */
import type { Block, FigureType } from "../document/block.ts";
import { type Box, boxHeight, boxWidth, centreInside, clipBox, unionBoxes } from "../document/box.ts";
import type { Page } from "../document/page.ts";

const MIN_IMAGE_SIDE = 24;
const BACKGROUND_SHARE = 0.8;
const LOGO_MAX_SHARE = 0.05;
const LOGO_TOP_SHARE = 0.2;
const CLUSTER_GAP = 8;
const MIN_FREEFORM_PIECES = 12;
const MIN_DRAWING_SIDE = 36;
const MAX_TEXT_COVER = 0.35;
const INSIDE_SHARE = 0.8;
const MIN_CHART_NUMBERS = 3;
const MAX_BANNER_HEIGHT = 48;
const IMAGE_MERGE_SHARE = 0.5;
const MAX_LABEL_CHARS = 100;
const GROUP_GAP = 8;
const LABEL_OVERLAP_SHARE = 0.2;
/** Regions grouped per page at most (grouping is quadratic); pages with more keep them apart. */
const MAX_GROUPED_REGIONS = 400;
/** Freeform paths clustered at most per page (clustering is quadratic); the rest are ignored. */
const MAX_CLUSTERED_PATHS = 5_000;

interface Region {
  box: Box;
  kind: "image" | "drawing";
  /** How many image or drawing regions were grouped into this one. */
  parts: number;
}

/** Adds figure blocks to `page.blocks` (in reading order already), taking in the labels of drawings. */
export function figurePage(page: Page): void {
  const graphics = page.graphics;
  if (graphics === undefined || page.width === null || page.height === null) return;
  const pageArea = page.width * page.height;
  const pageBox: Box = { left: 0, top: 0, right: page.width, bottom: page.height };
  const regions: Region[] = [];

  const images = graphics.images
    .map((box) => clipBox(box, pageBox))
    .filter((box): box is Box => box !== undefined)
    .filter((box) => area(box) <= BACKGROUND_SHARE * pageArea);
  const textCover = (box: Box): number =>
    page.words.reduce((sum, word) => sum + overlapArea(word.box, box), 0) / Math.max(area(box), 1);
  for (const box of mergeOverlapping(images))
    if (
      boxWidth(box) >= MIN_IMAGE_SIDE &&
      boxHeight(box) >= MIN_IMAGE_SIDE &&
      textCover(box) <= MAX_TEXT_COVER &&
      !(boxHeight(box) < MAX_BANNER_HEIGHT && page.words.some((word) => centreInside(word.box, box)))
    )
      regions.push({ box, kind: "image", parts: 1 });

  const tables = page.blocks
    .filter((block) => block.type === "table" && block.box !== null)
    .map((b) => b.box!);
  const freeform = graphics.paths
    .filter((path) => path.freeform > 0 && area(path.box) <= BACKGROUND_SHARE * pageArea)
    .slice(0, MAX_CLUSTERED_PATHS);
  for (const cluster of clusterPaths(freeform)) {
    const box = cluster.box;
    if (cluster.freeform < MIN_FREEFORM_PIECES) continue;
    if (boxWidth(box) < MIN_DRAWING_SIDE || boxHeight(box) < MIN_DRAWING_SIDE) continue;
    if (tables.some((table) => overlapArea(table, box) > 0)) continue;
    if (regions.some((region) => overlapArea(region.box, box) > 0.5 * area(box))) continue; // drawn over an image
    if (textCover(box) > MAX_TEXT_COVER) continue;
    regions.push({ box, kind: "drawing", parts: 1 });
  }
  if (regions.length === 0) return;

  let blocks = page.blocks;
  const figures: Block[] = [];
  for (const region of groupRegions(regions, blocks)) {
    let figureType: FigureType;
    let text = "";
    let box = region.box;
    const logo = area(box) < LOGO_MAX_SHARE * pageArea && box.bottom <= LOGO_TOP_SHARE * page.height;
    if (region.kind === "image" && region.parts === 1) figureType = logo ? "logo" : "image";
    else {
      // Labels: of a drawing, the blocks inside it; of pictures grouped into one illustration, also the
      // names set on its edge (over half inside, centre inside), which then widen the figure.
      const labels = blocks.filter(
        (block) => isLabel(block, region.box) || (region.parts > 1 && isEdgeLabel(block, region.box)),
      );
      // A drawing over running text (a cluster bridging columns, a decorated text box) is no figure.
      if (labels.some((block) => block.text.length > MAX_LABEL_CHARS)) continue;
      blocks = blocks.filter((block) => !labels.includes(block));
      text = labels.map((block) => block.text).join(" ");
      if (region.kind === "image") {
        box = unionBoxes([box, ...labels.map((block) => block.box!)])!;
        figureType = "image";
      } else {
        const numbers = text.match(/[-+]?\d[\d.,]*%?/gu)?.length ?? 0;
        figureType = logo ? "logo" : numbers >= MIN_CHART_NUMBERS ? "chart" : "diagram";
      }
    }
    figures.push({ type: "figure", text, box, lines: [], figure: { figureType } });
  }
  for (const figure of figures) blocks = placeFigure(blocks, figure);
  page.blocks = blocks;
}

/**
 * Puts a figure into blocks already in reading order (figures do not take part in column detection:
 * image boxes often overhang the gutter): before the first block below its top edge that shares some
 * of its width, else after the last block that shares some of its width, else at the end.
 */
function placeFigure(blocks: readonly Block[], figure: Block): Block[] {
  const box = figure.box!;
  const sharesWidth = (block: Block): boolean =>
    block.box !== null && Math.min(block.box.right, box.right) > Math.max(block.box.left, box.left);
  let index = blocks.findIndex((block) => sharesWidth(block) && block.box!.top >= box.top - 2);
  if (index < 0) {
    const last = blocks.findLastIndex(sharesWidth);
    index = last < 0 ? blocks.length : last + 1;
  }
  return [...blocks.slice(0, index), figure, ...blocks.slice(index)];
}

/**
 * Groups image and drawing regions that form one illustration: regions overlapping or within
 * GROUP_GAP of each other join, unless the box of the two together would take in a table or a text
 * block longer than a label (over LABEL_OVERLAP_SHARE of it): such text runs between two figures.
 * A group is a drawing when any of its parts is.
 */
function groupRegions(regions: readonly Region[], blocks: readonly Block[]): Region[] {
  if (regions.length > MAX_GROUPED_REGIONS) return [...regions];
  const text = blocks.filter(
    (block) =>
      block.box !== null &&
      block.type !== "figure" &&
      (block.type === "table" || block.text.length > MAX_LABEL_CHARS),
  );
  const blocked = (box: Box): boolean =>
    text.some((block) => overlapArea(block.box!, box) > LABEL_OVERLAP_SHARE * area(block.box!));
  let groups: Region[] = regions.map((region) => ({ ...region }));
  // Passes of single-link grouping, as clusterPaths does, until no two groups join.
  for (let changed = true; changed; ) {
    changed = false;
    const next: Region[] = [];
    for (const group of groups) {
      const joined = next.find(
        (other) =>
          gapBetween(other.box, group.box) <= GROUP_GAP && !blocked(unionBoxes([other.box, group.box])!),
      );
      if (joined === undefined) next.push({ ...group });
      else {
        joined.box = unionBoxes([joined.box, group.box])!;
        if (group.kind === "drawing") joined.kind = "drawing";
        joined.parts += group.parts;
        changed = true;
      }
    }
    groups = next;
  }
  return groups;
}

function isEdgeLabel(block: Block, figure: Box): boolean {
  if (block.box === null || block.type === "table" || block.type === "figure") return false;
  const own = area(block.box);
  return own > 0 && overlapArea(block.box, figure) > 0.5 * own && centreInside(block.box, figure);
}

function isLabel(block: Block, figure: Box): boolean {
  if (block.box === null || block.type === "table" || block.type === "figure") return false;
  const own = area(block.box);
  return own > 0 && overlapArea(block.box, figure) >= INSIDE_SHARE * own;
}

interface Cluster {
  box: Box;
  freeform: number;
}

/** Single-link clustering of path boxes within CLUSTER_GAP (repeated until no two clusters touch). */
function clusterPaths(paths: readonly { box: Box; freeform: number }[]): Cluster[] {
  let clusters: Cluster[] = paths.map((path) => ({ box: path.box, freeform: path.freeform }));
  for (let changed = true; changed; ) {
    changed = false;
    const next: Cluster[] = [];
    for (const cluster of clusters) {
      const near = next.find((other) => near8(other.box, cluster.box));
      if (near === undefined) next.push({ ...cluster });
      else {
        near.box = unionBoxes([near.box, cluster.box])!;
        near.freeform += cluster.freeform;
        changed = true;
      }
    }
    clusters = next;
  }
  return clusters;
}

function near8(a: Box, b: Box): boolean {
  return gapBetween(a, b) <= CLUSTER_GAP;
}

function gapBetween(a: Box, b: Box): number {
  const dx = Math.max(0, a.left - b.right, b.left - a.right);
  const dy = Math.max(0, a.top - b.bottom, b.top - a.bottom);
  return Math.max(dx, dy);
}

/**
 * Boxes merged while any two overlap by at least half the smaller one (an image painted twice, as image
 * and mask, or tiles of one picture). Merely touching pieces stay apart: their union can cover text.
 */
function mergeOverlapping(boxes: readonly Box[]): Box[] {
  let merged = [...boxes];
  for (let changed = true; changed; ) {
    changed = false;
    const next: Box[] = [];
    for (const box of merged) {
      const index = next.findIndex(
        (other) => overlapArea(other, box) >= IMAGE_MERGE_SHARE * Math.min(area(other), area(box)),
      );
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

function area(box: Box): number {
  return Math.max(0, boxWidth(box)) * Math.max(0, boxHeight(box));
}

function overlapArea(a: Box, b: Box): number {
  const clipped = clipBox(a, b);
  return clipped === undefined ? 0 : area(clipped);
}
