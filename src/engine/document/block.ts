/**
 * A block: a unit of page content in reading order (paragraphs, headings, list items, key-value rows and
 * page furniture). Block types here are the engine's; render/ maps them to Extend's wire BlockType.
 */
import type { Box } from "./box.ts";
import type { Line } from "./line.ts";
import type { CellMetadata, Table } from "./table.ts";

export type BlockType =
  | "text"
  /** Document title or top-level (chapter/section) heading; `headingLevel` is 1. */
  | "heading"
  /** Subsection heading; `headingLevel` is 2 or deeper. */
  | "section_heading"
  /** "Label: value" rows of forms and invoices; `text` holds one pair per line, joined by "\n". */
  | "key_value"
  /** Running header or footer, found by repetition across pages (see document-layout/). */
  | "header"
  | "footer"
  /** A printed page number (the folio), in the page's top or bottom margin. */
  | "page_number"
  /** A table found by tables/; `table` holds its structure, `text` a plain tab-separated rendering. */
  | "table"
  /** An image, chart, diagram or logo found by figures/; `figure` holds its kind. */
  | "figure"
  /** A barcode or QR code found by barcodes/; `barcode` holds its format and value, `text` the value. */
  | "barcode"
  /** A display formula found by formulas/; `formula` holds its LaTeX, `text` the glyphs as read. */
  | "formula";

/** What makes a block a list item: its marker as printed and its nesting depth. */
export interface ListItem {
  /** The marker as the document prints it ("•", "1.", "a)", "(iv)"); `text` starts with it. */
  readonly marker: string;
  /** Numbered or lettered (1., a), iv.) as opposed to a bullet glyph. */
  readonly ordered: boolean;
  /** 0 for a top-level item, 1 for an item nested one step deeper, … */
  readonly level: number;
}

export interface Block {
  readonly type: BlockType;
  /** Plain text, lines joined with spaces; render/ turns it into the target format. */
  readonly text: string;
  /** In page points; null when the source has no geometry (plain-text files). */
  readonly box: Box | null;
  /** The lines the block was built from; empty when the source had none (plain-text files). */
  readonly lines: readonly Line[];
  /** Markdown heading depth (1–6) of heading (1) and section_heading (≥ 2) blocks; absent otherwise. */
  readonly headingLevel?: number;
  /** Present on list items (which are otherwise ordinary text blocks). */
  readonly listItem?: ListItem;
  /**
   * A code listing (layout/code-blocks.ts): a text block whose `text` keeps the printed lines, joined
   * by "\n" with their indentation; render/ fences it. Absent on every other block.
   */
  readonly code?: true;
  /** Rows, columns and cells of table blocks; absent otherwise. */
  readonly table?: Table;
  /** Present on figure blocks. */
  readonly figure?: FigureInfo;
  /**
   * Text taken from one spreadsheet cell, when Extend's excelIncludeCellMetadata asks for it: the cell's
   * reference (text_details.cellReference). Absent otherwise.
   */
  readonly cellMetadata?: CellMetadata;
  /** Present on barcode blocks. */
  readonly barcode?: BarcodeInfo;
  /** Present on formula blocks. */
  readonly formula?: FormulaInfo;
}

export interface FormulaInfo {
  /** The formula as LaTeX (without $$ delimiters), Extend's formula_details.latex. */
  readonly latex: string;
}

/** Extend's figure_details.figureType values the engine assigns. */
export type FigureType = "image" | "chart" | "diagram" | "logo";

export interface FigureInfo {
  readonly figureType: FigureType;
  /**
   * The figure's region as PNG (blockOptions.figures.figureImageClippingEnabled), kept on the block until
   * render pairs it with the block's id (ParseOutcome.figureImages).
   */
  readonly png?: Uint8Array;
}

export interface BarcodeInfo {
  /** The symbology as zxing names it, which is Extend's vocabulary ("QRCode", "Code128", "EAN13", …). */
  readonly format: string;
  /** The decoded text (blockOptions.barcodes.readingEnabled); absent when reading is off. */
  readonly value?: string;
  /** The barcode's region as PNG (blockOptions.barcodes.imageClippingEnabled), as FigureInfo.png. */
  readonly png?: Uint8Array;
}
