/**
 * Blocks for sources without geometry (Word, PowerPoint, HTML): the Office and HTML converters describe
 * content as paragraphs, headings, list items, tables and figures, and these helpers turn that into the
 * engine's Block model exactly as the PDF path would (so render and chunking apply unchanged). A box
 * may be given where the format has real geometry (PowerPoint shapes).
 */
import type { Block, FigureType } from "../../document/block.ts";
import type { Box } from "../../document/box.ts";
import type { Table, TableCell } from "../../document/table.ts";
import { tableText } from "../../tables/place-tables.ts";

/** ☐ ☑ ☒ (and their heavy forms) as the markdown task-list marks. */
const CHECKBOX_GLYPHS: Readonly<Record<string, string>> = {
  "\u2610": "[ ]",
  "\u2611": "[x]",
  "\u2612": "[x]",
  "\u2705": "[x]",
  "\u274e": "[x]",
};

export function checkboxGlyphsToMarks(text: string): string {
  return text.replace(/[\u2610\u2611\u2612\u2705\u274e]/gu, (glyph) => CHECKBOX_GLYPHS[glyph] ?? glyph);
}

/** Whitespace runs → one space (line breaks kept), trimmed; what a paragraph's text becomes. */
export function cleanText(text: string): string {
  return text
    .replace(/[ \t\u00a0]+/gu, " ")
    .replace(/ *\n */gu, "\n")
    .replace(/\n{3,}/gu, "\n\n")
    .trim();
}

export function textBlock(text: string, box: Box | null = null): Block {
  return { type: "text", text, box, lines: [] };
}

/** Level 1 is the document title (`heading`); deeper levels are `section_heading`s. */
export function headingBlock(text: string, level: number, box: Box | null = null): Block {
  const headingLevel = Math.min(6, Math.max(1, level));
  return { type: headingLevel === 1 ? "heading" : "section_heading", text, box, lines: [], headingLevel };
}

export function listItemBlock(
  body: string,
  item: { marker: string; ordered: boolean; level: number },
  box: Box | null = null,
): Block {
  return { type: "text", text: `${item.marker} ${body}`, box, lines: [], listItem: item };
}

export function furnitureBlock(type: "header" | "footer", text: string): Block {
  return { type, text, box: null, lines: [] };
}

export function figureBlock(figureType: FigureType = "image", text = "", box: Box | null = null): Block {
  return { type: "figure", text, box, lines: [], figure: { figureType } };
}

/** One cell as a converter reads it, in document order within its row. */
export interface SourceCell {
  readonly text: string;
  /** Columns covered (gridSpan / colspan), ≥ 1. */
  readonly columnSpan: number;
  /** Rows covered (rowspan), ≥ 1; Word's vMerge continuations are resolved by the converter. */
  readonly rowSpan: number;
  readonly header: boolean;
}

/**
 * Lays source rows out on a grid (cells skip positions a rowspan from above covers) and builds the
 * table block. Leading rows whose cells are all header cells are the header rows.
 */
export function tableBlock(
  rows: readonly (readonly SourceCell[])[],
  box: Box | null = null,
): Block | undefined {
  const cells: TableCell[] = [];
  const covered = new Set<string>();
  let columnCount = 0;
  for (const [rowIndex, row] of rows.entries()) {
    let column = 0;
    for (const cell of row) {
      while (covered.has(`${rowIndex},${column}`)) column++;
      const rowSpan = Math.max(1, Math.min(cell.rowSpan, rows.length - rowIndex));
      const columnSpan = Math.max(1, cell.columnSpan);
      for (let r = rowIndex; r < rowIndex + rowSpan; r++)
        for (let c = column; c < column + columnSpan; c++) covered.add(`${r},${c}`);
      cells.push({
        rowIndex,
        columnIndex: column,
        rowSpan,
        columnSpan,
        text: cell.text,
        box: null,
        header: cell.header,
      });
      column += columnSpan;
    }
    while (covered.has(`${rowIndex},${column}`)) column++;
    columnCount = Math.max(columnCount, column);
  }
  if (rows.length === 0 || columnCount === 0) return undefined;
  let headerRowCount = 0;
  while (
    headerRowCount < rows.length &&
    rows[headerRowCount]!.length > 0 &&
    rows[headerRowCount]!.every((cell) => cell.header)
  )
    headerRowCount++;
  const table: Table = {
    rowCount: rows.length,
    columnCount,
    cells: cells.map((cell) => (cell.rowIndex < headerRowCount ? cell : { ...cell, header: false })),
    headerRowCount,
    method: "lattice",
    copiedHeaderRowCount: 0,
  };
  return { type: "table", text: tableText(table), box, lines: [], table };
}

/**
 * List levels made relative within each run of consecutive list items: a run starts at level 0 and an
 * item is at most one level deeper than the item before it (a document's list may start at an inner
 * level, or skip one; markdown nesting cannot show that). Other blocks end the run.
 */
export function normalizeListLevels(blocks: readonly Block[]): Block[] {
  const open: number[] = [];
  return blocks.map((block) => {
    const item = block.listItem;
    if (item === undefined) {
      open.length = 0;
      return block;
    }
    while (open.length > 0 && item.level < open[open.length - 1]!) open.pop();
    if (open.length === 0 || item.level > open[open.length - 1]!) open.push(item.level);
    const level = open.length - 1;
    return level === item.level ? block : { ...block, listItem: { ...item, level } };
  });
}
