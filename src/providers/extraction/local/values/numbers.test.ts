/** Number reading across print conventions, the document's decimal habit settling ambiguous cases. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findNumbers } from "./numbers.ts";

const values = (text: string, decimal: "." | "," = ".") =>
  findNumbers(text, decimal).map((match) => match.value);

describe("findNumbers", () => {
  it("reads thousands and decimal separators in both conventions", () => {
    assert.deepEqual(values("1,234.56"), [1234.56]);
    assert.deepEqual(values("1.234,56"), [1234.56]);
    assert.deepEqual(values("€ 2.321,00"), [2321]);
    assert.deepEqual(values("45,93 €"), [45.93]);
    assert.deepEqual(values("1'234.50"), [1234.5]);
    assert.deepEqual(values("1\u202f939"), [1939]);
  });

  it("settles a single separator before three digits by the document's decimal separator", () => {
    assert.deepEqual(values("54,910", ","), [54.91]);
    assert.deepEqual(values("54,910", "."), [54910]);
    assert.deepEqual(values("3.441.812", ","), [3441812]);
  });

  it("reads signs, parentheses and percentages", () => {
    const [negative] = findNumbers("€ -9,32", ",");
    assert.equal(negative!.value, -9.32);
    assert.equal(findNumbers("(12.00)", ".")[0]!.value, -12);
    const [percent] = findNumbers("21%", ".");
    assert.equal(percent!.percent, true);
    assert.equal(percent!.value, 21);
  });

  it("ignores digits glued to letters and irregular grouping", () => {
    assert.deepEqual(values("CA6707 A4 x2b"), []);
    assert.deepEqual(values("1,23,456"), []);
  });

  it("says whether a number has decimals and how many digits it has", () => {
    const [money, id] = findNumbers("4.11 and 2022089083", ".");
    assert.equal(money!.hasDecimals, true);
    assert.equal(id!.bare, true);
    assert.equal(id!.digits, 10);
  });
});
