/**
 * Chunking strategies over whole pages: one chunk per page, or one chunk for the whole document.
 * (Section chunking, which splits at headings, needs heading blocks and comes later.)
 */
import { assertNever } from "../../shared/assert-never.ts";
import type { DocumentChunk, PlacedBlock } from "../document/chunk.ts";
import type { Page } from "../document/page.ts";

export type ChunkingStrategy = "page" | "document";

/** Chunks in page order; pages must be numbered 1…n in order. */
export function chunkDocument(pages: readonly Page[], strategy: ChunkingStrategy): DocumentChunk[] {
  switch (strategy) {
    case "page":
      return pages.map((page) => ({
        type: "page",
        pageRange: { start: page.number, end: page.number },
        blocks: placed(page),
      }));
    case "document": {
      if (pages.length === 0) return [];
      return [
        {
          type: "document",
          pageRange: { start: pages[0]!.number, end: pages[pages.length - 1]!.number },
          blocks: pages.flatMap(placed),
        },
      ];
    }
    default:
      return assertNever(strategy, "chunking strategy");
  }
}

function placed(page: Page): PlacedBlock[] {
  return page.blocks.map((block) => ({ page, block }));
}
