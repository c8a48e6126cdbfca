/**
 * XLSX/XLSM/XLTX → SheetGrids with exceljs: one grid per sheet in workbook order, each non-empty cell's
 * text as Excel shows it (number formats applied, number-format.ts) or raw, merged ranges as spanning
 * cells, cell comments after the cells, hidden rows/columns/sheets (and their comments) dropped when asked.
 *
 * Formulas are never recalculated, whatever excelSkipCalculation says: a formula cell shows the result
 * the workbook cached when it was last saved by a spreadsheet application. A formula without a cached
 * result (files written by libraries that do not compute) reads as empty — no value is invented — and the
 * source reports a FORMULA_NOT_CALCULATED warning per sheet that has such cells. Volatile
 * functions (NOW(), TODAY()) therefore show their value at the last save.
 */
import type ExcelJS from "exceljs";
import type { CellFormatting, CellMetadata } from "../../document/table.ts";
import { formatValue, generalNumber, isoDate } from "./number-format.ts";
import type { GridCell, GridFigure, SheetGrid } from "./sheet-grid.ts";
import { cellReference } from "./sheet-grid.ts";
import {
  MAX_SPREADSHEET_CELLS,
  type SpreadsheetOptions,
  SpreadsheetTooLargeError,
} from "./spreadsheet-options.ts";
import { type ListedSheet, listSheets, type SheetFigure } from "./xlsx-drawings.ts";
import type { XlsxPackage } from "./xlsx-package.ts";
import { escapedNumberFormats } from "./xlsx-parts.ts";

/**
 * Grids of the workbook's sheets in tab order (hidden ones left out when options.skipHidden), indexed as
 * the workbook numbers its sheets. A chartsheet — which exceljs skips — is a grid without cells holding
 * its chart.
 */
export function workbookGrids(
  { workbook, parts }: XlsxPackage,
  options: SpreadsheetOptions,
  maxCells = MAX_SPREADSHEET_CELLS,
): SheetGrid[] {
  const grids: SheetGrid[] = [];
  const budget = { cells: maxCells, max: maxCells };
  const listed = listSheets(parts);
  // Without a readable sheet list (it is what exceljs read too, so this is rare), exceljs's order.
  const sheets: ListedSheet[] =
    listed.length > 0
      ? listed
      : workbook.worksheets.map((sheet) => ({
          name: sheet.name,
          chartsheet: false,
          hidden: sheet.state !== "visible",
          figures: [],
          comments: [],
        }));
  const formats = escapedNumberFormats(parts);
  for (const [index, entry] of sheets.entries()) {
    const sheet = entry.chartsheet ? undefined : workbook.getWorksheet(entry.name);
    if (options.skipHidden && (entry.hidden || (sheet !== undefined && sheet.state !== "visible"))) continue;
    if (sheet === undefined) {
      if (!entry.chartsheet) continue;
      const figures = entry.figures.map((figure) => ({ ...figure, row: 0, column: 0 }));
      const comments = entry.comments.map((comment) => comment.text);
      grids.push({
        name: entry.name,
        index,
        cells: [],
        ...(figures.length > 0 ? { figures } : {}),
        ...(comments.length > 0 ? { comments } : {}),
      });
      continue;
    }
    const { cells, rowAt, columnAt, uncalculated } = sheetCells(sheet, options, budget, formats);
    const placed = entry.figures.map((figure) => placeFigure(figure, rowAt, columnAt));
    // A comment on a hidden row or column is hidden content too.
    const comments = entry.comments
      .filter((comment) => rowAt[comment.row + 1] !== -1 && columnAt[comment.column + 1] !== -1)
      .map((comment) => comment.text);
    grids.push({
      name: entry.name,
      index,
      cells,
      ...(placed.length > 0 ? { figures: placed } : {}),
      ...(comments.length > 0 ? { comments } : {}),
      ...(uncalculated > 0 ? { uncalculatedFormulas: uncalculated } : {}),
    });
  }
  return grids;
}

/** A figure at the first kept row and column at or after its anchor (past the end when none is). */
function placeFigure(figure: SheetFigure, rowAt: Int32Array, columnAt: Int32Array): GridFigure {
  const kept = (at: Int32Array, index: number) => {
    for (let i = index + 1; i < at.length; i++) if (at[i]! >= 0) return at[i]!;
    let last = -1;
    for (const position of at) last = Math.max(last, position);
    return last + 1;
  };
  return { ...figure, row: kept(rowAt, figure.row), column: kept(columnAt, figure.column) };
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
  budget: { cells: number; readonly max: number },
  formats: ReadonlyMap<string, string>,
): { cells: GridCell[]; rowAt: Int32Array; columnAt: Int32Array; uncalculated: number } {
  const rowCount = sheet.rowCount;
  const columnCount = sheet.columnCount;
  // 1-based row/column number → 0-based grid position, -1 when hidden and skipped.
  const rowAt = positions(rowCount, (r) => sheet.findRow(r)?.hidden === true, options.skipHidden);
  const columnAt = positions(columnCount, (c) => sheet.getColumn(c).hidden === true, options.skipHidden);
  const merges = new Map<string, Merge>();
  for (const [address, merge] of Object.entries(mergesOf(sheet))) merges.set(address, merge);
  const cells: GridCell[] = [];
  let uncalculated = 0;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const r = row.number;
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.isMerged && cell.master !== cell) return;
      const c = Number(cell.col);
      const numFmt = cell.numFmt === undefined ? undefined : (formats.get(cell.numFmt) ?? cell.numFmt);
      const { text, numeric } = cellText(cell.value, numFmt, options.rawValues);
      if (text.trim() === "") {
        if (lacksResult(cell.value)) uncalculated++;
        return;
      }
      const merge = merges.get(cell.address);
      const span =
        merge === undefined
          ? { row: r, column: c, rowSpan: 1, columnSpan: 1 }
          : visibleSpan(merge, rowAt, columnAt);
      if (span === undefined || (merge === undefined && (rowAt[r]! < 0 || columnAt[c]! < 0))) return;
      if (--budget.cells < 0)
        throw new SpreadsheetTooLargeError(
          `The workbook has more than ${budget.max.toLocaleString("en-US")} non-empty cells`,
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
  cells.sort((a, b) => a.row - b.row || a.column - b.column);
  return { cells, rowAt, columnAt, uncalculated };
}

/** A formula cell whose workbook cached no result (written by a library that does not calculate). */
function lacksResult(value: ExcelJS.CellValue | undefined): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    ("formula" in value || "sharedFormula" in value) &&
    (value as { result?: unknown }).result === undefined
  );
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
