/** Tests for table parsing: markdown pipe tables, HTML with spans, expected rows. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { cellsFromRows, parseHtmlTable, parseMarkdownTable, parseTableContent } from "./table-grid.ts";

test("markdown pipe table: delimiter row dropped, escaped pipe kept", () => {
  const cells = parseMarkdownTable("Intro\n\n| a | b \\| c |\n| --- | :-: |\n| 1 | 2 |\n\nAfter | x");
  assert.deepEqual(
    cells.map((cell) => [cell.row, cell.col, cell.text]),
    [
      [0, 0, "a"],
      [0, 1, "b | c"],
      [1, 0, "1"],
      [1, 1, "2"],
    ],
  );
});

test("HTML table: rowspan and colspan push later cells right", () => {
  const cells = parseHtmlTable(
    "<table><tr><th rowspan='2'>Name</th><th colspan=\"2\">Fuel &amp; speed</th></tr>" +
      "<tr><td>Fuel</td><td>Speed<br/>km</td></tr><tr><td>x</td><td>1</td><td>2</td></tr></table>",
  );
  assert.deepEqual(
    cells.map((cell) => [cell.row, cell.col, cell.rowSpan, cell.colSpan, cell.text]),
    [
      [0, 0, 2, 1, "Name"],
      [0, 1, 1, 2, "Fuel & speed"],
      [1, 1, 1, 1, "Fuel"],
      [1, 2, 1, 1, "Speed km"],
      [2, 0, 1, 1, "x"],
      [2, 1, 1, 1, "1"],
      [2, 2, 1, 1, "2"],
    ],
  );
});

test("content sniffing picks the parser", () => {
  assert.equal(parseTableContent("<table><tr><td>a</td></tr></table>")[0]?.text, "a");
  assert.equal(parseTableContent("| a |\n|---|")[0]?.text, "a");
  assert.deepEqual(parseTableContent("no table here"), []);
});

test("expected rows keep empty cells", () => {
  assert.deepEqual(cellsFromRows([["a", ""]]), [
    { row: 0, col: 0, rowSpan: 1, colSpan: 1, text: "a" },
    { row: 0, col: 1, rowSpan: 1, colSpan: 1, text: "" },
  ]);
});
