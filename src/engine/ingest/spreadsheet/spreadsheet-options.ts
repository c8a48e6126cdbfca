/**
 * Extend's advancedOptions.excel* settings as the spreadsheet readers use them, and the size bound that
 * keeps a huge sheet from exhausting memory.
 *
 * What `excelParsingMode: "advanced"` adds here, honestly: the same deterministic region and table
 * layout as "basic" (no model-based layout detection), plus the per-cell options the contract reserves
 * for advanced mode — excelIncludeCellMetadata (cell references and formulas: HTML `data-cell` /
 * `data-formula` attributes, cell blocks' cellReference/formula, text blocks' cellReference) and
 * excelIncludeCellFormatting (bold, italic, colours: HTML inline styles and cell blocks' formatting).
 * In basic mode those two options are ignored, as the contract says they are advanced-only.
 */
import type { Extend } from "extend-ai";

export interface SpreadsheetOptions {
  /** excelSkipHiddenContent: leave out hidden sheets, rows and columns. */
  readonly skipHidden: boolean;
  /** excelUseRawCellValues: values as stored (numbers in General form, dates ISO 8601), not as shown. */
  readonly rawValues: boolean;
  /** excelIncludeCellMetadata in advanced mode: cell references and formulas. */
  readonly cellMetadata: boolean;
  /** excelIncludeCellFormatting in advanced mode: bold, italic, font and fill colours. */
  readonly cellFormatting: boolean;
}

/**
 * Non-empty cells one workbook (or CSV file) may have; past it the parse fails with FILE_SIZE_TOO_LARGE
 * instead of growing without bound. Measured: a 500,000-cell sheet (24.6 MB of sheet XML) parses in
 * about 17 s and peaks near 1 GB resident, most of it exceljs's in-memory workbook.
 */
export const MAX_SPREADSHEET_CELLS = 500_000;

/**
 * Uncompressed bytes of worksheet and shared-string XML an XLSX may declare (about 50 bytes a cell);
 * checked before exceljs loads anything, since it holds the whole workbook in memory, so an oversized
 * file fails fast instead of exhausting memory.
 */
export const MAX_SPREADSHEET_XML_BYTES = 32 * 1024 * 1024;

/** A spreadsheet too big to read within the bounds above (FILE_SIZE_TOO_LARGE). */
export class SpreadsheetTooLargeError extends Error {
  override readonly name = "SpreadsheetTooLargeError";
}

/**
 * The options from a parse config. excelSkipCalculation needs no setting: the engine never recalculates
 * formulas and always shows the result the workbook cached (see xlsx-workbook.ts).
 */
export function spreadsheetOptions(
  advanced: Extend.ParseConfigAdvancedOptions | undefined,
): SpreadsheetOptions {
  const advancedMode = advanced?.excelParsingMode === "advanced";
  return {
    skipHidden: advanced?.excelSkipHiddenContent === true,
    rawValues: advanced?.excelUseRawCellValues === true,
    cellMetadata: advancedMode && advanced?.excelIncludeCellMetadata === true,
    cellFormatting: advancedMode && advanced?.excelIncludeCellFormatting === true,
  };
}

export const DEFAULT_SPREADSHEET_OPTIONS: SpreadsheetOptions = spreadsheetOptions(undefined);
