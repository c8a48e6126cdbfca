import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Line } from "../document/line.ts";
import { sentence, word } from "../test-support/words.ts";
import { groupLines } from "./group-lines.ts";
import { listMarker } from "./list-marker.ts";

function line(text: string): Line {
  const [only] = groupLines(sentence(text, 72, 100));
  assert.ok(only !== undefined);
  return only;
}

function marker(text: string): string | undefined {
  const found = listMarker(line(text));
  return found === undefined ? undefined : `${found.ordered ? "ordered" : "bullet"} ${found.marker}`;
}

describe("listMarker", () => {
  it("recognises bullet glyphs and enumerators before item text", () => {
    assert.equal(marker("• Apples and pears"), "bullet •");
    assert.equal(marker("– Apples and pears"), "bullet –");
    assert.equal(marker("* Apples"), "bullet *");
    assert.equal(marker("1. Apples"), "ordered 1.");
    assert.equal(marker("12) Apples"), "ordered 12)");
    assert.equal(marker("(3) Apples"), "ordered (3)");
    assert.equal(marker("a) Apples"), "ordered a)");
    assert.equal(marker("(b) Apples"), "ordered (b)");
    assert.equal(marker("iv. Apples"), "ordered iv.");
  });

  it("takes a checkbox before its label as a task-list marker", () => {
    const words = [word("[x]", 72, 100), word("Married", 95, 100)];
    const [only] = groupLines(words);
    assert.ok(only);
    assert.deepEqual(listMarker(only), { marker: "[x]", ordered: false, markerStart: 72, textStart: 95 });
    const [alone] = groupLines([word("[ ]", 72, 100)]);
    assert.equal(listMarker(alone!), undefined);
  });

  it("leaves section numbers, initials and ordinary words alone", () => {
    assert.equal(marker("2.1 Methods and data"), undefined);
    assert.equal(marker("J. Smith wrote this"), undefined);
    assert.equal(marker("In 2005 there were"), undefined);
    assert.equal(marker("•"), undefined, "a marker needs item text");
    assert.equal(marker("- 12"), undefined, "a dash before a number only is not an item");
  });

  it("takes a symbol-font bullet decoded as a control or private-use character", () => {
    const found = listMarker(line("\u0002 First, and most important"));
    assert.equal(found?.ordered, false);
    assert.equal(listMarker(line("\uf0b7 Item text"))?.marker, "\uf0b7");
  });

  it("does not take a private-use bracket touching the word it opens as a bullet", () => {
    // 󰡔이슈와 논점󰡕은 …: the bracket is a run of its own in a symbol font, flush against the title.
    const bracketed = groupLines([
      word("\u{f0854}", 72, 100, 10, { fontId: "symbols" }),
      ...sentence("Issues and Topics\u{f0855} is a newsletter", 82, 100),
    ])[0]!;
    assert.equal(bracketed.words[0]!.text, "\u{f0854}");
    assert.equal(listMarker(bracketed), undefined);
  });

  it("takes a letter as a bullet only when a symbol font draws it", () => {
    const wingdings = groupLines([
      word("r\u0001", 72, 100, 10, { fontId: "wingdings" }),
      ...sentence("Database performance", 82, 100),
    ])[0]!;
    assert.equal(listMarker(wingdings)?.marker, "r");
    assert.equal(marker("o Database performance"), undefined, "same font: the word 'o'");
  });

  it("places the item text after the marker, also for a bullet glued to the first word", () => {
    const separate = listMarker(line("• Apples"))!;
    assert.equal(separate.markerStart, 72);
    assert.equal(separate.textStart, 82);
    const glued = listMarker(line("•Apples"))!;
    assert.equal(glued.marker, "•");
    assert.ok(glued.textStart > 72 && glued.textStart < 82);
  });
});
