/**
 * Builds the DocumentLayout from the extraction's documents. Words (`ocr.words`) are preferred: they
 * give true boxes for line and word citations. Without words, words are estimated from the parse blocks
 * (rows of a block spread over its box), and without any geometry (plain text) from a character grid,
 * so the same line/segment logic runs everywhere; the geometry tag keeps citations honest.
 */
import type { Extend } from "extend-ai";
import type { Box } from "../../../../engine/document/box.ts";
import type { ExtractionDocument } from "../../field-extractor.ts";
import {
  blockAt,
  type DocumentLayout,
  type FileLayout,
  type Geometry,
  type LayoutBlock,
  type Line,
  type PageInfo,
  pageKey,
  type TableGrid,
} from "./layout-model.ts";
import { buildLines, type PlacedWord, toLine } from "./line-builder.ts";
import { boxOfBlock, gridOfTableBlock, plainText } from "./table-grids.ts";

/** Plain-text sources: one character is this wide and a line this tall (arbitrary grid units). */
const GRID_CHARACTER = 0.5;
const GRID_LINE = 1;
const GRID_PITCH = 1.25;

export function buildDocumentLayout(documents: readonly ExtractionDocument[]): DocumentLayout {
  const files: FileLayout[] = [];
  const pages: PageInfo[] = [];
  const lines: Line[] = [];
  const blocks: LayoutBlock[] = [];
  const tables: TableGrid[] = [];
  const blocksByPage = new Map<string, number[]>();
  documents.forEach((document, fileIndex) => {
    const fileBlocks = uniqueBlocks(document.parse);
    const firstBlock = blocks.length;
    for (const block of fileBlocks) {
      blocks.push({
        fileIndex,
        page: block.metadata.page?.number ?? 1,
        type: block.type,
        box: boxOfBlock(block),
        polygon: block.polygon,
        minOcrConfidence: block.metadata.minOcrConfidence ?? null,
      });
    }
    const geometry: Geometry =
      document.words.length > 0
        ? "word"
        : fileBlocks.some((block) => boxOfBlock(block) !== null)
          ? "block"
          : "none";
    files.push({ fileId: document.fileId, geometry });
    const filePages = pagesOf(document, fileIndex);
    pages.push(...filePages);
    fileBlocks.forEach((block, offset) => {
      if (block.type !== "table") return;
      const grid = gridOfTableBlock(block);
      if (grid.cells.length === 0) return;
      tables.push({
        fileIndex,
        page: block.metadata.page?.number ?? 1,
        box: boxOfBlock(block),
        blockIndex: firstBlock + offset,
        ...grid,
      });
    });
    const wordsByPage =
      geometry === "word"
        ? wordsOfDocument(document)
        : geometry === "block"
          ? wordsFromBlocks(fileBlocks, firstBlock)
          : wordsFromText(fileBlocks, firstBlock);
    for (let index = firstBlock; index < blocks.length; index++) {
      const key = pageKey(fileIndex, blocks[index]!.page);
      const list = blocksByPage.get(key) ?? [];
      list.push(index);
      blocksByPage.set(key, list);
    }
    for (const { number } of filePages) {
      const slope = geometry === "word" ? textSlope(fileBlocks, number) : 0;
      for (const seed of buildLines(wordsByPage.get(number) ?? [], geometry, slope)) {
        const x = (seed.box.left + seed.box.right) / 2;
        const y = (seed.box.top + seed.box.bottom) / 2;
        const blockIndex =
          geometry === "word"
            ? blockAt({ blocks, blocksByPage }, fileIndex, number, x, y)
            : seed.blockIndices.find((index) => index !== undefined);
        lines.push(toLine(seed, lines.length, fileIndex, number, geometry, blockIndex));
      }
    }
  });
  const pagesByKey = new Map(pages.map((page) => [pageKey(page.fileIndex, page.number), page]));
  return { files, pages, lines, blocks, tables, blocksByPage, pagesByKey };
}

/** Top-level blocks once each (a block may be repeated by overlapping chunks). */
function uniqueBlocks(parse: Extend.ParseRunOutput): Extend.Block[] {
  const seen = new Set<string>();
  const result: Extend.Block[] = [];
  for (const chunk of parse.chunks) {
    for (const block of chunk.blocks) {
      if (seen.has(block.id)) continue;
      seen.add(block.id);
      result.push(block);
    }
  }
  return result;
}

function pagesOf(document: ExtractionDocument, fileIndex: number): PageInfo[] {
  const sizes = new Map<number, { width: number | undefined; height: number | undefined }>();
  const note = (number: number, width?: number, height?: number) => {
    const known = sizes.get(number);
    sizes.set(number, { width: known?.width ?? width, height: known?.height ?? height });
  };
  for (const chunk of document.parse.chunks) {
    for (
      let page = chunk.metadata.pageRange?.start ?? 1;
      page <= (chunk.metadata.pageRange?.end ?? 0);
      page++
    )
      note(page);
    for (const block of chunk.blocks) {
      const page = block.metadata.page;
      if (page !== undefined) note(page.number, page.width, page.height);
    }
  }
  for (const word of document.words) note(word.pageNumber);
  return [...sizes]
    .sort(([a], [b]) => a - b)
    .map(([number, size]) => ({ fileIndex, number, width: size.width, height: size.height }));
}

