import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parseCsv } from "../../../eval/support/csv.ts";
import type { Table } from "../document/table.ts";
import { openPdf } from "../pdf/open-pdf.ts";
import { corpusFile } from "../test-support/pdf-fixtures.ts";
import type { DetectedTable } from "./build-table.ts";
import { drawingBoxes } from "./chart-area.ts";
import { detectTables } from "./detect-tables.ts";

// Golden checks on real documents (read-only, by path): camelot's and tabula's maintainer-verified
// tables, and ICDAR 2013's human ground truth (regions and cell structure).
const CORPUS = new URL("../../../../shared/corpus/", import.meta.url);

async function tablesOn(path: string, pageNumber = 1): Promise<{ tables: DetectedTable[]; height: number }> {
  const opened = await openPdf(corpusFile(path), { maxPages: 100 });
  assert.ok(opened.ok, opened.ok ? "" : opened.message);
  try {
    for (let number = 1; number < pageNumber; number++) await opened.source.readPage(number);
    const page = await opened.source.readPage(pageNumber);
    const tables = detectTables({
      words: page.words,
      rulings: page.rulings ?? [],
      shades: page.shades ?? [],
      drawings: drawingBoxes(page.graphics?.paths ?? []),
      width: page.width!,
      height: page.height!,
    });
    return { tables, height: page.height! };
  } finally {
    await opened.source.close();
  }
}

function expectedRows(path: string): string[][] {
  const text = readFileSync(new URL(path, CORPUS), "utf8");
  return path.endsWith(".json") ? (JSON.parse(text) as string[][]) : parseCsv(text);
}

const normalize = (text: string) => text.replace(/\s+/gu, "");

/**
 * Share of the expected non-empty cells found with the same text at the same (row, column), the table
 * being shifted by at most `maxShift` rows (reference tables may include title lines above the table).
 */
function cellMatch(expected: readonly (readonly string[])[], table: Table, maxShift = 0): number {
  const at = new Map(
    table.cells.map((cell) => [`${cell.rowIndex},${cell.columnIndex}`, normalize(cell.text)]),
  );
  let best = 0;
  let total = 0;
  for (let shift = -maxShift; shift <= maxShift; shift++) {
    let found = 0;
    total = 0;
    for (const [rowIndex, row] of expected.entries()) {
      for (const [columnIndex, text] of row.entries()) {
        if (normalize(text) === "") continue;
        total++;
        if (at.get(`${rowIndex + shift},${columnIndex}`) === normalize(text)) found++;
      }
    }
    best = Math.max(best, found);
  }
  return total === 0 ? 0 : best / total;
}

describe("detectTables on ruled (lattice) tables", () => {
  it("finds both tables of camelot's twotables_2 with every cell in place", async () => {
    const { tables } = await tablesOn("camelot-tables/pdfs/twotables_2.pdf");
    assert.equal(tables.length, 2);
    for (const [index, table] of tables.entries()) {
      assert.equal(table.table.method, "lattice");
      assert.deepEqual([table.table.rowCount, table.table.columnCount], [13, 8]);
      // "State" and "n" span two header rows, "Literacy Status" six columns.
      assert.equal(table.table.headerRowCount, 2);
      const expected = expectedRows(`camelot-tables/expected/data_lattice_two_tables_${index + 1}.json`);
      assert.equal(cellMatch(expected, table.table), 1);
    }
  });

  it("keeps merged cells as spans (camelot column_span_2)", async () => {
    const { tables } = await tablesOn("camelot-tables/pdfs/column_span_2.pdf");
    assert.equal(tables.length, 1);
    const table = tables[0]!.table;
    assert.deepEqual([table.rowCount, table.columnCount], [11, 7]);
    assert.ok(table.cells.some((cell) => cell.rowSpan > 1));
    assert.ok(table.cells.some((cell) => cell.columnSpan > 1));
    assert.equal(
      cellMatch(expectedRows("camelot-tables/expected/data_lattice_shift_text_left_top.json"), table),
      1,
    );
  });

  it("reads a table printed sideways in its own reading direction (camelot anticlockwise_table_1)", async () => {
    const { tables } = await tablesOn("camelot-tables/pdfs/anticlockwise_table_1.pdf");
    assert.equal(tables.length, 1);
    const table = tables[0]!.table;
    assert.deepEqual([table.rowCount, table.columnCount], [13, 10]);
    assert.equal(
      cellMatch(expectedRows("camelot-tables/expected/data_lattice_table_rotated.json"), table),
      1,
    );
  });

  it("reads tabula's frx_2012_disclosure (88 rows, multi-line cells)", async () => {
    const { tables } = await tablesOn("tabula-java-tables/pdfs/frx_2012_disclosure.pdf");
    assert.equal(tables.length, 1);
    assert.deepEqual([tables[0]!.table.rowCount, tables[0]!.table.columnCount], [88, 5]);
    assert.ok(
      cellMatch(expectedRows("tabula-java-tables/expected/csv/frx_2012_disclosure.csv"), tables[0]!.table) >
        0.95,
    );
  });

  it("reads a frame that rules only column groups as a text-aligned table (camelot 12s0324)", async () => {
    const { tables } = await tablesOn("camelot-tables/pdfs/tabula/12s0324.pdf");
    assert.equal(tables.length, 2);
    const second = tables[1]!.table;
    assert.equal(second.columnCount, 6);
    assert.ok(
      cellMatch(expectedRows("camelot-tables/expected/data_stream_two_tables_2.json"), second, 6) > 0.85,
    );
  });
});

