import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Ruling } from "../document/ruling.ts";
import { hRule as h, vRule as v } from "../test-support/rulings.ts";
import { word } from "../test-support/words.ts";
import { assignWords, compactGrid, dropSpacers } from "./grid.ts";
import { latticeGrids } from "./lattice.ts";

/**
 * A ruled 3 × 3 table at x 100–400, y 100–190: the header's first two columns are one merged cell
 * (its inner border stops at y 130), and the first column's two body cells are one (no border at y 160).
 */
const SPANNED: Ruling[] = [
  h(100, 100, 400),
  h(130, 100, 400),
  h(160, 200, 400),
  h(190, 100, 400),
  v(100, 100, 190),
  v(200, 130, 190),
  v(300, 100, 190),
  v(400, 100, 190),
];

function spans(rulings: readonly Ruling[]) {
  const [grid] = latticeGrids(rulings);
  assert.ok(grid !== undefined);
  return grid.cells.map((cell) => [cell.rowIndex, cell.columnIndex, cell.rowSpan, cell.columnSpan]);
}

describe("latticeGrids", () => {
  it("cuts a frame into cells at its lines and merges cells where a border is missing", () => {
    assert.deepEqual(spans(SPANNED), [
      [0, 0, 1, 2],
      [0, 2, 1, 1],
      [1, 0, 2, 1],
      [1, 1, 1, 1],
      [1, 2, 1, 1],
      [2, 1, 1, 1],
      [2, 2, 1, 1],
    ]);
    const [grid] = latticeGrids(SPANNED);
    assert.deepEqual(grid!.xs, [100, 200, 300, 400]);
    assert.deepEqual(grid!.ys, [100, 130, 160, 190]);
    assert.deepEqual(grid!.cells[2]!.box, { left: 100, top: 130, right: 200, bottom: 190 });
  });

  it("tolerates borders that stop short of each other and doubled lines", () => {
    const sloppy = [
      h(100, 102, 398),
      h(100.8, 100, 400),
      h(150, 101, 399),
      h(200, 100, 400),
      v(100, 101, 199),
      v(250, 102, 198),
      v(400, 100, 200),
    ];
    assert.deepEqual(spans(sloppy), [
      [0, 0, 1, 1],
      [0, 1, 1, 1],
      [1, 0, 1, 1],
      [1, 1, 1, 1],
    ]);
  });

  it("bounds a table without an outer frame by the ends of its lines", () => {
    // Row rules run 100–400, column rules only between the columns.
    const open = [h(100, 100, 400), h(130, 100, 400), h(160, 100, 400), v(200, 100, 160), v(300, 100, 160)];
    const [grid] = latticeGrids(open);
    assert.deepEqual(grid!.xs, [100, 200, 300, 400]);
    assert.equal(grid!.cells.length, 6);
  });

  it("keeps separate frames apart and ignores lines that form no grid", () => {
    const grids = latticeGrids([
      ...SPANNED,
      ...SPANNED.map((ruling) => ({
        ...ruling,
        position: ruling.position + (ruling.orientation === "horizontal" ? 300 : 0),
        start: ruling.start + (ruling.orientation === "vertical" ? 300 : 0),
        end: ruling.end + (ruling.orientation === "vertical" ? 300 : 0),
      })),
      h(700, 100, 500),
      v(50, 600, 700),
    ]);
    assert.equal(grids.length, 2);
    assert.deepEqual(
      grids.map((grid) => grid.box.top),
      [100, 400],
    );
  });
});

describe("grid clean-up", () => {
  it("puts each word in the cell under its centre, a spanning cell taking all it covers", () => {
    const [grid] = latticeGrids(SPANNED);
    const words = [
      word("Region", 120, 120),
      word("2024", 320, 120),
      word("North", 110, 150),
      word("12", 220, 150),
      word("x", 500, 150),
    ];
    const assigned = assignWords(grid!, words);
    assert.deepEqual(
      assigned.map((cell) => cell.map((w) => w.text)),
      [["Region"], ["2024"], ["North"], ["12"], [], [], []],
    );
  });

  it("drops boundaries no cell starts at, and empty spacer strips between doubled borders", () => {
    // A stray short line at x 250 inside the header's merged cell adds a boundary no cell starts at.
    const [grid] = latticeGrids([...SPANNED, v(250, 100, 104)]);
    assert.equal(grid!.xs.length, 5);
    assert.deepEqual(compactGrid(grid!).xs, [100, 200, 300, 400]);
    // Rows separated by two rules 4 pt apart leave an empty 4 pt strip: it goes.
    const doubled = [
      h(100, 100, 300),
      h(120, 100, 300),
      h(124, 100, 300),
      h(144, 100, 300),
      v(100, 100, 144),
      v(200, 100, 144),
      v(300, 100, 144),
    ];
    const [band] = latticeGrids(doubled);
    const words = [word("a", 110, 115), word("b", 210, 115), word("c", 110, 139), word("d", 210, 139)];
    const [clean, cellWords] = dropSpacers(band!, assignWords(band!, words), 6);
    assert.equal(clean.ys.length, 3);
    assert.deepEqual(
      cellWords.map((cell) => cell.map((w) => w.text).join("")),
      ["a", "b", "c", "d"],
    );
  });
});
