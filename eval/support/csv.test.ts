/** Tests for the CSV reader used on tabula's expected tables. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseCsv } from "./csv.ts";

test("quotes, doubled quotes, embedded newlines and CRLF", () => {
  assert.deepEqual(parseCsv('"",a,"b,c"\r\n"say ""hi""","two\nlines",\n'), [
    ["", "a", "b,c"],
    ['say "hi"', "two\nlines", ""],
  ]);
});

test("no trailing newline", () => {
  assert.deepEqual(parseCsv("x,y"), [["x", "y"]]);
});