describe("detectTables on unruled (stream) tables", () => {
  it("reads tabula's us-020 (page 2) with its multi-line header", async () => {
    const { tables } = await tablesOn("tabula-java-tables/pdfs/us-020.pdf", 2);
    assert.equal(tables.length, 1);
    const table = tables[0]!.table;
    assert.equal(table.method, "stream");
    assert.equal(table.columnCount, 7);
    assert.ok(table.headerRowCount >= 1);
    // The reference splits the header into one row per line; compare the body.
    const expected = expectedRows("tabula-java-tables/expected/csv/us-020.csv").slice(5);
    assert.ok(cellMatch(expected, table, 5) > 0.9);
  });

  it("reads a sideways unruled table (camelot clockwise_table_2)", async () => {
    const { tables } = await tablesOn("camelot-tables/pdfs/clockwise_table_2.pdf");
    assert.equal(tables.length, 1);
    const table = tables[0]!.table;
    assert.equal(table.columnCount, 17);
    const expected = expectedRows("camelot-tables/expected/data_stream_table_rotated.json").slice(5);
    assert.ok(cellMatch(expected, table, 6) > 0.9);
  });
});

describe("detectTables against ICDAR 2013 ground truth", () => {
  interface Region {
    readonly page: number;
    readonly box: readonly [number, number, number, number];
  }
  interface Cell {
    readonly row: number;
    readonly column: number;
    readonly endRow: number;
    readonly endColumn: number;
    readonly text: string;
  }

  function regions(path: string): Region[] {
    const xml = readFileSync(new URL(path, CORPUS), "utf8");
    return [
      ...xml.matchAll(
        /<region[^>]*page='(\d+)'[\s\S]*?<bounding-box x1='(\d+)' y1='(\d+)' x2='(\d+)' y2='(\d+)'/gu,
      ),
    ].map((match) => ({
      page: Number(match[1]),
      box: [Number(match[2]), Number(match[3]), Number(match[4]), Number(match[5])],
    }));
  }

  function structure(path: string): Cell[][] {
    const xml = readFileSync(new URL(path, CORPUS), "utf8");
    return [...xml.matchAll(/<region[^>]*>([\s\S]*?)<\/region>/gu)].map((region) =>
      [...region[1]!.matchAll(/<cell([^>]*)>[\s\S]*?<content>([\s\S]*?)<\/content>/gu)].map((match) => {
        const value = (name: string) => {
          const found = new RegExp(`${name}=['"](\\d+)['"]`, "u").exec(match[1]!);
          return found === null ? undefined : Number(found[1]);
        };
        const row = value("start-row")!;
        const column = value("start-col")!;
        return {
          row,
          column,
          endRow: value("end-row") ?? row,
          endColumn: value("end-col") ?? column,
          text: match[2]!,
        };
      }),
    );
  }

  /** ICDAR 2013's structure measure: each cell's nearest non-empty neighbour to the right and below. */
  function adjacency(cells: readonly Cell[]): string[] {
    const filled = cells.filter((cell) => normalize(cell.text) !== "");
    const relations: string[] = [];
    for (const a of filled) {
      const right = filled
        .filter((b) => b.column > a.endColumn && b.row <= a.endRow && b.endRow >= a.row)
        .sort((x, y) => x.column - y.column)[0];
      if (right !== undefined) relations.push(`${normalize(a.text)}→${normalize(right.text)}`);
      const below = filled
        .filter((b) => b.row > a.endRow && b.column <= a.endColumn && b.endColumn >= a.column)
        .sort((x, y) => x.row - y.row)[0];
      if (below !== undefined) relations.push(`${normalize(a.text)}↓${normalize(below.text)}`);
    }
    return relations;
  }

  function tableCells(table: Table): Cell[] {
    return table.cells.map((cell) => ({
      row: cell.rowIndex,
      column: cell.columnIndex,
      endRow: cell.rowIndex + cell.rowSpan - 1,
      endColumn: cell.columnIndex + cell.columnSpan - 1,
      text: cell.text,
    }));
  }

  /** Overlap of a found table with a region, as the smaller of completeness and purity. */
  function overlap(found: DetectedTable, region: Region, pageHeight: number): number {
    const [x1, y1, x2, y2] = region.box;
    // ICDAR boxes are in PDF user space (origin bottom-left); ours are from the top.
    const top = pageHeight - y2;
    const bottom = pageHeight - y1;
    const width = Math.min(x2, found.box.right) - Math.max(x1, found.box.left);
    const height = Math.min(bottom, found.box.bottom) - Math.max(top, found.box.top);
    if (width <= 0 || height <= 0) return 0;
    const area = (box: { left: number; right: number; top: number; bottom: number }) =>
      (box.right - box.left) * (box.bottom - box.top);
    return Math.min((width * height) / ((x2 - x1) * (y2 - y1)), (width * height) / area(found.box));
  }

  // Documents, their pages, and the share of ICDAR's adjacency relations the tables must have.
  for (const [document, pages, share] of [
    ["us-018", [1, 2, 3], 0.85],
    ["eu-016", [3], 0.85],
    // Records a ruled row holds one under another (blank-line-rows.ts).
    ["us-032", [1], 0.95],
    // Notes under the closing rule are no rows (table-notes.ts).
    ["us-037", [1], 0.7],
    // A wrapped last row (stream.ts); page 3's list item beside a callout is no table (flowing-text.ts).
    ["us-010", [2, 3], 0.8],
    // The tick labels of the line chart under the table are no second table (chart-area.ts).
    ["us-023", [2], 0.85],
  ] as const) {
    it(`finds the tables of ${document} with their structure`, async () => {
      const folder = `icdar2013-tables/competition-dataset-${document.slice(0, 2)}/`;
      const truth = regions(`${folder}${document}-reg.xml`);
      const cells = structure(`${folder}${document}-str.xml`);
      let expectedRelations = 0;
      let foundRelations = 0;
      for (const pageNumber of pages) {
        const { tables, height } = await tablesOn(`${folder}${document}.pdf`, pageNumber);
        const here = truth
          .map((region, index) => ({ region, index }))
          .filter(({ region }) => region.page === pageNumber);
        assert.equal(tables.length, here.length, `tables on page ${pageNumber}`);
        for (const { region, index } of here) {
          const match = tables.find((table) => overlap(table, region, height) >= 0.5);
          assert.ok(match !== undefined, `region ${region.box.join(",")} on page ${pageNumber}`);
          const expected = adjacency(cells[index]!);
          const found = new Set(adjacency(tableCells(match.table)));
          expectedRelations += expected.length;
          foundRelations += expected.filter((relation) => found.has(relation)).length;
        }
      }
      assert.ok(
        foundRelations >= share * expectedRelations,
        `${foundRelations} of ${expectedRelations} relations`,
      );
    });
  }
});
