import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Ruling } from "../document/ruling.ts";
import { word } from "../test-support/words.ts";
import { detectTables } from "./detect-tables.ts";

/** A ruled 2 × 2 grid from x `left` to `right`, rows y 100–130–160, with a word in each cell. */
function grid(left: number, right: number) {
  const middle = (left + right) / 2;
  const rulings: Ruling[] = [
    ...[100, 130, 160].map(
      (position): Ruling => ({ orientation: "horizontal", position, start: left, end: right }),
    ),
    ...[left, middle, right].map(
      (position): Ruling => ({ orientation: "vertical", position, start: 100, end: 160 }),
    ),
  ];
  const words = [
    word("a1", left + 20, 120),
    word("b1", middle + 20, 120),
    word("a2", left + 20, 150),
    word("b2", middle + 20, 150),
  ];
  return { words, rulings, width: 612, height: 792 };
}

describe("page design", () => {
  it("is no table: a grid of panels bleeding off both sides of the page", () => {
    assert.deepEqual(detectTables(grid(0, 612)), []);
  });

  it("leaves a ruled table inside the margins alone", () => {
    assert.equal(detectTables(grid(72, 540)).length, 1);
  });
});
