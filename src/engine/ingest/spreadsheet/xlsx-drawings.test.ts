import assert from "node:assert/strict";
import { describe, it } from "node:test";
import ExcelJS from "exceljs";
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
