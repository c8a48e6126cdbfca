/**
 * DocumentSource for spreadsheets: one page per sheet, in workbook order, without geometry (blocks with
 * box null, as plain text has), each page carrying its sheet (rendered as blocks' metadata.sheet). CSV
 * and TSV files are one page without a sheet. Pages are sheets, but what a spreadsheet costs is its
 * content: metrics.pageCount is estimated from it (pageCountBasis "content").
 *
 * Chartsheets (which exceljs skips) are pages too, holding their chart as a figure block, so page
 * numbers follow the workbook's tabs and metadata.sheet.index is the sheet's position in the workbook.
 */
import type { DocumentSource, OpenSourceResult } from "../../document/document-source.ts";
import type { Issue } from "../../document/issue.ts";
import { emptyPage, type Page } from "../../document/page.ts";
import { csvGrid } from "./csv-grid.ts";
import { sheetBlocks } from "./sheet-blocks.ts";
import type { SheetGrid } from "./sheet-grid.ts";
import { type SpreadsheetOptions, SpreadsheetTooLargeError } from "./spreadsheet-options.ts";
import { loadWorkbook } from "./xlsx-package.ts";
import { workbookGrids } from "./xlsx-workbook.ts";

export class SpreadsheetDocumentSource implements DocumentSource {
  readonly stage = "ingest" as const;
  readonly pageCountBasis = "content" as const;
  readonly openIssues: readonly Issue[];
  readonly #grids: readonly SheetGrid[];

  constructor(grids: readonly SheetGrid[]) {
    this.#grids = grids;
    this.openIssues = grids.flatMap((grid, index): Issue[] =>
      grid.uncalculatedFormulas === undefined
        ? []
        : [
            {
              stage: "ingest",
              page: index + 1,
              severity: "warning",
              code: "FORMULA_NOT_CALCULATED",
              message: `${grid.uncalculatedFormulas} formula cell(s) on sheet "${grid.name ?? ""}" have no saved result and were left empty; formulas are not recalculated`,
            },
          ],
    );
  }

  get pageCount(): number {
    return this.#grids.length;
  }

  async readPage(pageNumber: number): Promise<Page> {
    const grid = this.#grids[pageNumber - 1];
    if (grid === undefined)
      throw new RangeError(`The spreadsheet has ${this.#grids.length} sheet(s), not page ${pageNumber}`);
    const page: Page =
      grid.name === undefined
        ? emptyPage(pageNumber, null, null)
        : { ...emptyPage(pageNumber, null, null), sheet: { index: grid.index, name: grid.name } };
    page.blocks = sheetBlocks(grid);
    return page;
  }

  async close(): Promise<void> {}
}

/** Opens an XLSX/XLSM/XLTX workbook; unreadable packages are CORRUPT_FILE, oversized ones FILE_SIZE_TOO_LARGE. */
export async function openXlsx(
  bytes: Uint8Array,
  options: SpreadsheetOptions & { readonly maxPages: number },
): Promise<OpenSourceResult> {
  let grids: SheetGrid[];
  try {
    grids = workbookGrids(await loadWorkbook(bytes), options);
  } catch (error) {
    if (error instanceof SpreadsheetTooLargeError)
      return { ok: false, reason: "FILE_SIZE_TOO_LARGE", message: error.message };
    return {
      ok: false,
      reason: "CORRUPT_FILE",
      message: `The workbook could not be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (grids.length > options.maxPages)
    return {
      ok: false,
      reason: "FILE_SIZE_TOO_LARGE",
      message: `The workbook has ${grids.length} sheets; the limit is ${options.maxPages}`,
    };
  return { ok: true, source: new SpreadsheetDocumentSource(grids) };
}

/** Opens a CSV or TSV file as one table page. */
export function openCsv(bytes: Uint8Array): OpenSourceResult {
  try {
    return { ok: true, source: new SpreadsheetDocumentSource([csvGrid(bytes)]) };
  } catch (error) {
    if (error instanceof SpreadsheetTooLargeError)
      return { ok: false, reason: "FILE_SIZE_TOO_LARGE", message: error.message };
    throw error;
  }
}
