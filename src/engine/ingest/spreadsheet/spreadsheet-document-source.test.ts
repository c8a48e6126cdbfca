import assert from "node:assert/strict";
import { describe, it } from "node:test";
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import type { Block } from "../../document/block.ts";
import { blockMarkdown } from "../../render/block-markdown.ts";
import { openCsv, openXlsx } from "./spreadsheet-document-source.ts";
import { DEFAULT_SPREADSHEET_OPTIONS, type SpreadsheetOptions } from "./spreadsheet-options.ts";

/** Two sheets: a titled sales table with a merged header, a formula, a date, formats and a hidden row. */
async function salesWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sales = workbook.addWorksheet("Sales");
  sales.getCell("A1").value = "Quarterly sales";
  sales.getRow(2).values = ["Region", "Units", "Share", "Revenue", "Closed"];
  sales.getRow(2).font = { bold: true };
  sales.getRow(3).values = ["North", 1200, 0.25, 15000.5, new Date(Date.UTC(2024, 2, 31))];
  sales.getRow(4).values = ["South", 800, 0.75, 9000, new Date(Date.UTC(2024, 5, 30))];
  sales.getRow(5).values = ["Secret", 1, 0, 1, new Date(Date.UTC(2024, 5, 30))];
  sales.getRow(5).hidden = true;
  sales.getCell("B6").value = { formula: "SUM(B3:B4)", result: 2000 };
  sales.getCell("A6").value = "Total";
  sales.getColumn(2).numFmt = "#,##0";
  sales.getColumn(3).numFmt = "0%";
  sales.getColumn(4).numFmt = '"$"#,##0.00';
  sales.getColumn(5).numFmt = "yyyy-mm-dd";
  sales.getCell("B6").numFmt = "#,##0";
  sales.getCell("D4").font = { italic: true, color: { argb: "FFFF0000" } };
  // A second table beside a blank column, with a merged header over two columns.
  sales.getCell("G2").value = "Notes";
  sales.mergeCells("G2:H2");
  sales.getCell("I2").value = "Owner";
  sales.getCell("G3").value = "a";
  sales.getCell("H3").value = "b";
  sales.getCell("I3").value = "c";
  const other = workbook.addWorksheet("Other");
  other.getCell("B2").value = "lonely";
  // Written without a cached result, as libraries that do not calculate write formulas.
  other.getCell("B3").value = { formula: "LEN(B2)" } as ExcelJS.CellFormulaValue;
  const hidden = workbook.addWorksheet("Hidden", { state: "hidden" });
  hidden.getCell("A1").value = "x";
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function open(bytes: Uint8Array, options: Partial<SpreadsheetOptions> = {}) {
  const opened = await openXlsx(bytes, { ...DEFAULT_SPREADSHEET_OPTIONS, ...options, maxPages: 10 });
  assert.ok(opened.ok, opened.ok ? "" : opened.message);
  return opened.source;
}

const tables = (blocks: readonly Block[]) => blocks.filter((block) => block.type === "table");

