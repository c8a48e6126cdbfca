import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { alignedGutter, rowSpans } from "./aligned-gutters.ts";

const box = (left: number, right: number) => ({ left, top: 0, right, bottom: 10 });
/** Rows of two cells: the first ends at `end`, the second starts at `start` (points). */
const rows = (gaps: readonly [number, number][]) =>
  gaps.map(([end, start]) => rowSpans([box(end - 40, end), box(start, start + 40)]));
const GUTTER = { left: 200, right: 204 };
const EM = 10;

describe("rowSpans", () => {
  it("merges overlapping and touching boxes, left to right", () => {
    assert.deepEqual(rowSpans([box(50, 60), box(10, 20), box(15, 30), box(30, 40)]), [
      { left: 10, right: 40 },
      { left: 50, right: 60 },
    ]);
  });
});

describe("alignedGutter", () => {
  it("holds where most rows part widely and the tight ones end their cell at the shared edge", () => {
    const wide: [number, number][] = [
      [200, 230],
      [200, 232],
      [200, 228],
    ];
    assert.equal(alignedGutter(rows([...wide, [200, 204], [199.5, 204]]), GUTTER, EM), true);
  });

  it("fails when a tight row's cells line up with no edge of the wide rows", () => {
    const wide: [number, number][] = [
      [190, 230],
      [190, 232],
      [190, 228],
    ];
    assert.equal(alignedGutter(rows([...wide, [200, 204]]), GUTTER, EM), false);
  });

  it("fails when tight rows are as many as wide ones, or when none is tight", () => {
    assert.equal(
      alignedGutter(
        rows([
          [200, 230],
          [200, 204],
        ]),
        GUTTER,
        EM,
      ),
      false,
    );
    assert.equal(
      alignedGutter(
        rows([
          [200, 230],
          [200, 232],
        ]),
        GUTTER,
        EM,
      ),
      false,
    );
  });

  it("counts no row whose text crosses the gutter among the wide ones", () => {
    const crossing = rowSpans([box(160, 200), box(201, 203), box(230, 270)]);
    assert.equal(
      alignedGutter(
        [
          ...rows([
            [200, 230],
            [200, 204],
          ]),
          crossing,
          crossing,
        ],
        GUTTER,
        EM,
      ),
      false,
    );
  });
});
