import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Ruling } from "../document/ruling.ts";
import type { Word } from "../document/word.ts";
import { sentence } from "../test-support/words.ts";
import { streamTables } from "./stream.ts";

const BODY = [
  ["Dose", "No.", "Weight", "Change"],
  ["0", "39", "5.8", "100"],
  ["250", "30", "5.9", "102"],
  ["500", "33", "6.0", "103"],
  ["1,000", "31", "5.8", "100"],
];
const XS = [72, 150, 220, 290];

function bodyWords(): Word[] {
  return BODY.flatMap((row, index) =>
    row.flatMap((text, column) => sentence(text, XS[column]!, 100 + index * 14)),
  );
}

/** A note: its marker, then its text a gap further right (so the line splits like a table row). */
function note(marker: string, text: string, baseline: number): Word[] {
  return [...sentence(marker, 72, baseline), ...sentence(text, 100, baseline)];
}

const NOTES = [
  ...note("*", "Significantly different from the control group by the test", 184),
  ...note("**", "P below one in a hundred", 196),
  ...note("a", "Weights are given as group means", 208),
];
/** The table's closing rule, across its whole width, between its last row and the notes. */
const CLOSING: Ruling = { orientation: "horizontal", position: 168, start: 70, end: 320 };

function texts(words: readonly Word[]): string[] {
  return words.map((word) => word.text);
}

describe("notes under a stream table", () => {
  it("leaves the notes below the closing rule out of the table", () => {
    const [table] = streamTables([...bodyWords(), ...NOTES], [CLOSING]);
    assert.ok(table !== undefined);
    assert.equal(table.table.rowCount, BODY.length);
    assert.equal(table.table.columnCount, 4);
    assert.ok(!texts(table.words).includes("Significantly"));
    assert.ok(table.box.bottom < CLOSING.position);
  });

  it("keeps them without a closing rule, and keeps labelled rows that are no notes", () => {
    const [unruled] = streamTables([...bodyWords(), ...NOTES], []);
    assert.ok(unruled !== undefined && texts(unruled.words).includes("Significantly"));
    // Rows below a rule that open with a letter but hold figures (no sentence) are the table's.
    const labelled = [
      ...sentence("a", 72, 184),
      ...sentence("7", 150, 184),
      ...sentence("6.1", 220, 184),
      ...sentence("99", 290, 184),
      ...sentence("b", 72, 198),
      ...sentence("8", 150, 198),
      ...sentence("6.3", 220, 198),
      ...sentence("98", 290, 198),
    ];
    const [table] = streamTables([...bodyWords(), ...labelled], [CLOSING]);
    assert.ok(table !== undefined);
    assert.equal(table.table.rowCount, BODY.length + 2);
  });
});