function wordsOfDocument(document: ExtractionDocument): Map<number, PlacedWord[]> {
  const byPage = new Map<number, PlacedWord[]>();
  for (const word of document.words) {
    const { left, top, right, bottom } = word.boundingBox;
    if (!(right >= left && bottom >= top)) continue;
    const list = byPage.get(word.pageNumber) ?? [];
    list.push({ text: word.content, box: { left, top, right, bottom }, confidence: word.confidence });
    byPage.set(word.pageNumber, list);
  }
  return byPage;
}

/** Rows of each block spread over its box: good enough to tell left from right and above from below. */
function wordsFromBlocks(fileBlocks: readonly Extend.Block[], firstBlock: number): Map<number, PlacedWord[]> {
  const byPage = new Map<number, PlacedWord[]>();
  let group = 0;
  fileBlocks.forEach((block, offset) => {
    const box = boxOfBlock(block);
    if (box === null) return;
    const page = block.metadata.page?.number ?? 1;
    const list = byPage.get(page) ?? [];
    byPage.set(page, list);
    const confidence = block.metadata.minOcrConfidence ?? null;
    const blockIndex = firstBlock + offset;
    if (block.type === "table") {
      const grid = gridOfTableBlock(block);
      const rowHeight = (box.bottom - box.top) / Math.max(1, grid.rowCount);
      const columnWidth = (box.right - box.left) / Math.max(1, grid.columnCount);
      for (const cell of grid.cells) {
        const cellBox = cell.box ?? {
          left: box.left + cell.column * columnWidth,
          top: box.top + cell.row * rowHeight,
          right: box.left + (cell.column + 1) * columnWidth,
          bottom: box.top + (cell.row + 1) * rowHeight,
        };
        spreadRows(cell.text, cellBox, confidence, blockIndex, () => group++, list);
      }
      return;
    }
    spreadRows(plainText(block.content), box, confidence, blockIndex, () => group++, list);
  });
  return byPage;
}

function spreadRows(
  text: string,
  box: Box,
  confidence: number | null,
  blockIndex: number,
  nextGroup: () => number,
  into: PlacedWord[],
): void {
  const rows = text.split("\n").filter((row) => row.trim() !== "");
  const rowHeight = (box.bottom - box.top) / Math.max(1, rows.length);
  rows.forEach((row, index) => {
    const top = box.top + index * rowHeight;
    const characterWidth = (box.right - box.left) / Math.max(1, row.length);
    const group = nextGroup();
    for (const match of row.matchAll(/\S+/gu)) {
      const left = box.left + match.index * characterWidth;
      into.push({
        text: match[0],
        box: { left, top, right: left + match[0].length * characterWidth, bottom: top + rowHeight },
        confidence,
        blockIndex,
        group,
      });
    }
  });
}

/** Plain text keeps its own layout in spaces: a character grid turns columns into x positions. */
function wordsFromText(fileBlocks: readonly Extend.Block[], firstBlock: number): Map<number, PlacedWord[]> {
  const byPage = new Map<number, PlacedWord[]>();
  const rowOfPage = new Map<number, number>();
  fileBlocks.forEach((block, offset) => {
    const page = block.metadata.page?.number ?? 1;
    const list = byPage.get(page) ?? [];
    byPage.set(page, list);
    let row = rowOfPage.get(page) ?? 0;
    const text =
      block.type === "table"
        ? gridRowsText(gridOfTableBlock(block).cells)
        : plainText(block.content).replace(/\t/gu, "    ");
    for (const rowText of text.split("\n")) {
      const top = row * GRID_PITCH;
      for (const match of rowText.matchAll(/\S+/gu)) {
        const left = match.index * GRID_CHARACTER;
        list.push({
          text: match[0],
          box: { left, top, right: left + match[0].length * GRID_CHARACTER, bottom: top + GRID_LINE },
          confidence: block.metadata.minOcrConfidence ?? null,
          blockIndex: firstBlock + offset,
          group: firstBlock + offset,
        });
      }
      row++;
    }
    // A blank row between blocks keeps paragraphs apart, as the blank line between them does.
    rowOfPage.set(page, row + 1);
  });
  return byPage;
}

function gridRowsText(cells: readonly { row: number; column: number; text: string }[]): string {
  const rows: string[][] = [];
  for (const cell of cells) {
    const row = rows[cell.row] ?? [];
    row[cell.column] = cell.text.replace(/\s+/gu, " ");
    rows[cell.row] = row;
  }
  return rows.map((row) => Array.from(row, (text) => text ?? "").join("    ")).join("\n");
}

/** Below this, a page's lines count as level. */
const MIN_SLOPE = 0.002;
/** Blocks at least this wide tell the slope of the page's lines. */
const MIN_SLOPE_WIDTH = 40;

/**
 * How far the text lines of a page fall per point to the right: the parse reports the blocks of a scan
 * it read askew as turned rectangles on the page (polygon top edges with the scan's slope); the median
 * over the page's wide blocks, or 0.
 */
function textSlope(blocks: readonly Extend.Block[], page: number): number {
  const slopes: number[] = [];
  for (const block of blocks) {
    if ((block.metadata.page?.number ?? 1) !== page || block.polygon.length !== 4) continue;
    const [topLeft, topRight] = block.polygon;
    const width = topRight!.x - topLeft!.x;
    if (width >= MIN_SLOPE_WIDTH) slopes.push((topRight!.y - topLeft!.y) / width);
  }
  if (slopes.length === 0) return 0;
  slopes.sort((a, b) => a - b);
  const median = slopes[Math.floor(slopes.length / 2)]!;
  return Math.abs(median) < MIN_SLOPE ? 0 : median;
}
