import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PDFDocument, rgb, StandardFonts } from "pdf-lib";
import type { Box } from "../document/box.ts";
import type { Ruling } from "../document/ruling.ts";
import type { Table } from "../document/table.ts";
import type { Word } from "../document/word.ts";
import { parseDocument } from "../pipeline/parse-document.ts";
import { sentence, word } from "../test-support/words.ts";
import { detectTables } from "./detect-tables.ts";

const h = (position: number, start: number, end: number): Ruling => ({
  orientation: "horizontal",
  position,
  start,
  end,
});
const v = (position: number, start: number, end: number): Ruling => ({
  orientation: "vertical",
  position,
  start,
  end,
});

/**
 * Columns at x 100–200–300–400 with no outer frame; two ruled body rows 120–140–160 whose column lines
 * start at y 120; `header` words sit on the band y 100–120 above them (drawn or not, per test).
 */
const COLUMN_LINES = [v(200, 120, 160), v(300, 120, 160)];
const BODY_RULES = [h(140, 100, 400), h(160, 100, 400)];
const BODY = [
  word("North", 110, 134),
  word("120", 210, 134),
  word("4%", 310, 134),
  word("South", 110, 154),
  word("95", 210, 154),
  word("2%", 310, 154),
];
const HEADER = [word("Region", 110, 114), word("Sales", 210, 114), word("Growth", 310, 114)];
const BAND: Box = { left: 100, top: 100, right: 400, bottom: 120 };

function detect(
  shades: readonly Box[],
  header: readonly Word[] = HEADER,
  rulings = [...BODY_RULES, ...COLUMN_LINES],
) {
  return detectTables({ words: [...header, ...BODY], rulings, shades, width: 612, height: 792 });
}

/** Cell texts by row, spanning cells once at their top-left position. */
function rows(table: Table): string[][] {
  const result = Array.from({ length: table.rowCount }, () => [] as string[]);
  for (const cell of table.cells) result[cell.rowIndex]!.push(cell.text);
  return result;
}

describe("shaded header bands", () => {
  it("leaves the header out of a table whose rulings start below it when nothing is shaded", () => {
    const [table] = detect([]);
    assert.deepEqual(rows(table!.table), [
      ["North", "120", "4%"],
      ["South", "95", "2%"],
    ]);
  });

  it("takes a band flush above the first ruled row as the first row, split at the column lines", () => {
    const [table] = detect([BAND]);
    assert.deepEqual(rows(table!.table), [
      ["Region", "Sales", "Growth"],
      ["North", "120", "4%"],
      ["South", "95", "2%"],
    ]);
    assert.equal(table!.box.top, 100);
  });

  it("joins a band painted as one fill per cell with hairline gaps between them", () => {
    const pieces = [
      { ...BAND, right: 199.5 },
      { ...BAND, left: 200.5, right: 299.5 },
      { ...BAND, left: 300.5 },
    ];
    const [table] = detect(pieces);
    assert.deepEqual(rows(table!.table)[0], ["Region", "Sales", "Growth"]);
  });

  it("joins a band under a ruling of its own that no column line reaches", () => {
    const [table] = detect([BAND], HEADER, [h(100, 100, 400), ...BODY_RULES, ...COLUMN_LINES]);
    assert.equal(table!.table.rowCount, 3);
    assert.deepEqual(rows(table!.table)[0], ["Region", "Sales", "Growth"]);
  });

  it("keeps a header centred over a column line as one cell spanning both columns", () => {
    // Word spaces of 3 pt (0.3 em, as Helvetica sets them); the line at x 300 falls between two words.
    const header = [
      word("Region", 110, 114),
      word("Sales", 250, 114),
      word("and", 278, 114),
      word("growth", 296, 114),
    ];
    const [table] = detect([BAND], header);
    const first = table!.table.cells.filter((cell) => cell.rowIndex === 0);
    assert.deepEqual(
      first.map((cell) => [cell.text, cell.columnSpan]),
      [
        ["Region", 1],
        ["Sales and growth", 2],
      ],
    );
  });

  it("leaves a title bar over the table alone: its text fills one cell", () => {
    const title = sentence("Table 3 Sales by region", 110, 114);
    const [table] = detect([BAND], title);
    assert.equal(table!.table.rowCount, 2);
    assert.equal(table!.box.top, 120);
  });

  it("ignores a band narrower than the table", () => {
    const [table] = detect([{ ...BAND, right: 250 }]);
    assert.equal(table!.table.rowCount, 2);
  });

  it("ignores a band that stops short of the table's top edge", () => {
    const [table] = detect([{ ...BAND, bottom: 112 }]);
    assert.equal(table!.table.rowCount, 2);
  });

  it("takes a shaded totals row flush under the last ruling as the last row", () => {
    const rulings = [h(120, 100, 400), h(140, 100, 400), v(200, 120, 160), v(300, 120, 160)];
    const total = [word("Total", 110, 174), word("215", 210, 174), word("3%", 310, 174)];
    const tables = detectTables({
      words: [...BODY, ...total],
      rulings,
      shades: [{ left: 100, top: 160, right: 400, bottom: 180 }],
      width: 612,
      height: 792,
    });
    assert.deepEqual(rows(tables[0]!.table), [
      ["North", "120", "4%"],
      ["South", "95", "2%"],
      ["Total", "215", "3%"],
    ]);
  });
});

/**
 * A PDF (pdf-lib, user space: y up) whose table header sits on a grey band, the rulings below it: row
 * rules under each body row and the column lines starting at the band's lower edge, no outer frame.
 */
async function bandedTablePdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const page = document.addPage([612, 792]);
  const text = (value: string, x: number, y: number) => page.drawText(value, { x, y, size: 10, font });
  text("Quarterly figures by region, as reported.", 72, 740);
  page.drawRectangle({ x: 72, y: 700, width: 300, height: 18, color: rgb(0.8, 0.85, 0.9) });
  for (const [index, label] of ["Region", "Sales", "Growth"].entries()) text(label, 78 + 100 * index, 705);
  const body = [
    ["North", "120", "4%"],
    ["South", "95", "2%"],
    ["East", "80", "1%"],
  ];
  body.forEach((cells, row) => {
    const bottom = 680 - 20 * row;
    for (const [column, cell] of cells.entries()) text(cell, 78 + 100 * column, bottom + 6);
    page.drawLine({ start: { x: 72, y: bottom }, end: { x: 372, y: bottom }, thickness: 0.5 });
  });
  for (const x of [172, 272]) page.drawLine({ start: { x, y: 700 }, end: { x, y: 640 }, thickness: 0.5 });
  text("Figures are unaudited.", 72, 610);
  return document.save();
}

describe("shaded header bands in a parsed PDF", () => {
  it("reads the header on the band as the table's first row, not as text above it", async () => {
    const outcome = await parseDocument(await bandedTablePdf(), {
      format: "pdf",
      maxPages: 1,
      chunking: "page",
    });
    assert.equal(outcome.status, "success");
    if (outcome.status !== "success") return;
    const blocks = outcome.output.chunks[0]!.blocks;
    const tables = blocks.filter((block) => block.type === "table");
    assert.equal(tables.length, 1);
    assert.match(
      tables[0]!.content,
      /^\| Region \| Sales \| Growth \|\n\| --- \| --- \| --- \|\n\| North \|/u,
    );
    assert.match(tables[0]!.content, /\| East \| 80 \| 1% \|/u);
    const text = blocks.filter((block) => block.type !== "table").map((block) => block.content);
    assert.ok(!text.some((content) => /Region|Growth/u.test(content)), text.join(" / "));
  });
});
