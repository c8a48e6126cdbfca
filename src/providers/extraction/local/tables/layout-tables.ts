/**
 * The extractor's own table finder, for documents whose parse has no (usable) table blocks: a header is
 * a line of words naming at least two of the item's properties ("Description ‖ Qty ‖ Unit Price"); its
 * words define the columns; the lines below, down to a wide gap, a paragraph or the next header, are the
 * rows. Words are put in the column whose header they sit under.
 */
import type { ScalarRequest } from "../fields/find-scalar.ts";
import { makeSpan, type SpanPiece } from "../fields/span.ts";
import type { LabelHit, LabelIndex } from "../labels/label-index.ts";
import { blockAt, type DocumentLayout, type Line } from "../layout/layout-model.ts";
import type { DocumentConventions } from "../values/conventions.ts";
import { findNumbers } from "../values/numbers.ts";
import { assignColumns } from "./assign-columns.ts";
import type { ItemTable, TableColumn, TableRow } from "./item-table.ts";

/** A gap wider than this many line heights between rows ends the table. */
const MAX_ROW_GAP = 3.5;
/** Lines right under the header without numbers are its second header line ("Ohne MwSt."). */
const SUBHEADER_GAP = 0.8;
/** A segment of this many words spanning several columns is a paragraph, which ends the table. */
const PARAGRAPH_WORDS = 7;

interface HeaderColumn extends TableColumn {
  readonly hits: readonly { readonly property: number; readonly score: number }[];
}

export function layoutTables(
  properties: readonly (ScalarRequest | undefined)[],
  layout: DocumentLayout,
  index: LabelIndex,
  conventions: DocumentConventions,
): ItemTable[] {
  const tables: ItemTable[] = [];
  const lines = layout.lines;
  for (let position = 0; position < lines.length; position++) {
    const line = lines[position]!;
    const header = headerOf(line, properties, index, conventions);
    if (header === undefined) continue;
    let next = position + 1;
    let bottom = line.box.bottom;
    while (next < lines.length && isSubheader(lines[next]!, line, bottom, conventions)) {
      bottom = lines[next]!.box.bottom;
      next++;
    }
    const rows: TableRow[] = [];
    let previousBottom = bottom;
    for (; next < lines.length; next++) {
      const row = lines[next]!;
      if (row.page !== line.page || row.fileIndex !== line.fileIndex) break;
      if (row.box.top - previousBottom > MAX_ROW_GAP * Math.max(row.height, line.height)) break;
      if (headerOf(row, properties, index, conventions) !== undefined) break;
      if (isParagraph(row, header.columns) || isFurniture(row, layout)) break;
      rows.push({ cells: cellsOf(row, header.columns), line: row });
      previousBottom = row.box.bottom;
    }
    tables.push({
      source: "layout",
      fileIndex: line.fileIndex,
      page: line.page,
      top: line.box.top,
      bottom: previousBottom,
      columns: header.columns,
      propertyColumns: header.propertyColumns,
      propertyScores: header.propertyScores,
      rows,
      headerText: header.columns.map((column) => column.header).join(" | "),
    });
    position = next - 1;
  }
  return tables;
}

interface Header {
  readonly columns: readonly HeaderColumn[];
  readonly propertyColumns: readonly (number | undefined)[];
  readonly propertyScores: readonly number[];
}

function headerOf(
  line: Line,
  properties: readonly (ScalarRequest | undefined)[],
  index: LabelIndex,
  conventions: DocumentConventions,
): Header | undefined {
  if (line.segments.length < 2 && line.tokens.length < 2) return undefined;
  // Header cells are words: a decimal number means a data row.
  if (
    findNumbers(line.tokens.map((token) => token.text).join(" "), conventions.decimal).some(
      (n) => n.hasDecimals,
    )
  )
    return undefined;
  const hits: { property: number; hit: LabelHit; score: number }[] = [];
  properties.forEach((request, property) => {
    if (request === undefined) return;
    const own = new Set(
      request.labels.phrases.filter((label) => label.source === "exact").map((label) => label.phrase),
    );
    for (const hit of index.hits(line, request.labels.phrases, request.key, own)) {
      const specificity = 1 + 0.04 * Math.min(4, hit.label.phrase.split(" ").length - 1);
      hits.push({ property, hit, score: hit.label.quality * specificity * (hit.dominated ? 0.25 : 1) });
    }
  });
  const named = new Set(hits.filter((entry) => entry.score >= 0.5).map((entry) => entry.property));
  if (named.size < 2) return undefined;
  // Most of the line must be header words: known phrases or the properties' labels.
  const covered = new Set<number>();
  for (const { hit } of hits)
    for (let token = hit.startToken; token < hit.endToken; token++) covered.add(token);
  for (const match of index.cover(line)) {
    for (let token = 0; token < line.tokens.length; token++) {
      const start = line.tokenStarts[token]!;
      if (start >= match.start && start < match.end) covered.add(token);
    }
  }
  if (covered.size < 0.5 * line.tokens.length) return undefined;
  const columns = columnsOf(line, hits);
  const scores = properties.map((_, property) =>
    columns.map((column) =>
      Math.max(0, ...column.hits.filter((entry) => entry.property === property).map((entry) => entry.score)),
    ),
  );
  const propertyColumns = assignColumns(scores);
  const propertyScores = propertyColumns.map((column, property) =>
    column === undefined ? 0 : (scores[property]?.[column] ?? 0),
  );
  if (propertyColumns.filter((column) => column !== undefined).length < 2) return undefined;
  return { columns, propertyColumns, propertyScores };
}

