/**
 * A chunk of the document before rendering: which blocks belong together and which pages they span.
 * render/ turns it into Extend's wire Chunk.
 */
import type { Block } from "./block.ts";
import type { Page } from "./page.ts";

export type ChunkType = "page" | "document" | "section";

/** A block together with the page it sits on (its coordinates are that page's). */
export interface PlacedBlock {
  readonly page: Page;
  readonly block: Block;
}

export interface DocumentChunk {
  readonly type: ChunkType;
  /** Inclusive, 1-based page numbers, as Extend's `metadata.pageRange`. */
  readonly pageRange: { readonly start: number; readonly end: number };
  /** In reading order. */
  readonly blocks: readonly PlacedBlock[];
}
