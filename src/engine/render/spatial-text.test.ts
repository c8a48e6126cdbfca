import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Line } from "../document/line.ts";
import { emptyPage } from "../document/page.ts";
import { spatialText } from "./spatial-text.ts";

/** A line whose characters are 5 points wide and 10 high, starting at (left, top). */
function line(text: string, left: number, top: number): Line {
  const box = { left, top, right: left + text.length * 5, bottom: top + 10 };
  return { words: [], text, box, angle: 0, baseline: top + 8, direction: "ltr", fontSize: 10 };
}

function pageOf(lines: Line[]) {
  const page = emptyPage(1, 612, 792);
  page.lines = lines;
  return page;
}

describe("spatialText", () => {
  it("places lines by x in a monospace grid and keeps columns apart", () => {
    const page = pageOf([
      line("Name", 50, 100),
      line("Amount", 150, 100),
      line("Widget", 50, 112),
      line("12.00", 150, 112),
      line("Total", 100, 144),
    ]);
    assert.equal(
      spatialText(page),
      "Name                Amount\nWidget              12.00\n\n          Total",
    );
  });

  it("merges lines that are close vertically into one row, as far as the threshold allows", () => {
    const page = pageOf([line("left", 50, 100), line("right", 150, 104)]);
    assert.equal(spatialText(page, 1), "left                right");
    assert.equal(spatialText(page, 0.5), "left\n                    right");
  });

  it("leaves pages without lines to the markdown", () => {
    assert.equal(spatialText(emptyPage(1, 612, 792)), undefined);
  });
});
