import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { VectorPath } from "../document/graphics.ts";
import { drawingBoxes, isChartArea } from "./chart-area.ts";

const TABLE = { left: 100, top: 100, right: 300, bottom: 200 };

function path(box: VectorPath["box"], freeform: number, segments = Math.max(freeform, 4)): VectorPath {
  return { box, segments, freeform, stroked: true };
}

describe("chart areas", () => {
  it("keeps only paths with curves or diagonals as drawings", () => {
    const plot = path({ left: 110, top: 110, right: 290, bottom: 190 }, 30);
    const rule = path({ left: 100, top: 150, right: 300, bottom: 150 }, 0, 1);
    const cellShade = path({ left: 100, top: 100, right: 300, bottom: 120 }, 0, 4);
    assert.deepEqual(drawingBoxes([plot, rule, cellShade]), [plot.box]);
  });

  it("tells a plot running across a table's box from small icons in its cells", () => {
    assert.equal(isChartArea(TABLE, [{ left: 120, top: 110, right: 290, bottom: 195 }]), true);
    const icons = [0, 1, 2, 3, 4].map((row) => ({
      left: 280,
      top: 102 + row * 20,
      right: 290,
      bottom: 112 + row * 20,
    }));
    assert.equal(isChartArea(TABLE, icons), false);
    assert.equal(isChartArea(TABLE, [{ left: 400, top: 100, right: 500, bottom: 200 }]), false);
    assert.equal(isChartArea(TABLE, []), false);
  });
});