/** Segments of the header line, split where one segment names several properties ("Prijs BTW Aantal"). */
function columnsOf(
  line: Line,
  hits: readonly { property: number; hit: LabelHit; score: number }[],
): HeaderColumn[] {
  const columns: HeaderColumn[] = [];
  for (const segment of line.segments) {
    const inside = hits
      .filter((entry) => entry.hit.startToken >= segment.start && entry.hit.startToken < segment.end)
      .sort((a, b) => a.hit.startToken - b.hit.startToken);
    // Split only where a label starts that is not part of a longer one ("BTW" in "Prijs incl. BTW").
    const splits = inside.filter((entry) => !entry.hit.dominated).map((entry) => entry.hit.startToken);
    const starts = [...new Set([segment.start, ...splits])].sort((a, b) => a - b);
    starts.forEach((start, k) => {
      const end = starts[k + 1] ?? segment.end;
      const tokens = line.tokens.slice(start, end);
      if (tokens.length === 0) return;
      columns.push({
        left: Math.min(...tokens.map((token) => token.box.left)),
        right: Math.max(...tokens.map((token) => token.box.right)),
        header: tokens.map((token) => token.text).join(" "),
        hits: inside
          .filter((entry) => entry.hit.startToken >= start && entry.hit.startToken < end)
          .map((entry) => ({ property: entry.property, score: entry.score })),
      });
    });
  }
  return columns;
}

function isSubheader(line: Line, header: Line, bottom: number, conventions: DocumentConventions): boolean {
  if (line.page !== header.page || line.box.top - bottom > SUBHEADER_GAP * header.height) return false;
  return findNumbers(line.tokens.map((token) => token.text).join(" "), conventions.decimal).length === 0;
}

/** Running headers, footers and page numbers (as the parse typed them) end a table: they are not rows. */
function isFurniture(line: Line, layout: DocumentLayout): boolean {
  return line.segments.some(
    (segment) =>
      blockAt(
        layout,
        line.fileIndex,
        line.page,
        (segment.box.left + segment.box.right) / 2,
        (segment.box.top + segment.box.bottom) / 2,
        FURNITURE,
      ) !== undefined,
  );
}

const FURNITURE = new Set(["header", "footer", "page_number"]);

function isParagraph(line: Line, columns: readonly TableColumn[]): boolean {
  return line.segments.some((segment) => {
    if (segment.end - segment.start < PARAGRAPH_WORDS) return false;
    const spanned = columns.filter(
      (column) => column.right > segment.box.left && column.left < segment.box.right,
    );
    return spanned.length >= 3;
  });
}

/** Each word goes to the column whose header it overlaps most, else the nearest one. */
export function cellsOf(line: Line, columns: readonly TableColumn[]): TableRow["cells"] {
  const byColumn: number[][] = columns.map(() => []);
  let previousColumn = -1;
  line.tokens.forEach((token, tokenIndex) => {
    let best = 0;
    let bestScore = Number.NEGATIVE_INFINITY;
    columns.forEach((column, columnIndex) => {
      const overlap = Math.min(column.right, token.box.right) - Math.max(column.left, token.box.left);
      // Overlap counts positively; otherwise the (negative) distance between the two intervals.
      if (overlap > bestScore) {
        best = columnIndex;
        bestScore = overlap;
      }
    });
    // A word under no header that continues its segment (a long description running right) stays in
    // the column its segment started in.
    const continues = line.segments.some((segment) => tokenIndex > segment.start && tokenIndex < segment.end);
    if (bestScore <= 0 && continues && previousColumn >= 0) best = previousColumn;
    byColumn[best]!.push(tokenIndex);
    previousColumn = best;
  });
  return byColumn.map((tokenIndices) => {
    if (tokenIndices.length === 0) return undefined;
    // Tokens of one column are contiguous in a sane row; should another column's word sit between
    // them, each run is its own piece so no word is read twice.
    const pieces: SpanPiece[] = [];
    for (const tokenIndex of tokenIndices) {
      const last = pieces.at(-1);
      if (last !== undefined && last.to === tokenIndex)
        pieces[pieces.length - 1] = { ...last, to: tokenIndex + 1 };
      else pieces.push({ line, from: tokenIndex, to: tokenIndex + 1, cut: 0 });
    }
    return makeSpan(pieces);
  });
}
