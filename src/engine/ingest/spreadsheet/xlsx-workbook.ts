/**
 * XLSX/XLSM/XLTX → SheetGrids with exceljs: one grid per sheet in workbook order, each non-empty cell's
 * text as Excel shows it (number formats applied, number-format.ts) or raw, merged ranges as spanning
 * cells, hidden rows/columns/sheets dropped when asked.
 *
 * Formulas are never recalculated, whatever excelSkipCalculation says: a formula cell shows the result
 * the workbook cached when it was last saved by a spreadsheet application. A formula without a cached
 * result (files written by libraries that do not compute) reads as empty — no value is invented. Volatile
 * functions (NOW(), TODAY()) therefore show their value at the last save.
 */
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import type { CellFormatting, CellMetadata } from "../../document/table.ts";
import { formatValue, generalNumber, isoDate } from "./number-format.ts";
import type { GridCell, SheetGrid } from "./sheet-grid.ts";
import { cellReference } from "./sheet-grid.ts";
import {
  MAX_SPREADSHEET_CELLS,
  MAX_SPREADSHEET_XML_BYTES,
  type SpreadsheetOptions,
  SpreadsheetTooLargeError,
} from "./spreadsheet-options.ts";

/**
 * Opens the workbook. The single place the XLSX package is unzipped and parsed, so archive guards
 * (zip bombs, encrypted packages) can wrap it. Throws SpreadsheetTooLargeError when the declared sheet
 * XML is too big, any other error when the package is not a readable workbook.
 */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  let declared = 0;
  // Reads the central directory only: the filter sees each entry's declared size and skips inflating.
  unzipSync(bytes, {
    filter(file) {
      if (/^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/i.test(file.name)) declared += file.originalSize;
      return false;
    },
  });
  if (declared > MAX_SPREADSHEET_XML_BYTES)
    throw new SpreadsheetTooLargeError(
      `The workbook's sheets hold ${Math.round(declared / 2 ** 20)} MB of XML; the limit is ${MAX_SPREADSHEET_XML_BYTES / 2 ** 20} MB`,
    );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  return workbook;
}

/** Grids of the workbook's sheets in order (hidden ones left out when options.skipHidden). */
export function workbookGrids(workbook: ExcelJS.Workbook, options: SpreadsheetOptions): SheetGrid[] {
  const grids: SheetGrid[] = [];
  const budget = { cells: MAX_SPREADSHEET_CELLS };
  for (const [index, sheet] of workbook.worksheets.entries()) {
    if (options.skipHidden && sheet.state !== "visible") continue;
    grids.push({ name: sheet.name, index, cells: sheetCells(sheet, options, budget) });
  }
  return grids;
}

interface Merge {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

function sheetCells(
  sheet: ExcelJS.Worksheet,
  options: SpreadsheetOptions,
  budget: { cells: number },
): GridCell[] {
  const rowCount = sheet.rowCount;
  const columnCount = sheet.columnCount;
  // 1-based row/column number → 0-based grid position, -1 when hidden and skipped.
  const rowAt = positions(rowCount, (r) => sheet.findRow(r)?.hidden === true, options.skipHidden);
  const columnAt = positions(columnCount, (c) => sheet.getColumn(c).hidden === true, options.skipHidden);
  const merges = new Map<string, Merge>();
  for (const [address, merge] of Object.entries(mergesOf(sheet))) merges.set(address, merge);
  const cells: GridCell[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const r = row.number;
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.isMerged && cell.master !== cell) return;
      const c = Number(cell.col);
      const { text, numeric } = cellText(cell.value, cell.numFmt, options.rawValues);
      if (text.trim() === "") return;
      const merge = merges.get(cell.address);
      const span =
        merge === undefined
          ? { row: r, column: c, rowSpan: 1, columnSpan: 1 }
          : visibleSpan(merge, rowAt, columnAt);
      if (span === undefined || (merge === undefined && (rowAt[r]! < 0 || columnAt[c]! < 0))) return;
      if (--budget.cells < 0)
        throw new SpreadsheetTooLargeError(
          `The workbook has more than ${MAX_SPREADSHEET_CELLS.toLocaleString("en-US")} non-empty cells`,
        );
      const gridCell: GridCell = {
        row: merge === undefined ? rowAt[r]! : span.row,
        column: merge === undefined ? columnAt[c]! : span.column,
        rowSpan: span.rowSpan,
        columnSpan: span.columnSpan,
        text,
        numeric,
        bold: cell.font?.bold === true,
      };
      const metadata = cellMetadata(cell, merge, options);
      cells.push(metadata === undefined ? gridCell : { ...gridCell, metadata });
    });
  });
  return cells.sort((a, b) => a.row - b.row || a.column - b.column);
}

