/**
 * Extend wire output (ParseRunOutput) from chunks of the intermediate model: chunk and block objects with
 * markdown content, page metadata, polygons and bounding boxes in page points with a top-left origin.
 */

import type { Extend } from "extend-ai";
import type { Block } from "../document/block.ts";
import type { DocumentChunk } from "../document/chunk.ts";
import type { Page } from "../document/page.ts";
import { blockGeometry } from "./block-geometry.ts";
import { blockId, roundPoints } from "./block-id.ts";
import { blockMarkdown, joinMarkdown, type MarkdownOptions } from "./block-markdown.ts";
import { ocrConfidenceOf } from "./ocr-confidence.ts";
import { type TableBlockOptions, withTableDetails } from "./table-cell-blocks.ts";

export interface FigureImageOptions {
  /**
   * Collects each figure block's PNG (FigureInfo.png) with the block's id, once per block; barcode
   * blocks' PNGs (BarcodeInfo.png) too, stored and linked the same way.
   */
  readonly figureImages?: { blockId: string; png: Uint8Array }[] | undefined;
}

/**
 * Renders all chunks. A block keeps one id across chunks; should two blocks of a page hash alike (the
 * same text drawn twice in the same place) the later gets a derived id, still deterministic.
 */
export function renderOutput(
  chunks: readonly DocumentChunk[],
  options: MarkdownOptions & TableBlockOptions & FigureImageOptions = {},
): Extend.ParseRunOutput {
  const ids = new Map<Block, string>();
  const taken = new Set<string>();
  const idOf = (page: Page, block: Block, content: string): string => {
    const known = ids.get(block);
    if (known !== undefined) return known;
    let id = blockId(page.number, content, block.box);
    for (let n = 1; taken.has(id); n++) id = blockId(page.number, `${content}\u0000${n}`, block.box);
    taken.add(id);
    ids.set(block, id);
    return id;
  };
  return {
    chunks: chunks.map((chunk) => {
      const blocks = chunk.blocks.map(({ page, block }) => {
        const content = blockMarkdown(block, options);
        const id = idOf(page, block, content);
        const png = block.figure?.png ?? block.barcode?.png;
        if (png !== undefined && options.figureImages?.some((image) => image.blockId === id) === false)
          options.figureImages.push({ blockId: id, png });
        const rendered = renderBlock(page, block, content, id);
        return block.table === undefined ? rendered : withTableDetails(rendered, block.table, page, options);
      });
      return {
        object: "chunk",
        type: chunk.type,
        content: joinMarkdown(
          blocks.map((block, index) => ({
            content: block.content,
            listItem: chunk.blocks[index]!.block.listItem !== undefined,
          })),
        ),
        metadata: {
          pageRange: { start: chunk.pageRange.start, end: chunk.pageRange.end },
          ...ocrConfidenceOf(chunk.blocks.map(({ block }) => block)),
        },
        blocks,
      };
    }),
  };
}

function renderBlock(page: Page, block: Block, content: string, id: string): Extend.Block {
  const pageMetadata: Extend.BlockMetadataPage = { number: page.number };
  if (page.width !== null) pageMetadata.width = roundPoints(page.width);
  if (page.height !== null) pageMetadata.height = roundPoints(page.height);
  // Upstream parity: real text blocks carry `{}` details (SDK EmptyBlockDetails; spec/sdk-notes.md);
  // key-value blocks have a details type of their own; text from a spreadsheet cell names the cell when
  // excelIncludeCellMetadata asks for it.
  const details: Extend.BlockDetails =
    block.type === "key_value"
      ? { type: "key_value_details" }
      : block.figure !== undefined
        ? { type: "figure_details", figureType: block.figure.figureType }
        : block.barcode !== undefined
          ? barcodeDetails(block.barcode)
          : block.formula !== undefined
            ? { type: "formula_details", latex: block.formula.latex }
            : block.cellMetadata?.reference !== undefined
              ? { type: "text_details", cellReference: block.cellMetadata.reference }
              : {};
  const metadata: Extend.BlockMetadata = {
    page: pageMetadata,
    // Spreadsheets: the sheet the page is (Extend's BlockMetadata.sheet).
    ...(page.sheet !== undefined ? { sheet: { index: page.sheet.index, name: page.sheet.name } } : {}),
    ...ocrConfidenceOf([block]),
  };
  return {
    object: "block",
    id,
    type: block.type,
    content,
    details,
    metadata,
    ...blockGeometry(block.box, page),
  };
}

function barcodeDetails(barcode: NonNullable<Block["barcode"]>): Extend.BarcodeDetails {
  return {
    type: "barcode_details",
    format: barcode.format,
    ...(barcode.value === undefined ? {} : { decodedValue: barcode.value }),
  };
}
