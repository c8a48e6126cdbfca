import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findDateRanges } from "./date-ranges.ts";

const isoOf = (text: string) =>
  findDateRanges(text, "dmy").map((range) => [
    range.start.iso,
    range.end.iso,
    text.slice(range.start.start, range.start.end),
  ]);

describe("findDateRanges", () => {
  it("reads a start that leaves out its month and year, in several languages", () => {
    assert.deepEqual(isoOf("Free Haut Débit du 1er au 31 Juillet 2015 29.99"), [
      ["2015-07-01", "2015-07-31", "1er"],
    ]);
    assert.deepEqual(isoOf("billing period July 1 - July 31 , 2014"), [
      ["2014-07-01", "2014-07-31", "July 1"],
    ]);
    assert.deepEqual(isoOf("from 3 March to 2 April 2024"), [["2024-03-03", "2024-04-02", "3 March"]]);
  });

  it("joins two whole dates and ignores dates that are not a range", () => {
    assert.deepEqual(isoOf("01/05/2014 - 31/05/2014"), [["2014-05-01", "2014-05-31", "01/05/2014"]]);
    assert.deepEqual(isoOf("Invoice date 02/07/2015, due 05/07/2015"), []);
    assert.deepEqual(isoOf("du 31 au 1 Juillet 2015"), []);
  });
});
