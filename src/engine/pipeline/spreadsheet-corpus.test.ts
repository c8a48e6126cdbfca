/**
 * Spreadsheets from ../shared/corpus (read-only) through the whole pipeline: one chunk per sheet with
 * page chunking, every block carrying its sheet, tables and values as the workbook shows them, and the
 * page count estimated from content. Facts checked against the files as Excel displays them.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Extend } from "extend-ai";
import { detectFormat } from "../ingest/detect-format.ts";
import { corpusFile } from "../test-support/pdf-fixtures.ts";
import { parseDocument } from "./parse-document.ts";
import type { ParseOptions } from "./parse-outcome.ts";

const XLSX = "docling-groundtruth/office/xlsx/sources/";

async function parse(
  name: string,
  options: Partial<ParseOptions> = {},
): Promise<{ chunks: Extend.Chunk[]; pageCount: number }> {
  const bytes = corpusFile(`${XLSX}${name}`);
  const { format } = detectFormat(bytes.subarray(0, 65536), name);
  const outcome = await parseDocument(bytes, { format, maxPages: 100, chunking: "page", ...options });
  if (outcome.status === "failure") assert.fail(outcome.failureMessage);
  return { chunks: outcome.output.chunks, pageCount: outcome.pageCount };
}

const tables = (chunk: Extend.Chunk) => chunk.blocks.filter((block) => block.type === "table");

describe("spreadsheets through parseDocument", () => {
  it("gives one chunk per sheet whose blocks carry the sheet", async () => {
    const { chunks, pageCount } = await parse("xlsx_01.xlsx");
    assert.deepEqual(
      chunks.map((chunk) => chunk.blocks[0]?.content),
      ["# Sheet1", "# Sheet2", "# Sheet3", "# Sheet4"],
    );
    for (const [index, chunk] of chunks.entries()) {
      assert.deepEqual(chunk.metadata.pageRange, { start: index + 1, end: index + 1 });
      for (const block of chunk.blocks) assert.equal(block.metadata.sheet?.index, index);
    }
    assert.equal(chunks[1]!.blocks[0]!.metadata.sheet?.name, "Sheet2");
    // Sheet2: a table of eight rows, one of four, and two line/scatter charts with the second copy.
    assert.deepEqual(
      tables(chunks[1]!).map((block) => block.details),
      [
        { type: "table_details", rowCount: 9, columnCount: 4 },
        { type: "table_details", rowCount: 5, columnCount: 3 },
        { type: "table_details", rowCount: 5, columnCount: 3 },
      ],
    );
    const figures = chunks[1]!.blocks.filter((block) => block.type === "figure");
    assert.deepEqual(
      figures.map((block) => block.content.split("\n").slice(1, 3)),
      [
        ["'col-3'", "Line chart"],
        ["'col-2', 'col-3', 'col-4' by 'col-1'", "Scatter chart"],
      ],
    );
    assert.match(chunks[0]!.content, /\| 6 \| 0 \| -6 \|/);
    // Small sheets: one estimated page for the whole workbook.
    assert.equal(pageCount, 1);
  });

  it("shows dates with the cell's number format and skips hidden sheets when asked", async () => {
    const { chunks } = await parse("xlsx_02_sample_sales_data.xlsm");
    assert.match(chunks[0]!.content, /\| Widget A \| 2024-01-01 0:00:00 \| 5 \| 5000 \|/);
    const raw = await parse("xlsx_02_sample_sales_data.xlsm", {
      config: { advancedOptions: { excelUseRawCellValues: true } },
    });
    assert.match(raw.chunks[0]!.content, /\| Widget A \| 2024-01-01 \| 5 \| 5000 \|/);
    const visible = await parse("xlsx_01.xlsx", {
      config: { advancedOptions: { excelSkipHiddenContent: true } },
    });
    assert.equal(visible.chunks.length, 3);
  });

  it("splits tables at gaps and corners and keeps titles as text", async () => {
    const { chunks } = await parse("xlsx_06_edge_cases_.xlsx");
    assert.deepEqual(
      chunks.map((chunk) => tables(chunk).length),
      [1, 1, 2],
    );
    const titled = await parse("xlsx_05_table_with_title.xlsx");
    assert.deepEqual(
      titled.chunks[0]!.blocks.map((block) => [block.type, block.content.split("\n")[0]]),
      [
        ["heading", "# Duck Observations"],
        ["text", "Number of freshwater ducks per year"],
        ["table", "| Year | Freshwater Ducks |"],
      ],
    );
  });

  it("reads a chart drawn on its own sheet, and a workbook whose drawings exceljs cannot reconcile", async () => {
    const { chunks } = await parse("xlsx_03_chartsheet.xlsx");
    const chart = chunks[1]!.blocks.find((block) => block.type === "figure");
    assert.match(chart?.content ?? "", /Wild Duck Observations by Year\nColumn chart\n/);
    assert.match(chart?.content ?? "", /\| 2024 \| 180 \| 130 \|/);
    const anchored = await parse("xlsx_08_one_cell_anchor.xlsx");
    assert.match(anchored.chunks[0]!.content, /\| data3 \| data4 \|/);
  });

  it("renders cell metadata as HTML attributes in advanced mode", async () => {
    const { chunks } = await parse("xlsx_03_chartsheet.xlsx", {
      config: {
        advancedOptions: { excelParsingMode: "advanced", excelIncludeCellMetadata: true },
        blockOptions: { tables: { targetFormat: "html", cellBlocksEnabled: true } },
      },
    });
    const [table] = tables(chunks[0]!);
    assert.match(table!.content, /<td data-cell="D2" data-formula="=B2\+C2">200<\/td>/);
    const cell = table!.children?.find((child) => child.content === "200");
    assert.deepEqual(cell?.details, {
      type: "table_cell_details",
      rowIndex: 1,
      columnIndex: 3,
      cellReference: "D2",
      formula: "=B2+C2",
    });
    assert.deepEqual(cell?.metadata.sheet, { index: 0, name: "Duck Observations" });
    const titled = await parse("xlsx_05_table_with_title.xlsx", {
      config: { advancedOptions: { excelParsingMode: "advanced", excelIncludeCellMetadata: true } },
    });
    const title = titled.chunks[0]!.blocks.find((block) => block.type === "text");
    assert.deepEqual(title?.details, { type: "text_details", cellReference: "B2" });
    // Basic mode ignores the advanced-only option.
    const basic = await parse("xlsx_05_table_with_title.xlsx", {
      config: { advancedOptions: { excelIncludeCellMetadata: true } },
    });
    assert.deepEqual(basic.chunks[0]!.blocks.find((block) => block.type === "text")?.details, {});
  });

  it("fails a damaged workbook with CORRUPT_FILE", async () => {
    const bytes = corpusFile(`${XLSX}xlsx_05_table_with_title.xlsx`);
    const outcome = await parseDocument(bytes.slice(0, 3000), {
      format: "xlsx",
      maxPages: 100,
      chunking: "page",
    });
    assert.equal(outcome.status, "failure");
    assert.equal(outcome.status === "failure" ? outcome.failureReason : "", "CORRUPT_FILE");
  });
});
