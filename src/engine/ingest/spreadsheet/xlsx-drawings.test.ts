import assert from "node:assert/strict";
import { describe, it } from "node:test";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { csvGrid } from "./csv-grid.ts";
import { DEFAULT_SPREADSHEET_OPTIONS, SpreadsheetTooLargeError } from "./spreadsheet-options.ts";
import { chartText } from "./xlsx-drawings.ts";
import { loadWorkbook } from "./xlsx-package.ts";
import { workbookGrids } from "./xlsx-workbook.ts";

/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">
<c:chart><c:title><c:tx><c:rich><a:p><a:r><a:t>Ducks by year</a:t></a:r></a:p></c:rich></c:tx></c:title>
<c:plotArea><c:lineChart>
<c:ser><c:tx><c:strRef><c:strCache><c:pt idx="0"><c:v>Fresh</c:v></c:pt></c:strCache></c:strRef></c:tx>
<c:cat><c:numRef><c:numCache><c:pt idx="0"><c:v>2019</c:v></c:pt><c:pt idx="1"><c:v>2020</c:v></c:pt></c:numCache></c:numRef></c:cat>
<c:val><c:numRef><c:numCache><c:pt idx="0"><c:v>120</c:v></c:pt><c:pt idx="1"><c:v>0.30000000000000004</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser>
</c:lineChart></c:plotArea></c:chart></c:chartSpace>`;

describe("XLSX drawings", () => {
  it("describes a chart by its title, kind and cached data", () => {
    assert.equal(
      chartText(CHART),
      [
        "Ducks by year",
        "Line chart",
        "|  | Fresh |",
        "| --- | --- |",
        "| 2019 | 120 |",
        "| 2020 | 0.3 |",
      ].join("\n"),
    );
    assert.equal(chartText("<c:chartSpace/>"), undefined);
  });

  it("gives a picture anchored on a sheet as an image figure at its anchor", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Pictures");
    sheet.getCell("A1").value = "caption";
    sheet.getCell("A10").value = "end";
    const image = workbook.addImage({ buffer: PNG as never, extension: "png" });
    sheet.addImage(image, { tl: { col: 1, row: 4 }, ext: { width: 10, height: 10 } });
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const [grid] = workbookGrids(await loadWorkbook(bytes), DEFAULT_SPREADSHEET_OPTIONS);
    assert.deepEqual(grid?.figures, [{ row: 4, column: 1, figureType: "image", text: "" }]);
  });
});

/** A workbook whose second sheet is a chartsheet (exceljs writes none, so the package is edited). */
async function chartsheetWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Data").getCell("A1").value = "year";
  workbook.addWorksheet("Chart");
  workbook.addWorksheet("After").getCell("A1").value = "last";
  const entries = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
  const rels = strFromU8(entries["xl/_rels/workbook.xml.rels"]!);
  entries["xl/_rels/workbook.xml.rels"] = strToU8(
    rels.replace("worksheets/sheet2.xml", "chartsheets/sheet1.xml"),
  );
  delete entries["xl/worksheets/sheet2.xml"];
  const ns = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const rel = (type: string, target: string) =>
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/></Relationships>`;
  entries["xl/chartsheets/sheet1.xml"] = strToU8(
    `<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ${ns}><drawing r:id="rId1"/></chartsheet>`,
  );
  entries["xl/chartsheets/_rels/sheet1.xml.rels"] = strToU8(rel("drawing", "../drawings/drawing1.xml"));
  entries["xl/drawings/drawing1.xml"] = strToU8(
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ${ns}><xdr:absoluteAnchor><xdr:graphicFrame><a:graphic><a:graphicData><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame></xdr:absoluteAnchor></xdr:wsDr>`,
  );
  entries["xl/drawings/_rels/drawing1.xml.rels"] = strToU8(rel("chart", "/xl/charts/chart1.xml"));
  entries["xl/charts/chart1.xml"] = strToU8(CHART);
  return zipSync(entries);
}

describe("chartsheets", () => {
  it("are pages holding their chart, and later sheets keep their workbook index", async () => {
    const grids = workbookGrids(await loadWorkbook(await chartsheetWorkbook()), DEFAULT_SPREADSHEET_OPTIONS);
    assert.deepEqual(
      grids.map((grid) => [grid.name, grid.index, grid.cells.length, grid.figures?.length ?? 0]),
      [
        ["Data", 0, 1, 0],
        ["Chart", 1, 0, 1],
        ["After", 2, 1, 0],
      ],
    );
    assert.match(grids[1]!.figures![0]!.text, /^Ducks by year\nLine chart\n/);
  });
});

describe("spreadsheet size bound", () => {
  it("fails past the cell cap instead of reading on", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Big");
    for (let row = 1; row <= 20; row++) sheet.getRow(row).values = [row, row * 2, row * 3];
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    await assert.rejects(loadWorkbook(bytes, 1000), SpreadsheetTooLargeError);
    const opened = await loadWorkbook(bytes);
    assert.throws(() => workbookGrids(opened, DEFAULT_SPREADSHEET_OPTIONS, 59), SpreadsheetTooLargeError);
    assert.equal(workbookGrids(opened, DEFAULT_SPREADSHEET_OPTIONS, 60)[0]?.cells.length, 60);
    const csv = new TextEncoder().encode("a,b\n1,2\n3,4\n");
    assert.throws(() => csvGrid(csv, 5), SpreadsheetTooLargeError);
    assert.equal(csvGrid(csv, 6).cells.length, 6);
  });
});
