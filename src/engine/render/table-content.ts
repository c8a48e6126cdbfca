/**
 * A table block's content in the target format Extend's blockOptions.tables.targetFormat asks for: a
 * markdown pipe table (the default) or an HTML table with rowspan/colspan. Row and column indices are
 * 0-based, as in the engine's Table.
 */
import type { CellMetadata, Table, TableCell } from "../document/table.ts";
import { escapeMarkdownText } from "./markdown-escape.ts";

export type TableFormat = "markdown" | "html";

/** `fromPage`: the cells' text was read off a page, so markdown escapes it (markdown-escape.ts). */
export function tableContent(table: Table, format: TableFormat, fromPage = false): string {
  return format === "html" ? tableHtml(table) : tableMarkdown(table, fromPage);
}

/**
 * A pipe table. Markdown has no spans: a spanning cell's text is repeated in every position it covers, so
 * each row and column reads on its own (a reader, or a model, never has to guess which merged header or
 * group label an empty position belongs to; docling renders merged cells the same way). Markdown also
 * needs a header line, so a headerless table's first row takes that place; later header rows follow as
 * ordinary rows.
 */
export function tableMarkdown(table: Table, fromPage = false): string {
  const rows = Array.from({ length: table.rowCount }, () => new Array<string>(table.columnCount).fill(""));
  for (const cell of table.cells) {
    const text = markdownCell(fromPage ? escapeMarkdownText(cell.text) : cell.text);
    const lastRow = Math.min(cell.rowIndex + cell.rowSpan, table.rowCount);
    const lastColumn = Math.min(cell.columnIndex + cell.columnSpan, table.columnCount);
    for (let row = cell.rowIndex; row < lastRow; row++)
      for (let column = cell.columnIndex; column < lastColumn; column++) rows[row]![column] = text;
  }
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  const [first, ...rest] = rows;
  if (first === undefined) return "";
  return [line(first), line(first.map(() => "---")), ...rest.map(line)].join("\n");
}

function markdownCell(text: string): string {
  // Line breaks would end the table row; pipes would split the cell.
  return text
    .replace(/\s*\n\s*/gu, " ")
    .replace(/\|/gu, "\\|")
    .trim();
}

/** An HTML table: header rows in <thead> with <th>, spans as rowspan/colspan, empty positions as <td>. */
export function tableHtml(table: Table): string {
  const starts = new Map<string, TableCell>();
  const covered = new Set<string>();
  for (const cell of table.cells) {
    starts.set(`${cell.rowIndex},${cell.columnIndex}`, cell);
    for (let row = cell.rowIndex; row < cell.rowIndex + cell.rowSpan; row++)
      for (let column = cell.columnIndex; column < cell.columnIndex + cell.columnSpan; column++)
        if (row !== cell.rowIndex || column !== cell.columnIndex) covered.add(`${row},${column}`);
  }
  const rowHtml = (row: number, tag: "th" | "td") => {
    let html = "<tr>";
    for (let column = 0; column < table.columnCount; column++) {
      const key = `${row},${column}`;
      if (covered.has(key)) continue;
      const cell = starts.get(key);
      const spans =
        (cell !== undefined && cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : "") +
        (cell !== undefined && cell.columnSpan > 1 ? ` colspan="${cell.columnSpan}"` : "");
      const attributes = cell?.cellMetadata === undefined ? "" : cellAttributes(cell.cellMetadata);
      html += `<${tag}${spans}${attributes}>${cell === undefined ? "" : htmlText(cell.text)}</${tag}>`;
    }
    return `${html}</tr>`;
  };
  const parts = ["<table>"];
  if (table.headerRowCount > 0) {
    parts.push("<thead>");
    for (let row = 0; row < table.headerRowCount; row++) parts.push(rowHtml(row, "th"));
    parts.push("</thead>");
  }
  parts.push("<tbody>");
  for (let row = table.headerRowCount; row < table.rowCount; row++) parts.push(rowHtml(row, "td"));
  parts.push("</tbody>", "</table>");
  return parts.join("\n");
}

/**
 * Spreadsheet cells under Extend's advanced Excel options: `data-cell` and `data-formula` (cell
 * metadata) and an inline `style` (cell formatting), present only for what the cell has.
 */
function cellAttributes(metadata: CellMetadata): string {
  let attributes = metadata.reference === undefined ? "" : ` data-cell="${htmlText(metadata.reference)}"`;
  if (metadata.formula !== undefined) attributes += ` data-formula="${htmlText(metadata.formula)}"`;
  const formatting = metadata.formatting;
  if (formatting !== undefined) {
    const styles: string[] = [];
    if (formatting.bold === true) styles.push("font-weight:bold");
    if (formatting.italic === true) styles.push("font-style:italic");
    if (formatting.fontColor !== undefined) styles.push(`color:${formatting.fontColor}`);
    if (formatting.backgroundColor !== undefined)
      styles.push(`background-color:${formatting.backgroundColor}`);
    if (styles.length > 0) attributes += ` style="${htmlText(styles.join(";"))}"`;
  }
  return attributes;
}

function htmlText(text: string): string {
  return text
    .trim()
    .replace(/&/gu, "&amp;")
    .replace(/</gu, "&lt;")
    .replace(/>/gu, "&gt;")
    .replace(/"/gu, "&quot;")
    .replace(/\s*\n\s*/gu, "<br>");
}
