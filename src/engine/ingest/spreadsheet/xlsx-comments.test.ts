import assert from "node:assert/strict";
import { describe, it } from "node:test";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { DEFAULT_SPREADSHEET_OPTIONS } from "./spreadsheet-options.ts";
import { parseReference } from "./xlsx-comments.ts";
import { loadWorkbook } from "./xlsx-package.ts";
import { workbookGrids } from "./xlsx-workbook.ts";

const THREADED_TYPE = "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment";

/** A sheet with a legacy note on A1, a note on a hidden row, and (added by hand) a threaded conversation on B2. */
async function commentedWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Data");
  sheet.getCell("A1").value = "Year";
  sheet.getCell("B1").value = "Ducks";
  sheet.getCell("A2").value = 2024;
  sheet.getCell("B2").value = 310;
  sheet.getCell("A3").value = 2025;
  sheet.getCell("B3").value = 1;
  sheet.getRow(3).hidden = true;
  sheet.getCell("A1").note = { texts: [{ text: "Calendar " }, { text: "year" }] };
  sheet.getCell("B3").note = "Not counted yet";
  // The legacy mirror Excel writes beside a threaded comment; it must not be read twice.
  sheet.getCell("B2").note =
    "[Threaded comment] Your version of Excel allows you to read this threaded comment";
  const files = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
  const relsPath = "xl/worksheets/_rels/sheet1.xml.rels";
  files[relsPath] = strToU8(
    strFromU8(files[relsPath]!).replace(
      "</Relationships>",
      `<Relationship Id="rIdT" Type="${THREADED_TYPE}" Target="../threadedComments/threadedComment1.xml"/></Relationships>`,
    ),
  );
  files["xl/threadedComments/threadedComment1.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">` +
      `<threadedComment ref="B2" dT="2026-06-18T17:12:37.41" personId="{P1}" id="{T1}"><text>Highest so far</text></threadedComment>` +
      `<threadedComment ref="B2" dT="2026-06-18T17:15:52.31" personId="{P2}" id="{T2}" parentId="{T1}"><text>Agreed</text></threadedComment>` +
      "</ThreadedComments>",
  );
  files["xl/persons/person.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">` +
      `<person displayName="Jane Smith (JS)" id="{P1}"/><person displayName="Marcus Sterling" id="{P2}"/></personList>`,
  );
  return zipSync(files);
}

describe("XLSX cell comments", () => {
  it("reads notes and threaded conversations in cell order, without the threads' legacy mirrors", async () => {
    const [grid] = workbookGrids(await loadWorkbook(await commentedWorkbook()), DEFAULT_SPREADSHEET_OPTIONS);
    assert.deepEqual(grid!.comments, [
      "[author: Author]: Calendar year",
      "[author: Jane Smith (JS), time: 2026-06-18T17:12:37.41]: Highest so far",
      "[author: Marcus Sterling, time: 2026-06-18T17:15:52.31]: Agreed",
      "[author: Author]: Not counted yet",
    ]);
  });

  it("leaves out comments on hidden rows when hidden content is skipped", async () => {
    const [grid] = workbookGrids(await loadWorkbook(await commentedWorkbook()), {
      ...DEFAULT_SPREADSHEET_OPTIONS,
      skipHidden: true,
    });
    assert.equal(
      grid!.comments?.some((comment) => comment.includes("Not counted")),
      false,
    );
    assert.equal(grid!.comments?.length, 3);
  });

  it("parses A1 references, absolute ones and ranges by their first cell", () => {
    assert.deepEqual(parseReference("F7"), { row: 6, column: 5 });
    assert.deepEqual(parseReference("$AA$10"), { row: 9, column: 26 });
    assert.deepEqual(parseReference("B2:C3"), { row: 1, column: 1 });
    assert.equal(parseReference("R1C1"), undefined);
  });
});

describe("XLSX number formats with escapes", () => {
  it("keeps backslash-escaped literals that exceljs drops on reading", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("S");
    sheet.getCell("A1").value = "Item";
    sheet.getCell("A2").value = 1;
    sheet.getCell("A3").value = 12;
    sheet.getColumn(1).numFmt = "\\1\\.0#";
    sheet.getCell("A1").numFmt = "General";
    const [grid] = workbookGrids(
      await loadWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer())),
      DEFAULT_SPREADSHEET_OPTIONS,
    );
    assert.deepEqual(
      grid!.cells.map((cell) => cell.text),
      ["Item", "1.1", "1.12"],
    );
  });
});