/** Index i (1-based) → its 0-based position among the kept ones, or -1 when dropped. */
function positions(count: number, hidden: (index: number) => boolean, skipHidden: boolean): Int32Array {
  const at = new Int32Array(count + 2).fill(-1);
  let next = 0;
  for (let i = 1; i <= count; i++) if (!skipHidden || !hidden(i)) at[i] = next++;
  return at;
}

/** exceljs keeps merged ranges by master address (1-based edges, inclusive); it has no public getter. */
function mergesOf(sheet: ExcelJS.Worksheet): Record<string, Merge> {
  const merges = (sheet as unknown as { _merges?: Record<string, Merge> })._merges;
  return merges ?? {};
}

/** A merged range on the grid: its kept rows and columns, or undefined when all are hidden. */
function visibleSpan(
  merge: Merge,
  rowAt: Int32Array,
  columnAt: Int32Array,
): { row: number; column: number; rowSpan: number; columnSpan: number } | undefined {
  const rows = keptRange(merge.top, merge.bottom, rowAt);
  const columns = keptRange(merge.left, merge.right, columnAt);
  if (rows === undefined || columns === undefined) return undefined;
  return { row: rows.first, column: columns.first, rowSpan: rows.count, columnSpan: columns.count };
}

function keptRange(from: number, to: number, at: Int32Array): { first: number; count: number } | undefined {
  let first = -1;
  let count = 0;
  for (let i = from; i <= to && i < at.length; i++) {
    const position = at[i]!;
    if (position < 0) continue;
    if (first < 0) first = position;
    count++;
  }
  return first < 0 ? undefined : { first, count };
}

/** The text a cell shows; numeric for numbers, dates and booleans (typed data). */
export function cellText(
  value: ExcelJS.CellValue | undefined,
  numFmt: string | undefined,
  raw: boolean,
): { text: string; numeric: boolean } {
  if (value === null || value === undefined) return { text: "", numeric: false };
  if (typeof value === "number")
    return { text: raw ? generalNumber(value) : formatValue(value, numFmt), numeric: true };
  if (typeof value === "string") return { text: value, numeric: false };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE", numeric: true };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { text: "", numeric: false };
    return { text: raw ? isoDate(value) : formatValue(value, numFmt), numeric: true };
  }
  if ("richText" in value) return { text: value.richText.map((run) => run.text).join(""), numeric: false };
  if ("error" in value) return { text: String(value.error), numeric: false };
  if ("formula" in value || "sharedFormula" in value) {
    // The cached result; undefined when the workbook has none (see the module comment).
    return cellText((value as { result?: ExcelJS.CellValue }).result, numFmt, raw);
  }
  if ("hyperlink" in value) {
    const text = (value as { text?: unknown }).text;
    return typeof text === "string" || (typeof text === "object" && text !== null)
      ? cellText(text as ExcelJS.CellValue, numFmt, raw)
      : { text: String(value.hyperlink), numeric: false };
  }
  return { text: "", numeric: false };
}

function cellMetadata(
  cell: ExcelJS.Cell,
  merge: Merge | undefined,
  options: SpreadsheetOptions,
): CellMetadata | undefined {
  if (!options.cellMetadata && !options.cellFormatting) return undefined;
  const reference = !options.cellMetadata
    ? undefined
    : merge === undefined
      ? cell.address
      : `${cellReference(merge.top - 1, merge.left - 1)}:${cellReference(merge.bottom - 1, merge.right - 1)}`;
  const formula = options.cellMetadata ? cell.formula : undefined;
  const formatting = options.cellFormatting ? cellFormatting(cell) : undefined;
  if (reference === undefined && formatting === undefined) return undefined;
  return {
    ...(reference !== undefined ? { reference } : {}),
    ...(formula !== undefined && formula !== "" ? { formula: `=${formula}` } : {}),
    ...(formatting !== undefined ? { formatting } : {}),
  };
}

function cellFormatting(cell: ExcelJS.Cell): CellFormatting | undefined {
  const font = cell.font;
  const fill = cell.fill;
  const fontColor = cssColor(font?.color?.argb);
  const backgroundColor =
    fill?.type === "pattern" && fill.pattern === "solid" ? cssColor(fill.fgColor?.argb) : undefined;
  const formatting: CellFormatting = {
    ...(font?.bold === true ? { bold: true } : {}),
    ...(font?.italic === true ? { italic: true } : {}),
    ...(fontColor !== undefined ? { fontColor } : {}),
    ...(backgroundColor !== undefined ? { backgroundColor } : {}),
  };
  return Object.keys(formatting).length === 0 ? undefined : formatting;
}

/** "FFRRGGBB" (or "RRGGBB") → "#RRGGBB"; theme and indexed colours have no argb and give undefined. */
function cssColor(argb: string | undefined): string | undefined {
  if (argb === undefined || !/^([0-9a-f]{2})?[0-9a-f]{6}$/i.test(argb)) return undefined;
  return `#${argb.slice(-6).toUpperCase()}`;
}
