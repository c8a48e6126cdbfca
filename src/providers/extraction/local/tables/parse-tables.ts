/**
 * Item tables from the parse's own table blocks: header cells are matched to item properties like
 * header words are (labels, synonyms, Hungarian assignment), body rows become table rows. A cell's
 * words are the layout tokens inside its box, so values stay citable; cells without boxes are read from
 * their text alone.
 */
import type { ScalarRequest } from "../fields/find-scalar.ts";
import { makeSpan, type Span, type SpanPiece } from "../fields/span.ts";
import type { DocumentLayout, GridCell, TableGrid } from "../layout/layout-model.ts";
import { compilePhrases, type PhrasePattern } from "../lexicon/phrase-pattern.ts";
import { fold } from "../text/fold.ts";
import { assignColumns } from "./assign-columns.ts";
import type { ItemTable, TableColumn, TableRow } from "./item-table.ts";

export function parseTables(
  properties: readonly (ScalarRequest | undefined)[],
  layout: DocumentLayout,
): ItemTable[] {
  const patterns = properties.map((request) =>
    request === undefined ? undefined : compilePhrases(request.labels.phrases.map((label) => label.phrase)),
  );
  const tables: ItemTable[] = [];
  for (const grid of layout.tables) {
    const headerRows = new Set(grid.cells.filter((cell) => cell.header).map((cell) => cell.row));
    if (headerRows.size === 0) headerRows.add(0);
    const headerText = (column: number) =>
      grid.cells
        .filter((cell) => headerRows.has(cell.row) && cell.column === column)
        .map((cell) => cell.text)
        .join(" ");
    const columns: TableColumn[] = Array.from({ length: grid.columnCount }, (_, column) => {
      const boxes = grid.cells
        .filter((cell) => cell.column === column && cell.box !== null)
        .map((cell) => cell.box!);
      return {
        left: Math.min(...boxes.map((box) => box.left), Number.POSITIVE_INFINITY),
        right: Math.max(...boxes.map((box) => box.right), Number.NEGATIVE_INFINITY),
        header: headerText(column),
      };
    });
    const scores = properties.map((request, property) =>
      columns.map((column) => headerScore(column.header, request, patterns[property])),
    );
    const propertyColumns = assignColumns(scores);
    if (propertyColumns.filter((column) => column !== undefined).length === 0) continue;
    const rows: TableRow[] = [];
    for (let row = 0; row < grid.rowCount; row++) {
      if (headerRows.has(row)) continue;
      const cells = columns.map((_, column) => {
        const cell = grid.cells.find((candidate) => candidate.row === row && candidate.column === column);
        return cell === undefined || cell.text.trim() === "" ? undefined : cellSpan(cell, grid, layout);
      });
      rows.push({ cells, line: undefined });
    }
    tables.push({
      source: "parse",
      fileIndex: grid.fileIndex,
      page: grid.page,
      top: grid.box?.top ?? 0,
      bottom: grid.box?.bottom ?? 0,
      columns,
      propertyColumns,
      propertyScores: propertyColumns.map((column, property) =>
        column === undefined ? 0 : (scores[property]?.[column] ?? 0),
      ),
      rows,
      headerText: columns.map((column) => column.header).join(" | "),
    });
  }
  return tables;
}

function headerScore(
  header: string,
  request: ScalarRequest | undefined,
  pattern: PhrasePattern | undefined,
): number {
  if (request === undefined || pattern === undefined || header.trim() === "") return 0;
  let best = 0;
  for (const match of pattern.scan(fold(header))) {
    const label = request.labels.phrases[match.phrase]!;
    const specificity = 1 + 0.04 * Math.min(4, label.phrase.split(" ").length - 1);
    // A label covering only part of a long header ("Price" in "Price incl. VAT") counts less.
    const coverage = (match.end - match.start) / Math.max(1, fold(header).trim().length);
    best = Math.max(best, label.quality * specificity * (0.6 + 0.4 * coverage));
  }
  return best;
}

/** The layout words inside the cell's box; the cell's text alone when it has no box or no words. */
function cellSpan(cell: GridCell, grid: TableGrid, layout: DocumentLayout): Span {
  const box = cell.box;
  const pieces: SpanPiece[] = [];
  if (box !== null) {
    for (const line of layout.lines) {
      if (line.fileIndex !== grid.fileIndex || line.page !== grid.page) continue;
      if (line.box.bottom < box.top || line.box.top > box.bottom) continue;
      let from = -1;
      line.tokens.forEach((token, index) => {
        const x = (token.box.left + token.box.right) / 2;
        const y = (token.box.top + token.box.bottom) / 2;
        const inside = x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
        if (inside && from < 0) from = index;
        if (!inside && from >= 0) {
          pieces.push({ line, from, to: index, cut: 0 });
          from = -1;
        }
      });
      if (from >= 0) pieces.push({ line, from, to: line.tokens.length, cut: 0 });
    }
  }
  if (pieces.length > 0) return makeSpan(pieces);
  return { pieces: [], text: cell.text, places: [] };
}
