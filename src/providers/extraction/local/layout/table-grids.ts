/**
 * Reads a parse `table` block into a grid of cells: from its cell children when the parse emitted them
 * (cellBlocksEnabled, with boxes), else from its content (markdown pipe table or HTML). Rows and columns
 * are 0-based, as in Extend's table_cell_details.
 */
import type { Extend } from "extend-ai";
import type { Box } from "../../../../engine/document/box.ts";
import type { GridCell } from "./layout-model.ts";

export interface ParsedGrid {
  readonly rowCount: number;
  readonly columnCount: number;
  readonly cells: readonly GridCell[];
}

export function gridOfTableBlock(block: Extend.Block): ParsedGrid {
  const fromChildren = (block.children ?? []).flatMap((child): GridCell[] => {
    const details = child.details as { type?: string; rowIndex?: number; columnIndex?: number };
    if (details.rowIndex === undefined || details.columnIndex === undefined) return [];
    return [
      {
        row: details.rowIndex,
        column: details.columnIndex,
        text: plainText(child.content),
        box: boxOfBlock(child),
        header: child.type === "table_head",
      },
    ];
  });
  const cells = fromChildren.length > 0 ? fromChildren : gridOfContent(block.content);
  let rowCount = 0;
  let columnCount = 0;
  for (const cell of cells) {
    rowCount = Math.max(rowCount, cell.row + 1);
    columnCount = Math.max(columnCount, cell.column + 1);
  }
  return { rowCount, columnCount, cells };
}

export function gridOfContent(content: string): GridCell[] {
  return /<table[\s>]/iu.test(content) ? htmlCells(content) : markdownCells(content);
}

function markdownCells(content: string): GridCell[] {
  const cells: GridCell[] = [];
  let row = 0;
  for (const rawLine of content.split("\n")) {
    const line = rawLine.trim();
    if (!line.startsWith("|")) continue;
    const parts = line
      .replace(/^\|/u, "")
      .replace(/\|$/u, "")
      .split(/(?<!\\)\|/u)
      .map((part) => part.replace(/\\\|/gu, "|").trim());
    // The separator line under the header ("| --- | :-: |") is not a row.
    if (parts.every((part) => /^:?-{3,}:?$/u.test(part))) continue;
    parts.forEach((text, column) => {
      // Markdown has exactly one header line: the first row.
      cells.push({ row, column, text, box: null, header: row === 0 });
    });
    row++;
  }
  return cells;
}

function htmlCells(content: string): GridCell[] {
  const cells: GridCell[] = [];
  const covered = new Set<string>();
  const rows = content.match(/<tr[\s\S]*?<\/tr>/giu) ?? [];
  rows.forEach((rowHtml, row) => {
    let column = 0;
    for (const match of rowHtml.matchAll(/<(td|th)([^>]*)>([\s\S]*?)<\/\1>/giu)) {
      while (covered.has(`${row},${column}`)) column++;
      const attributes = match[2] ?? "";
      const rowSpan = Number(/rowspan="(\d+)"/iu.exec(attributes)?.[1] ?? 1);
      const columnSpan = Number(/colspan="(\d+)"/iu.exec(attributes)?.[1] ?? 1);
      cells.push({
        row,
        column,
        text: htmlText(match[3] ?? ""),
        box: null,
        header: /^th$/iu.test(match[1] ?? ""),
      });
      for (let r = row; r < row + rowSpan; r++)
        for (let c = column; c < column + columnSpan; c++) covered.add(`${r},${c}`);
      column += columnSpan;
    }
  });
  return cells;
}

function htmlText(html: string): string {
  return html
    .replace(/<br\s*\/?>/giu, "\n")
    .replace(/<[^>]+>/gu, "")
    .replace(/&lt;/gu, "<")
    .replace(/&gt;/gu, ">")
    .replace(/&quot;/gu, '"')
    .replace(/&#39;/gu, "'")
    .replace(/&nbsp;/gu, " ")
    .replace(/&amp;/gu, "&")
    .trim();
}

/** Markdown content → plain text: heading marks, emphasis, tags and escapes removed; lines kept. */
export function plainText(content: string): string {
  return content
    .split("\n")
    .map((line) =>
      line
        .replace(/^\s{0,3}#{1,6}\s+/u, "")
        .replace(/<\/?[a-z][^>]*>/giu, "")
        .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/gu, "$2")
        .replace(/\\([\\`*_{}[\]()#+\-.!|])/gu, "$1"),
    )
    .join("\n");
}

export function boxOfBlock(block: Pick<Extend.Block, "boundingBox">): Box | null {
  const { left, top, right, bottom } = block.boundingBox;
  if (left == null || top == null || right == null || bottom == null) return null;
  if (right < left || bottom < top) return null;
  return { left, top, right, bottom };
}
