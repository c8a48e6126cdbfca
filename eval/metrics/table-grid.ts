/**
 * One table shape for every source the harness scores: cells with a 0-based (row, col) origin and spans.
 * Builds it from expected rows (camelot, tabula), from markdown pipe tables and from HTML tables (the
 * engine's two table target formats). Text is kept as written; matching normalises it (cellKey).
 */
import { decodeEntities, unescapeMarkdown } from "./text-normalize.ts";

export interface TableCell {
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly text: string;
}

/** Rows of cell strings (camelot's df, tabula's CSV/JSON) → cells; spans are 1, empty strings kept. */
export function cellsFromRows(rows: readonly (readonly string[])[]): TableCell[] {
  return rows.flatMap((cells, row) => cells.map((text, col) => ({ row, col, rowSpan: 1, colSpan: 1, text })));
}

/**
 * The first pipe table in `markdown` → cells. Delimiter rows (| --- |) are dropped; escaped pipes (\|)
 * stay inside their cell. Lines that do not start with a pipe end the table.
 */
export function parseMarkdownTable(markdown: string): TableCell[] {
  const rows: string[][] = [];
  let started = false;
  for (const line of markdown.split("\n")) {
    const trimmed = line.trim();
    if (!trimmed.startsWith("|")) {
      if (started) break;
      continue;
    }
    started = true;
    const cells = splitPipeRow(trimmed);
    if (cells.every((cell) => /^:?-+:?$/u.test(cell.trim()))) continue;
    rows.push(cells.map((cell) => unescapeMarkdown(cell).trim()));
  }
  return cellsFromRows(rows);
}

function splitPipeRow(line: string): string[] {
  const inner = line.replace(/^\|/u, "").replace(/(?<!\\)\|$/u, "");
  return inner.split(/(?<!\\)\|/u);
}

/**
 * The first HTML <table> in `html` → cells, honouring rowspan/colspan: each cell takes the first column
 * of its row not already covered by a rowspan from above (the HTML table model). Tags inside cells are
 * dropped, <br> becomes a space, entities are decoded.
 */
export function parseHtmlTable(html: string): TableCell[] {
  const table = /<table\b[\s\S]*?<\/table>/iu.exec(html)?.[0] ?? html;
  const cells: TableCell[] = [];
  const covered = new Set<string>();
  let row = -1;
  for (const rowMatch of table.matchAll(/<tr\b[^>]*>([\s\S]*?)(?=<tr\b|<\/table>|$)/giu)) {
    row++;
    let col = 0;
    for (const cellMatch of rowMatch[1]!.matchAll(/<t([dh])\b([^>]*)>([\s\S]*?)(?=<t[dh]\b|<\/tr>|$)/giu)) {
      while (covered.has(`${row},${col}`)) col++;
      const attributes = cellMatch[2]!;
      const rowSpan = spanOf(attributes, "rowspan");
      const colSpan = spanOf(attributes, "colspan");
      const text = decodeEntities(
        cellMatch[3]!
          .replace(/<br\s*\/?>/giu, " ")
          .replace(/<[^>]*>/gu, " ")
          .replace(/\s+/gu, " "),
      ).trim();
      cells.push({ row, col, rowSpan, colSpan, text });
      for (let r = row; r < row + rowSpan; r++)
        for (let c = col; c < col + colSpan; c++) covered.add(`${r},${c}`);
      col += colSpan;
    }
  }
  return cells;
}

function spanOf(attributes: string, name: string): number {
  const value = new RegExp(`\\b${name}\\s*=\\s*["']?(\\d+)`, "iu").exec(attributes)?.[1];
  const span = value === undefined ? 1 : Number.parseInt(value, 10);
  return Number.isFinite(span) && span >= 1 ? Math.min(span, 1000) : 1;
}

/** Markdown or HTML, whichever `content` is: HTML when it contains a <table> element. */
export function parseTableContent(content: string): TableCell[] {
  return /<table\b/iu.test(content) ? parseHtmlTable(content) : parseMarkdownTable(content);
}
