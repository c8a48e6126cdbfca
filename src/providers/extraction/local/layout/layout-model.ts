/**
 * The extractor's view of a document: tokens grouped into visual lines, lines cut into segments at wide
 * gaps (columns, label/value gutters), all in page points with a top-left origin. Built once per request
 * from the parse output and words, then read by every field finder.
 */
import type { Box } from "../../../../engine/document/box.ts";

/**
 * Where a token's box comes from, which decides what a citation may claim:
 *   - "word": the word's own box (from `ocr.words`) — cite lines or words;
 *   - "block": estimated inside a parse block (no words given) — cite the block polygon only;
 *   - "none": a source without geometry (plain text) — boxes are a character grid, never cited.
 */
export type Geometry = "word" | "block" | "none";

export interface Token {
  /** As printed. */
  readonly text: string;
  /** fold(text): lower case, no accents. */
  readonly folded: string;
  readonly box: Box;
  readonly confidence: number | null;
}

/** A run of tokens of one line with no wide gap inside: a cell, a label, a value, a phrase. */
export interface Segment {
  /** Token range [start, end) within the line. */
  readonly start: number;
  readonly end: number;
  readonly box: Box;
}

export interface Line {
  /** Index in DocumentLayout.lines (reading order: file, page, top to bottom, left to right). */
  readonly index: number;
  readonly fileIndex: number;
  /** 1-based page number. */
  readonly page: number;
  readonly tokens: readonly Token[];
  readonly segments: readonly Segment[];
  readonly box: Box;
  /** Typical token height in points: the unit for "near", "gap" and "same column" tests. */
  readonly height: number;
  /**
   * Folded tokens joined by single spaces (" ‖ " between segments); `tokenStarts[i]` is where token i
   * begins in it.
   */
  readonly folded: string;
  readonly tokenStarts: readonly number[];
  readonly geometry: Geometry;
  /** The parse block the line lies in, when known (block citations, key_value hints). */
  readonly blockIndex: number | undefined;
}

/** Separates segments in Line.folded: phrase matching never crosses it. */
export const SEGMENT_MARK = "\u2016";

export interface PageInfo {
  readonly fileIndex: number;
  readonly number: number;
  readonly width: number | undefined;
  readonly height: number | undefined;
}

/** A parse block as the extractor needs it: for block citations and block-type hints. */
export interface LayoutBlock {
  readonly fileIndex: number;
  readonly page: number;
  readonly type: string;
  readonly box: Box | null;
  readonly polygon: readonly { readonly x: number; readonly y: number }[];
  readonly minOcrConfidence: number | null;
}

/** A table cell from the parse (table blocks with cell children or markdown/HTML content). */
export interface GridCell {
  readonly row: number;
  readonly column: number;
  readonly text: string;
  /** In page points; null when the parse gave the cell no box (content-only tables). */
  readonly box: Box | null;
  /** A header cell (`table_head`, `<th>`, or the first row of a markdown table). */
  readonly header: boolean;
}

export interface TableGrid {
  readonly fileIndex: number;
  readonly page: number;
  readonly box: Box | null;
  readonly blockIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly cells: readonly GridCell[];
}

export interface FileLayout {
  readonly fileId: string | undefined;
  /** Boxes come from words, from blocks, or not at all: fixed per file. */
  readonly geometry: Geometry;
}

export interface DocumentLayout {
  readonly files: readonly FileLayout[];
  readonly pages: readonly PageInfo[];
  readonly lines: readonly Line[];
  readonly blocks: readonly LayoutBlock[];
  readonly tables: readonly TableGrid[];
  /** Indices into `blocks` by pageKey(): lookups stay per page on long documents. */
  readonly blocksByPage: ReadonlyMap<string, readonly number[]>;
  readonly pagesByKey: ReadonlyMap<string, PageInfo>;
}

export function pageKey(fileIndex: number, page: number): string {
  return `${fileIndex}:${page}`;
}

/** The smallest block on the page whose box holds the point; `types` limits the block types. */
export function blockAt(
  layout: Pick<DocumentLayout, "blocks" | "blocksByPage">,
  fileIndex: number,
  page: number,
  x: number,
  y: number,
  types?: ReadonlySet<string>,
): number | undefined {
  let best: number | undefined;
  let bestArea = Number.POSITIVE_INFINITY;
  for (const index of layout.blocksByPage.get(pageKey(fileIndex, page)) ?? []) {
    const block = layout.blocks[index]!;
    const box = block.box;
    if (box === null || (types !== undefined && !types.has(block.type))) continue;
    if (x < box.left || x > box.right || y < box.top || y > box.bottom) continue;
    const area = (box.right - box.left) * (box.bottom - box.top);
    if (area < bestArea) {
      best = index;
      bestArea = area;
    }
  }
  return best;
}

/** The original text of tokens [from, to) of a line, the first one cut after `cut` characters. */
export function tokenText(line: Line, from: number, to: number, cut = 0): string {
  const parts: string[] = [];
  for (let index = from; index < to; index++) {
    const text = line.tokens[index]!.text;
    parts.push(index === from ? text.slice(cut) : text);
  }
  return parts
    .filter((part) => part !== "")
    .join(" ")
    .trim();
}

export function pageOf(layout: DocumentLayout, fileIndex: number, page: number): PageInfo | undefined {
  return layout.pagesByKey.get(pageKey(fileIndex, page));
}
