/**
 * Chunking strategies: one chunk per page, one chunk for the whole document, or one chunk per section
 * (starting at heading blocks) bounded by minCharacters/maxCharacters.
 */
import { assertNever } from "../../shared/assert-never.ts";
import type { Block } from "../document/block.ts";
import type { DocumentChunk, PlacedBlock } from "../document/chunk.ts";
import type { Page } from "../document/page.ts";
import { splitTableBlock } from "./split-table.ts";

export type ChunkingStrategy = "page" | "document" | "section";

export interface ChunkingOptions {
  /**
   * Extend's chunkingStrategy.options. Only section chunking uses them (a decision: the contract leaves
   * their semantics undocumented, and a "page" chunk that spans several pages, or several "page" chunks
   * per page, would contradict the strategy's name): page and document chunks ignore them.
   */
  readonly minCharacters?: number | undefined;
  readonly maxCharacters?: number | undefined;
  /** The length of a block as rendered (its content); defaults to its plain text length. */
  readonly measure?: ((block: Block) => number) | undefined;
}

/** Rendered chunks join blocks with a blank line. */
const SEPARATOR = 2;

/** Chunks in page order; pages must be numbered 1…n in order. */
export function chunkDocument(
  pages: readonly Page[],
  strategy: ChunkingStrategy,
  options: ChunkingOptions = {},
): DocumentChunk[] {
  switch (strategy) {
    case "page":
      return pages.map((page) => ({
        type: "page",
        pageRange: { start: page.number, end: page.number },
        blocks: placed(page),
      }));
    case "document": {
      if (pages.length === 0) return [];
      return [{ type: "document", pageRange: pageSpan(pages), blocks: pages.flatMap(placed) }];
    }
    case "section":
      return sectionChunks(pages, options);
    default:
      return assertNever(strategy, "chunking strategy");
  }
}

function placed(page: Page): PlacedBlock[] {
  return page.blocks.map((block) => ({ page, block }));
}

function pageSpan(pages: readonly Page[]): { start: number; end: number } {
  return { start: pages[0]!.number, end: pages[pages.length - 1]!.number };
}

/**
 * Sections start at heading and section_heading blocks (content before the first heading is a section
 * of its own). A section shorter than minCharacters takes in the sections after it (the last one joins
 * the one before), unless that would pass maxCharacters; a section longer than maxCharacters is split at
 * block boundaries, and a table longer than that between rows (splitTableBlock). A single non-table
 * block longer than maxCharacters stays whole: blocks are never cut.
 */
function sectionChunks(pages: readonly Page[], options: ChunkingOptions): DocumentChunk[] {
  const measure = options.measure ?? ((block: Block) => block.text.length);
  const size = (blocks: readonly PlacedBlock[]): number =>
    blocks.reduce((sum, { block }, index) => sum + measure(block) + (index === 0 ? 0 : SEPARATOR), 0);
  const fits = (blocks: readonly PlacedBlock[]): boolean =>
    options.maxCharacters === undefined || size(blocks) <= options.maxCharacters;

  let sections: PlacedBlock[][] = [];
  for (const item of pages.flatMap(placed)) {
    const heading = item.block.type === "heading" || item.block.type === "section_heading";
    const current = sections[sections.length - 1];
    if (current === undefined || (heading && current.length > 0)) sections.push([item]);
    else current.push(item);
  }
  if (sections.length === 0) {
    return pages.length === 0 ? [] : [{ type: "section", pageRange: pageSpan(pages), blocks: [] }];
  }

  const min = options.minCharacters;
  if (min !== undefined && min > 0) {
    const merged: PlacedBlock[][] = [];
    for (const section of sections) {
      const previous = merged[merged.length - 1];
      if (previous !== undefined && size(previous) < min && fits([...previous, ...section])) {
        previous.push(...section);
      } else merged.push([...section]);
    }
    const last = merged[merged.length - 1]!;
    const beforeLast = merged[merged.length - 2];
    if (beforeLast !== undefined && size(last) < min && fits([...beforeLast, ...last])) {
      beforeLast.push(...merged.pop()!);
    }
    sections = merged;
  }

  const max = options.maxCharacters;
  if (max !== undefined && max > 0)
    sections = sections.flatMap((section) => splitSection(section, max, size, measure));

  return sections.map((blocks) => ({
    type: "section",
    pageRange: {
      start: Math.min(...blocks.map(({ page }) => page.number)),
      end: Math.max(...blocks.map(({ page }) => page.number)),
    },
    blocks,
  }));
}

/** Packs a section's blocks into parts of at most `max` characters, splitting long tables between rows. */
function splitSection(
  section: readonly PlacedBlock[],
  max: number,
  size: (blocks: readonly PlacedBlock[]) => number,
  measure: (block: Block) => number,
): PlacedBlock[][] {
  if (size(section) <= max) return [[...section]];
  const parts: PlacedBlock[][] = [];
  let current: PlacedBlock[] = [];
  for (const { page, block } of section) {
    for (const piece of splitTableBlock(block, max, measure)) {
      const item = { page, block: piece };
      if (current.length > 0 && size([...current, item]) > max) {
        parts.push(current);
        current = [];
      }
      current.push(item);
    }
  }
  if (current.length > 0) parts.push(current);
  return parts;
}
