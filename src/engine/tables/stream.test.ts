import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Table } from "../document/table.ts";
import type { Word } from "../document/word.ts";
import { paragraphWords, sentence, word } from "../test-support/words.ts";
import { streamTables } from "./stream.ts";

/** Words of table rows: each row's cells start at the given x (points), one row every `pitch` from `top`. */
function rows(cells: readonly (readonly string[])[], xs: readonly number[], top: number, pitch = 14): Word[] {
  return cells.flatMap((row, index) =>
    row.flatMap((text, column) => (text === "" ? [] : sentence(text, xs[column]!, top + index * pitch))),
  );
}

function grid(table: Table): string[][] {
  const result = Array.from({ length: table.rowCount }, () => new Array<string>(table.columnCount).fill(""));
  for (const cell of table.cells) result[cell.rowIndex]![cell.columnIndex] = cell.text;
  return result;
}

const FRUIT = [
  ["Item", "Q1", "Q2", "Q3"],
  ["Apples", "10", "20", "30"],
  ["Pears", "11", "21", "31"],
  ["Plums", "12", "22", "32"],
  ["Cherries", "13", "23", "33"],
];
const COLUMNS = [72, 200, 260, 320];
const LONG = "Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt";

describe("streamTables", () => {
  it("finds a table aligned by text alone between paragraphs, with its header row", () => {
    const words = [
      ...paragraphWords([LONG, LONG], 72, 80),
      ...rows(FRUIT, COLUMNS, 130),
      ...paragraphWords([LONG, LONG], 72, 230),
    ];
    const tables = streamTables(words, []);
    assert.equal(tables.length, 1);
    const [table] = tables;
    assert.deepEqual(grid(table!.table), FRUIT);
    assert.equal(table!.table.headerRowCount, 1);
    assert.equal(table!.table.method, "stream");
    // The paragraphs stay text: none of their words belong to the table.
    assert.ok(table!.words.every((word) => word.box.top > 110 && word.box.bottom < 200));
  });

  it("does not take two columns of running text for a table", () => {
    const column = [
      LONG.slice(0, 40),
      LONG.slice(10, 50),
      LONG.slice(5, 45),
      LONG.slice(0, 42),
      LONG.slice(3, 44),
    ];
    const words = [...paragraphWords(column, 72, 100), ...paragraphWords(column, 320, 100)];
    assert.deepEqual(streamTables(words, []), []);
  });

  it("does not take a bulleted list for a table", () => {
    const words = rows(
      [
        ["•", "Apples"],
        ["•", "Pears"],
        ["•", "Plums"],
        ["•", "Cherries"],
      ],
      [72, 90],
      100,
    );
    assert.deepEqual(streamTables(words, []), []);
  });

  it("keeps a cell's bullets in the cell, not in a column of their own; a column of check marks stays one", () => {
    const bulleted = rows(
      [
        ["Property", "", "Reason for change"],
        ["Clarity", "•", "Reported as not relevant"],
        ["", "•", "Generates missing data"],
        ["Range", "•", "Responses at the floor"],
        ["Variability", "•", "Everyone gives the same answer"],
        ["Recall", "•", "The period does not fit"],
      ],
      [72, 200, 222],
      100,
    );
    const [table] = streamTables(bulleted, []);
    assert.ok(table);
    const cells = grid(table.table);
    assert.equal(table.table.columnCount, 2, JSON.stringify(cells));
    assert.deepEqual(cells[0], ["Property", "Reason for change"]);
    assert.ok(cells[1]![1]!.startsWith("• Reported as not relevant"), JSON.stringify(cells[1]));
    assert.deepEqual(cells.at(-1), ["Recall", "• The period does not fit"]);
    const checked = rows(
      [
        ["Feature", "", "Notes"],
        ["Export", "✓", "All formats"],
        ["Import", "✗", "Planned for spring"],
        ["Search", "✓", "Full text"],
        ["Sharing", "✓", "Links expire"],
      ],
      [72, 200, 260],
      300,
    );
    const [matrix] = streamTables(checked, []);
    assert.equal(matrix?.table.columnCount, 3);
  });

  it("merges a label wrapped onto a second line into one cell, and the lines of a header", () => {
    const words = rows(
      [
        ["", "Under 18", "18 years"],
        ["Offense", "years", "and over"],
        ["Murder and nonnegligent", "", ""],
        ["manslaughter", "0.9", "9.1"],
        ["Robbery", "25.5", "76.6"],
        ["Burglary", "60.3", "180.6"],
      ],
      [72, 220, 300],
      100,
      11,
    );
    const [table] = streamTables(words, []);
    assert.ok(table !== undefined);
    assert.deepEqual(grid(table.table), [
      ["Offense", "Under 18\nyears", "18 years\nand over"],
      ["Murder and nonnegligent\nmanslaughter", "0.9", "9.1"],
      ["Robbery", "25.5", "76.6"],
      ["Burglary", "60.3", "180.6"],
    ]);
    assert.equal(table.table.headerRowCount, 1);
  });

  it("keeps the second line of a header cell in the header when no column holds numbers", () => {
    const words = rows(
      [
        ["", "State funded", "Private"],
        ["", "legal aid", ""],
        ["Persons with disabilities", "yes", "no"],
        ["Children", "yes", "yes"],
        ["Women", "no", "yes"],
        ["The elderly", "yes", "no"],
      ],
      [72, 240, 330],
      100,
      11,
    );
    const [table] = streamTables(words, []);
    assert.ok(table !== undefined);
    assert.deepEqual(grid(table.table), [
      ["", "State funded\nlegal aid", "Private"],
      ["Persons with disabilities", "yes", "no"],
      ["Children", "yes", "yes"],
      ["Women", "no", "yes"],
      ["The elderly", "yes", "no"],
    ]);
  });

  it("reads a label spanning two sub-columns as one spanning header cell", () => {
    const words = [
      ...sentence("Total population", 205, 100),
      ...rows(
        [
          ["State", "Men", "Women"],
          ["Kerala", "120", "130"],
          ["Assam", "140", "150"],
          ["Bihar", "160", "170"],
        ],
        [72, 200, 260],
        114,
      ),
    ];
    const [table] = streamTables(words, []);
    assert.ok(table !== undefined);
    const total = table.table.cells.find((cell) => cell.text === "Total population");
    assert.deepEqual([total?.rowIndex, total?.columnIndex, total?.columnSpan], [0, 1, 2]);
    assert.equal(table.table.headerRowCount, 2);
  });

  it("splits cells set as tight as a word space where the other rows part at a column gap", () => {
    // Right-aligned numbers ending at 200 and 260 (points; 10 pt type, 0.5 em per character). Three
    // rows hold numbers so long that only 4.5 points (0.45 em, narrower than a word gutter) part them,
    // but their first number ends where every other row's does: the column boundary holds there.
    const values = [
      ["Alpha", "1,234", "5,678"],
      ["Beta", "2,345", "6,789"],
      ["Gamma", "1,234,567", "12,345,678"],
      ["Delta", "3,456", "7,890"],
      ["Epsilon", "2,345,678", "23,456,789"],
      ["Zeta", "4,567", "8,901"],
      ["Eta", "3,456,789", "34,567,890"],
      ["Theta", "5,678", "9,012"],
    ];
    const words = values.flatMap(([label, first, second], index) => {
      const baseline = 100 + index * 14;
      const secondLeft = first!.length > 5 ? 204.5 : 260 - second!.length * 5;
      return [
        word(label!, 72, baseline),
        word(first!, 200 - first!.length * 5, baseline),
        word(second!, secondLeft, baseline),
      ];
    });
    const [table] = streamTables(words, []);
    assert.ok(table !== undefined);
    assert.deepEqual(grid(table.table), values);
  });

  it("keeps a narrow word space together that lines up over rows but with no column edge", () => {
    // "Total …" labels put their 0.4 em word space at the same place; the other labels are short, so
    // most rows leave a wide gap there too, but the words' edges line up with no other row's cells.
    const values = [
      ["Tax", "1,234", "5,678"],
      ["Fee", "2,345", "6,789"],
      ["Total assets", "3,456", "7,890"],
      ["Pay", "4,567", "8,901"],
      ["Total debts", "5,678", "9,012"],
      ["Net", "6,789", "1,023"],
      ["Total loans", "7,890", "2,034"],
      ["Due", "8,901", "3,045"],
    ];
    const words = values.flatMap(([label, first, second], index) => {
      const baseline = 100 + index * 14;
      const [head, tail] = label!.split(" ");
      return [
        word(head!, 72, baseline),
        ...(tail === undefined ? [] : [word(tail, 72 + head!.length * 5 + 4, baseline)]),
        word(first!, 200 - first!.length * 5, baseline),
        word(second!, 260 - second!.length * 5, baseline),
      ];
    });
    const [table] = streamTables(words, []);
    assert.ok(table !== undefined);
    assert.deepEqual(grid(table.table), values);
  });
  it("keeps the wrapped last line of the last row's label in the table", () => {
    const values = [
      ["Data set downloads", "0", "652,412"],
      ["States offering open data sites", "0", "8"],
      ["Cities in North America with", "0", "8"],
    ];
    const words = [...rows(values, [72, 260, 330], 100, 16), ...sentence("open data sites", 72, 142)];
    const [table] = streamTables(words, []);
    assert.ok(table !== undefined);
    assert.deepEqual(grid(table.table).at(-1), ["Cities in North America with\nopen data sites", "0", "8"]);
  });
  it("keeps a number and its unit in one cell where the unit lines up like a column", () => {
    // "40 years" … "47 years": two-digit ages leave the same 0.6 em gap before "years" in every row.
    const ages = [40, 41, 42, 43, 44, 45, 46, 47];
    const words = [
      ...sentence("Age", 72, 100),
      ...sentence("Population", 200, 100),
      ...ages.flatMap((age, index) => {
        const baseline = 114 + index * 12;
        return [
          word(String(age), 72, baseline),
          word("years", 88, baseline),
          word(`${2468 - index * 37},${100 + index}`, 200, baseline),
        ];
      }),
    ];
    const [table] = streamTables(words, []);
    assert.ok(table !== undefined);
    assert.equal(table.table.columnCount, 2);
    assert.deepEqual(grid(table.table)[1], ["40 years", "2468,100"]);
  });
});
