/**
 * Page furniture: running headers, footers and page numbers, found across the whole document once every
 * page is laid out. Only blocks lying wholly in the top or bottom margin band are candidates. A block is
 * furniture when its text (digits masked, so "Page 3" matches "Page 4") recurs in that band on another
 * page, or when it is a bare page number; blocks sharing a line with furniture are furniture too (the
 * chapter title beside a folio). Position alone is not enough: every page's first body line sits at the
 * same place. Furniture moves to the start (header) or end (footer) of its page's reading order.
 * Units are points.
 */
import type { Block, BlockType } from "../document/block.ts";
import type { Page } from "../document/page.ts";

/**
 * Shares of the page height at the top and at the bottom where headers and footers sit (LaTeX on A4 puts
 * the folio at 83 % of the height, hence the wider bottom band).
 */
const TOP_BAND = 0.15;
const BOTTOM_BAND = 0.2;
/** Baselines of one running line on different pages agree within this (points) or half a line. */
const MIN_BASELINE_TOLERANCE = 3;
/** Furniture is set no larger than this many times the body size. */
const MAX_SIZE_RATIO = 1.5;

/** A bare page number: arabic or roman, optionally "Page n", "n of m", "- n -", chapter-page "7-45". */
const PAGE_NUMBER =
  /^(?:page\s+|p\.\s*)?[-–—]?\s*(?:\d{1,4}|[A-Z\d]{1,2}[-–.]\d{1,4}|(?=[ivxlcdm]+$|[IVXLCDM]+$)[ivxlcdmIVXLCDM]{1,7})(?:\s*(?:of|\/)\s*\d{1,4})?\s*[-–—]?$/iu;

type Band = "top" | "bottom";

interface Candidate {
  readonly page: Page;
  readonly block: Block;
  readonly band: Band;
  readonly baseline: number;
  readonly size: number;
}

/**
 * Retypes header, footer and page_number blocks on `pages` and reorders each page's blocks so furniture
 * frames the body. `bodySize` is the document's body font size in points.
 */
export function markPageFurniture(pages: readonly Page[], bodySize: number): void {
  const candidates: Candidate[] = [];
  for (const page of pages) candidates.push(...marginBlocks(page, bodySize));
  const types = new Map<Block, BlockType>();
  const pageNumbers = candidates.filter((candidate) => PAGE_NUMBER.test(candidate.block.text.trim()));
  // A number alone in the margin of one page out of many may be anything (a year, a form field).
  const numberPages = new Set(pageNumbers.map((candidate) => candidate.page));
  if (numberPages.size >= 2 || pages.length === 1)
    for (const candidate of pageNumbers) types.set(candidate.block, "page_number");
  const running = (candidate: Candidate) => (candidate.band === "top" ? "header" : "footer");
  for (const group of groupBy(candidates, (candidate) => `${candidate.band}|${maskedText(candidate)}`)) {
    for (const cluster of sameBaseline(group)) {
      if (new Set(cluster.map((candidate) => candidate.page)).size < 2) continue;
      for (const candidate of cluster)
        if (!types.has(candidate.block)) types.set(candidate.block, running(candidate));
    }
  }
  // The rest of a furniture line ("Chapter 2 … 11" split at a wide gap) is furniture too.
  for (const onPage of groupBy(candidates, (candidate) => String(candidate.page.number))) {
    for (const candidate of onPage) {
      if (types.has(candidate.block)) continue;
      const beside = onPage.some(
        (other) =>
          types.has(other.block) && Math.abs(other.baseline - candidate.baseline) <= 0.3 * candidate.size,
      );
      if (beside) types.set(candidate.block, running(candidate));
    }
  }
  if (types.size === 0) return;
  for (const page of pages) reorder(page, types);
}

function marginBlocks(page: Page, bodySize: number): Candidate[] {
  if (page.height === null) return [];
  const found: Candidate[] = [];
  for (const block of page.blocks) {
    const { box } = block;
    const line = block.lines[block.lines.length - 1];
    if (box === null || line === undefined || line.angle !== 0) continue;
    if (block.type !== "text" && block.type !== "key_value") continue;
    if (line.fontSize > MAX_SIZE_RATIO * bodySize || block.lines.length > 3) continue;
    const band: Band | undefined =
      box.bottom <= TOP_BAND * page.height
        ? "top"
        : box.top >= (1 - BOTTOM_BAND) * page.height
          ? "bottom"
          : undefined;
    if (band !== undefined) found.push({ page, block, band, baseline: line.baseline, size: line.fontSize });
  }
  return found;
}

/** Text with digits (and roman page numbers) masked and case and spacing folded. */
function maskedText(candidate: Candidate): string {
  return candidate.block.text
    .toLowerCase()
    .replace(/\d+/gu, "#")
    .replace(/\b[ivxlc]{1,7}\b/gu, "#")
    .replace(/\s+/gu, " ")
    .trim();
}

/**
 * Candidates split where their baselines jump by more than half a line: a running header sits at one
 * height on every page, while the same words at other heights ("END" closing code listings) are body.
 */
function sameBaseline(group: readonly Candidate[]): Candidate[][] {
  const sorted = [...group].sort((a, b) => a.baseline - b.baseline);
  const clusters: Candidate[][] = [];
  let previous: Candidate | undefined;
  for (const candidate of sorted) {
    const tolerance = Math.max(MIN_BASELINE_TOLERANCE, 0.5 * candidate.size);
    if (previous === undefined || candidate.baseline - previous.baseline > tolerance)
      clusters.push([candidate]);
    else clusters[clusters.length - 1]!.push(candidate);
    previous = candidate;
  }
  return clusters;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group === undefined) groups.set(name, [item]);
    else group.push(item);
  }
  return [...groups.values()];
}

/**
 * Retypes the page's furniture and puts headers first and footers last, each in their old order. A page
 * whose text would all be header or footer keeps it as text: the same few lines on every page of a
 * short form or a generated report are its content, not its furniture.
 */
function reorder(page: Page, types: ReadonlyMap<Block, BlockType>): void {
  const hasBody = page.blocks.some((block) => !types.has(block));
  const top: Block[] = [];
  const body: Block[] = [];
  const bottom: Block[] = [];
  const middle = page.height === null ? 0 : page.height / 2;
  for (const block of page.blocks) {
    const type = types.get(block);
    if (type === undefined || (!hasBody && type !== "page_number")) {
      body.push(block);
      continue;
    }
    const retyped: Block = { ...block, type };
    if ((block.box?.top ?? 0) < middle) top.push(retyped);
    else bottom.push(retyped);
  }
  page.blocks = [...top, ...body, ...bottom];
}