describe("SpreadsheetDocumentSource (XLSX)", () => {
  it("is one page per sheet carrying its name, with titles, tables, spans and formatted values", async () => {
    const source = await open(await salesWorkbook());
    assert.equal(source.pageCount, 3);
    assert.equal(source.pageCountBasis, "content");
    const page = await source.readPage(1);
    assert.deepEqual(page.sheet, { index: 0, name: "Sales" });
    assert.deepEqual([page.width, page.height], [null, null]);
    assert.deepEqual(
      page.blocks.map((block) => [block.type, block.box]),
      [
        ["heading", null],
        ["text", null],
        ["table", null],
        ["table", null],
      ],
    );
    assert.equal(page.blocks[1]!.text, "Quarterly sales");
    const [sales, notes] = tables(page.blocks);
    assert.equal(
      blockMarkdown(sales!),
      [
        "| Region | Units | Share | Revenue | Closed |",
        "| --- | --- | --- | --- | --- |",
        "| North | 1,200 | 25% | $15,000.50 | 2024-03-31 |",
        "| South | 800 | 75% | $9,000.00 | 2024-06-30 |",
        "| Secret | 1 | 0% | $1.00 | 2024-06-30 |",
        "| Total | 2,000 |  |  |  |",
      ].join("\n"),
    );
    // Text over numbers: a header row.
    assert.equal(sales!.table!.headerRowCount, 1);
    const merged = notes!.table!.cells.find((cell) => cell.text === "Notes");
    assert.deepEqual([merged?.rowSpan, merged?.columnSpan, notes!.table!.columnCount], [1, 2, 3]);
    const other = await source.readPage(2);
    assert.deepEqual(other.sheet, { index: 1, name: "Other" });
    assert.deepEqual(
      other.blocks.map((block) => [block.type, block.text]),
      [
        ["heading", "Other"],
        ["text", "lonely"],
      ],
    );
    await assert.rejects(source.readPage(4), RangeError);
    assert.deepEqual(
      (source.openIssues ?? []).map((issue) => [issue.code, issue.page, issue.severity]),
      [["FORMULA_NOT_CALCULATED", 2, "warning"]],
    );
  });

  it("skips hidden rows and sheets and gives raw values when asked", async () => {
    const source = await open(await salesWorkbook(), { skipHidden: true, rawValues: true });
    assert.equal(source.pageCount, 2);
    const [sales] = tables((await source.readPage(1)).blocks);
    const markdown = blockMarkdown(sales!);
    assert.doesNotMatch(markdown, /Secret/);
    assert.match(markdown, /\| North \| 1200 \| 0\.25 \| 15000\.5 \| 2024-03-31 \|/);
    assert.match(markdown, /\| Total \| 2000 \|/);
  });

  it("skips hidden columns, narrowing a merged header over them, only when asked", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Costs");
    sheet.getCell("A1").value = "Item";
    sheet.getCell("B1").value = "Cost";
    sheet.mergeCells("B1:D1");
    sheet.getRow(2).values = ["Tea", 1, 2, 3];
    sheet.getRow(3).values = ["Cake", 4, 5, 6];
    sheet.getColumn(3).hidden = true;
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const shown = blockMarkdown(tables((await (await open(bytes)).readPage(1)).blocks)[0]!);
    assert.match(shown, /\| Tea \| 1 \| 2 \| 3 \|/);
    const skipped = blockMarkdown(
      tables((await (await open(bytes, { skipHidden: true })).readPage(1)).blocks)[0]!,
    );
    assert.match(skipped, /\| Tea \| 1 \| 3 \|/);
    assert.match(skipped, /\| Item \| Cost \| Cost \|/);
    assert.doesNotMatch(skipped, /\b2\b|\b5\b/);
  });

  it("adds cell references, formulas and formatting as HTML attributes in advanced mode", async () => {
    const source = await open(await salesWorkbook(), { cellMetadata: true, cellFormatting: true });
    const page = await source.readPage(1);
    assert.deepEqual(page.blocks[1]!.cellMetadata, { reference: "A1" });
    const [sales, notes] = tables(page.blocks);
    const html = blockMarkdown(sales!, { tableFormat: "html" });
    assert.match(html, /<td data-cell="B6" data-formula="=SUM\(B3:B4\)">2,000<\/td>/);
    assert.match(html, /<td data-cell="D4" style="font-style:italic;color:#FF0000">\$9,000.00<\/td>/);
    assert.match(html, /<th data-cell="A2" style="font-weight:bold">Region<\/th>/);
    assert.match(blockMarkdown(notes!, { tableFormat: "html" }), /colspan="2" data-cell="G2:H2"/);
  });

  it("refuses a damaged workbook as CORRUPT_FILE", async () => {
    const bytes = await salesWorkbook();
    const truncated = bytes.slice(0, Math.floor(bytes.length / 2));
    const opened = await openXlsx(truncated, { ...DEFAULT_SPREADSHEET_OPTIONS, maxPages: 10 });
    assert.ok(!opened.ok);
    assert.equal(opened.reason, "CORRUPT_FILE");
    const garbage = await openXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]), {
      ...DEFAULT_SPREADSHEET_OPTIONS,
      maxPages: 10,
    });
    assert.ok(!garbage.ok);
    assert.equal(garbage.reason, "CORRUPT_FILE");
    const notWorkbook = await openXlsx(zipSync({ "xl/readme.txt": strToU8("hello") }), {
      ...DEFAULT_SPREADSHEET_OPTIONS,
      maxPages: 10,
    });
    assert.ok(!notWorkbook.ok);
    assert.equal(notWorkbook.reason, "CORRUPT_FILE");
  });

  it("fails with FILE_SIZE_TOO_LARGE when the sheets outnumber maxPages", async () => {
    const opened = await openXlsx(await salesWorkbook(), { ...DEFAULT_SPREADSHEET_OPTIONS, maxPages: 2 });
    assert.ok(!opened.ok);
    assert.equal(opened.reason, "FILE_SIZE_TOO_LARGE");
  });
});

describe("SpreadsheetDocumentSource (CSV)", () => {
  it("is one table page without a sheet: quoted fields, BOM and sniffed delimiter", async () => {
    const text = '\uFEFFname;amount;note\n"Smith; J.";12.5;"said ""hi""\nthen left"\nDoe;7;\n';
    const opened = openCsv(new TextEncoder().encode(text));
    assert.ok(opened.ok);
    const page = await opened.source.readPage(1);
    assert.equal(page.sheet, undefined);
    assert.equal(page.blocks.length, 1);
    const table = page.blocks[0]!.table!;
    assert.deepEqual([table.rowCount, table.columnCount, table.headerRowCount], [3, 3, 1]);
    assert.deepEqual(
      table.cells.map((cell) => cell.text),
      ["name", "amount", "note", "Smith; J.", "12.5", 'said "hi"\nthen left', "Doe", "7"],
    );
  });

  it("reads tab-separated values", async () => {
    const opened = openCsv(new TextEncoder().encode("a\tb\n1\t2\n3\t4\n"));
    assert.ok(opened.ok);
    const table = (await opened.source.readPage(1)).blocks[0]!.table!;
    assert.deepEqual([table.rowCount, table.columnCount], [3, 2]);
  });
});
