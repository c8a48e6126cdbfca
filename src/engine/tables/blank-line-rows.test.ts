import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Word } from "../document/word.ts";
import { sentence } from "../test-support/words.ts";
import { splitAtBlankLines } from "./blank-line-rows.ts";
import type { Grid, GridCell } from "./grid.ts";

const XS = [70, 170, 370, 570];

/** A ruled grid of `ys` rows over three columns, every cell one position. */
function grid(ys: readonly number[]): Grid {
  const cells: GridCell[] = [];
  for (let row = 0; row < ys.length - 1; row++)
    for (let column = 0; column < 3; column++)
      cells.push({
        rowIndex: row,
        columnIndex: column,
        rowSpan: 1,
        columnSpan: 1,
        box: { left: XS[column]!, top: ys[row]!, right: XS[column + 1]!, bottom: ys[row + 1]! },
      });
  return { xs: XS, ys, cells, box: { left: XS[0]!, top: ys[0]!, right: XS[3]!, bottom: ys[ys.length - 1]! } };
}

/** Lines of a cell: [text, baseline] pairs at the cell's column. */
function cell(column: number, lines: readonly [string, number][]): Word[] {
  return lines.flatMap(([text, baseline]) => sentence(text, XS[column]! + 4, baseline));
}

function texts(words: readonly Word[][]): string[] {
  return words.map((cellWords) => cellWords.map((word) => word.text).join(" "));
}

describe("splitAtBlankLines", () => {
  it("cuts a ruled row where records start side by side after a blank line", () => {
    const ruled = grid([100, 120, 250]);
    const words = [
      cell(0, [["Source", 114]]),
      cell(1, [["Definition", 114]]),
      cell(2, [["Examples", 114]]),
      // "Stationary:" alone, then two records, each a blank line below the last.
      cell(0, [
        ["Stationary:", 134],
        ["Major", 162],
        ["Area", 210],
      ]),
      cell(1, [
        ["Ten tons a year or more", 162],
        ["of any one air toxic", 174],
        ["Less than ten tons a year", 210],
      ]),
      cell(2, [
        ["Refineries", 162],
        ["Dry cleaners", 210],
      ]),
    ];
    const [split, splitWords] = splitAtBlankLines(ruled, words);
    assert.equal(split.ys.length - 1, 4);
    assert.deepEqual(texts(splitWords), [
      "Source",
      "Definition",
      "Examples",
      "Stationary:",
      "",
      "",
      "Major",
      "Ten tons a year or more of any one air toxic",
      "Refineries",
      "Area",
      "Less than ten tons a year",
      "Dry cleaners",
    ]);
    assert.deepEqual(
      split.cells.map((gridCell) => [gridCell.rowIndex, gridCell.columnIndex]),
      [0, 1, 2, 3].flatMap((row) => [0, 1, 2].map((column) => [row, column])),
    );
    // The cut lies in the blank line, and the cut cells' boxes meet there.
    const cut = split.ys[2]!;
    assert.ok(cut > 134 && cut < 162 - 8);
    assert.equal(split.cells[3]!.box.bottom, split.cells[6]!.box.top);
  });

  it("leaves rows whole where only one cell has paragraphs, or details have no label of their own", () => {
    const ruled = grid([100, 120, 250]);
    const header = [cell(0, [["Brand", 114]]), cell(1, [["Oil", 114]]), cell(2, [["Butter", 114]])];
    const paragraphs = [
      ...header,
      cell(0, [["Item", 134]]),
      cell(1, [
        ["First paragraph of a description", 134],
        ["Second paragraph after a blank line", 170],
      ]),
      cell(2, [["5", 134]]),
    ];
    const [kept] = splitAtBlankLines(ruled, paragraphs);
    assert.equal(kept.ys.length, 3);
    const details = [
      ...header,
      cell(0, [["Astra", 134]]),
      cell(1, [
        ["Total: 47%", 134],
        ["(Fruit, Plant, Effi)", 162],
      ]),
      cell(2, [
        ["Total: 39%", 134],
        ["Fruit (8.4%) Effi (10.5%)", 162],
      ]),
    ];
    const [whole] = splitAtBlankLines(ruled, details);
    assert.equal(whole.ys.length, 3);
  });
});
