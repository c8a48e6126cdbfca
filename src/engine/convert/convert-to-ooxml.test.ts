/**
 * Legacy Office, ODS/ODP and RTF read by way of DOCX/XLSX/PPTX through LibreOffice, end to end through
 * parseDocument: slides, sheets (metadata.sheet) and headings come from the native readers;
 * alwaysConvertToPdf keeps the PDF route. Skipped when soffice is not installed.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import ExcelJS from "exceljs";
import { parseDocument } from "../pipeline/parse-document.ts";
import { corpusFile } from "../test-support/pdf-fixtures.ts";
import {
  blocksOf,
  converter,
  converterOptions,
  NO_SOFFICE,
  sofficePath,
} from "../test-support/soffice-fixtures.ts";
import { sofficeConvert } from "./soffice.ts";

describe("Office Open XML conversion with LibreOffice", {
  skip: sofficePath === undefined ? NO_SOFFICE : false,
}, () => {
  it("reads a legacy .ppt as slides: titles as headings, bullets as list items, one page each", async () => {
    const outcome = await parseDocument(
      corpusFile("docling-groundtruth/office/ppt/sources/legacy_sample.ppt"),
      converterOptions("ole"),
    );
    const blocks = blocksOf(outcome);
    assert.ok(outcome.status !== "failure" && outcome.pageCount === 3);
    const headings = blocks.filter((block) => block.type === "heading" || block.type === "section_heading");
    assert.ok(headings.some((block) => /Second slide title/.test(block.content)));
    const text = blocks.map((block) => block.content).join("\n");
    assert.match(text, /- With foo/);
    // Text boxes side by side are not mistaken for a table, as they are on a rendered page.
    assert.equal(blocks.filter((block) => block.type === "table").length, 1);
  });

  it("reads a legacy .xls sheet by sheet, with metadata.sheet", async () => {
    const outcome = await parseDocument(
      corpusFile("docling-groundtruth/office/xls/sources/legacy_sample.xls"),
      converterOptions("ole"),
    );
    const blocks = blocksOf(outcome);
    const table = blocks.find((block) => block.type === "table");
    assert.ok(table !== undefined);
    assert.match(table.content, /\| Year \| Freshwater Ducks \|/);
    assert.deepEqual((table.metadata as { sheet?: unknown }).sheet, { index: 0, name: "Duck Observations" });
  });

  it("keeps .xls in basic mode: advanced-only cell references are not added", async () => {
    const xls = corpusFile("docling-groundtruth/office/xls/sources/legacy_sample.xls");
    const config = {
      advancedOptions: { excelParsingMode: "advanced" as const, excelIncludeCellMetadata: true },
    };
    const blocks = blocksOf(await parseDocument(xls, converterOptions("ole", { config })));
    const title = blocks.find((block) => block.type === "text");
    assert.match(title?.content ?? "", /Number of freshwater ducks per year/);
    assert.deepEqual(title?.details, {});
    // The same workbook as XLSX does get them: the option is honoured where the contract allows it.
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("S").addRows([["A title over a table"], [], ["Year", "Ducks"], [2024, 310]]);
    workbook.getWorksheet("S")!.mergeCells("A1:B1");
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    const native = blocksOf(await parseDocument(xlsx, converterOptions("xlsx", { config })));
    assert.equal(
      (native.find((block) => block.type === "text")?.details as { cellReference?: string })?.cellReference,
      "A1:B1",
    );
  });

  it("reads an ODS spreadsheet made by LibreOffice as its sheets", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Prices").addRows([
      ["Item", "Price"],
      ["Tea", 3],
      ["Cake", 4.5],
    ]);
    workbook.addWorksheet("Notes").getCell("B2").value = "Closed on Mondays";
    const ods = await sofficeConvert(
      new Uint8Array(await workbook.xlsx.writeBuffer()),
      { extension: "xlsx", filter: "Calc MS Excel 2007 XML" },
      { extension: "ods", filter: "calc8", label: "ODS" },
      { sofficePath: sofficePath!, timeoutMs: 60_000, concurrency: 2 },
    );
    const outcome = await parseDocument(ods, converterOptions("ods"));
    const blocks = blocksOf(outcome);
    const sheets = blocks.map((block) => (block.metadata as { sheet?: { name: string } }).sheet?.name);
    assert.deepEqual([...new Set(sheets)], ["Prices", "Notes"]);
    assert.match(blocks.find((block) => block.type === "table")!.content, /\| Cake \| 4\.5 \|/);
  });

  it("reads RTF by way of DOCX: a styled heading stays a heading, a table stays a table", async () => {
    const rtf = [
      "{\\rtf1\\ansi{\\fonttbl\\f0 Arial;}",
      "{\\stylesheet{\\s0 Normal;}{\\s1\\outlinelevel0 heading 1;}}",
      "\\pard\\s1\\outlinelevel0\\b Quarterly report\\b0\\par",
      "\\pard\\s0 Revenue grew in every region.\\par",
      "\\trowd\\cellx2000\\cellx4000 Region\\cell Units\\cell\\row",
      "\\trowd\\cellx2000\\cellx4000 North\\cell 1200\\cell\\row",
      "\\pard\\par}",
    ].join("\n");
    const blocks = blocksOf(await parseDocument(new TextEncoder().encode(rtf), converterOptions("rtf")));
    const heading = blocks.find((block) => block.type === "heading" || block.type === "section_heading");
    assert.match(heading?.content ?? "", /Quarterly report/);
    const table = blocks.find((block) => block.type === "table");
    assert.match(table?.content ?? "", /\| North \| 1200 \|/);
  });

  it("keeps the PDF route, with page geometry, under alwaysConvertToPdf", async () => {
    const outcome = await parseDocument(
      corpusFile("docling-groundtruth/office/ppt/sources/legacy_sample.ppt"),
      converterOptions("ole", { config: { advancedOptions: { alwaysConvertToPdf: true } } }),
    );
    const blocks = blocksOf(outcome);
    assert.ok(blocks.length > 0);
    assert.ok(blocks.every((block) => block.boundingBox.left !== null));
  });

  it("fails FILE_TYPE_NOT_SUPPORTED without LibreOffice, as before", async () => {
    const outcome = await parseDocument(
      corpusFile("docling-groundtruth/office/ppt/sources/legacy_sample.ppt"),
      converterOptions("ole", { pdfConverter: { ...converter, sofficePath: undefined } }),
    );
    assert.ok(outcome.status === "failure");
    assert.equal(outcome.failureReason, "FILE_TYPE_NOT_SUPPORTED");
  });
});
