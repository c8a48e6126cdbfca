/**
 * CSV and TSV → one SheetGrid (RFC 4180: quoted fields with doubled quotes and line breaks inside them).
 * The delimiter is sniffed — comma, semicolon, tab or pipe, whichever splits the first lines into the
 * most consistent number of fields — and the text is decoded as text files are (BOM-aware UTF-8/UTF-16).
 */
import { decodeText } from "../text-document-source.ts";
import type { GridCell, SheetGrid } from "./sheet-grid.ts";
import { MAX_SPREADSHEET_CELLS, SpreadsheetTooLargeError } from "./spreadsheet-options.ts";

const DELIMITERS = [",", ";", "\t", "|"] as const;

/** Lines the delimiter sniffer looks at. */
const SNIFF_LINES = 50;

/** The file as one grid; throws SpreadsheetTooLargeError past `maxCells` non-empty cells. */
export function csvGrid(bytes: Uint8Array, maxCells = MAX_SPREADSHEET_CELLS): SheetGrid {
  const text = decodeText(bytes);
  const delimiter = sniffDelimiter(text);
  const cells: GridCell[] = [];
  let row = 0;
  for (const record of parseCsv(text, delimiter)) {
    for (const [column, field] of record.entries()) {
      const value = field.trim();
      if (value === "") continue;
      if (cells.length >= maxCells)
        throw new SpreadsheetTooLargeError(
          `The file has more than ${maxCells.toLocaleString("en-US")} non-empty cells`,
        );
      cells.push({
        row,
        column,
        rowSpan: 1,
        columnSpan: 1,
        text: value,
        numeric: looksNumeric(value),
        bold: false,
      });
    }
    row++;
  }
  return { index: 0, cells };
}

/** Numbers as CSV writes them: optional sign, thousands separators, decimals, percent or currency sign. */
function looksNumeric(value: string): boolean {
  return /^[-+(]?[$€£¥]?\s?\d{1,3}(?:[,\s]?\d{3})*(?:[.,]\d+)?%?\)?$|^[-+]?\d*\.\d+(?:e[-+]?\d+)?$|^\d{4}-\d{2}-\d{2}/i.test(
    value,
  );
}

/** The candidate giving the same field count (> 1) on the most sampled lines; comma when none does. */
export function sniffDelimiter(text: string): string {
  let best: string = ",";
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const counts: number[] = [];
    for (const record of parseCsv(text, delimiter)) {
      counts.push(record.length);
      if (counts.length >= SNIFF_LINES) break;
    }
    const tally = new Map<number, number>();
    for (const count of counts) if (count > 1) tally.set(count, (tally.get(count) ?? 0) + 1);
    // Lines agreeing on one field count, weighted slightly by that count so "a;b,c" prefers the richer split.
    let score = 0;
    for (const [fields, lines] of tally) score = Math.max(score, lines + fields / 1000);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** Records of `text` (line breaks already normalised to "\n"); a final empty line is no record. */
export function* parseCsv(text: string, delimiter: string): Generator<string[]> {
  let field = "";
  let record: string[] = [];
  let quoted = false;
  let i = 0;
  const length = text.length;
  while (i < length) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += char;
      i++;
      continue;
    }
    if (char === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (char === delimiter) {
      record.push(field);
      field = "";
    } else if (char === "\n") {
      record.push(field);
      yield record;
      record = [];
      field = "";
    } else field += char;
    i++;
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    yield record;
  }
}
