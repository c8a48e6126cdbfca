import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { VectorPath } from "../document/graphics.ts";
import type { Ruling } from "../document/ruling.ts";
import { openPdf } from "../pdf/open-pdf.ts";
import { corpusFile } from "../test-support/pdf-fixtures.ts";
import { word } from "../test-support/words.ts";
import { markCheckboxes } from "./checkboxes.ts";
import { layoutPage } from "./layout-page.ts";

function square(left: number, top: number, side = 10, extra: Partial<VectorPath> = {}): VectorPath {
  return {
    box: { left, top, right: left + side, bottom: top + side },
    segments: 4,
    freeform: 0,
    stroked: true,
    ...extra,
  };
}

function texts(
  words: Parameters<typeof layoutPage>[0],
  paths: VectorPath[],
  rulings: Ruling[] = [],
): string[] {
  return layoutPage(words, { paths, rulings }).lines.map((line) => line.text);
}

describe("checkboxes", () => {
  it("turns ballot-box glyphs into [ ] / [x] before their labels", () => {
    const lines = layoutPage([
      word("☐", 10, 20),
      word("Yes", 20, 20),
      word("☒", 50, 20),
      word("No", 60, 20),
    ]).lines;
    assert.deepEqual(
      lines.map((line) => line.text),
      ["[ ] Yes [x] No"],
    );
  });

  it("splits a box glyph glued to its label and needs a label after a bare check mark", () => {
    assert.deepEqual(texts([word("☑Agree", 10, 20)], []), ["[x] Agree"]);
    assert.deepEqual(texts([word("✓", 10, 20)], []), ["✓"]);
    assert.deepEqual(texts([word("✓", 10, 20), word("Done", 20, 20)], []), ["[x] Done"]);
  });

  it("finds drawn squares and their ticks (dark fill, diagonals, an X inside)", () => {
    const words = [word("Red", 22, 20), word("Green", 62, 20), word("Blue", 112, 20), word("X", 100.5, 19)];
    const paths = [
      square(10, 12),
      square(50, 12),
      { ...square(51, 13, 8), stroked: false, darkFill: true as const },
      square(98, 12),
    ];
    assert.deepEqual(texts(words, paths), ["[ ] Red [x] Green [x] Blue"]);
    const diagonal = [square(10, 12), { ...square(11, 13, 8), freeform: 2 }];
    assert.deepEqual(texts([word("Red", 22, 20)], diagonal), ["[x] Red"]);
  });

  it("finds squares drawn as four rulings and keeps them out of the table rulings", () => {
    const rulings: Ruling[] = [
      { orientation: "horizontal", position: 12, start: 10, end: 20 },
      { orientation: "horizontal", position: 22, start: 10, end: 20 },
      { orientation: "vertical", position: 10, start: 12, end: 22 },
      { orientation: "vertical", position: 20, start: 12, end: 22 },
      { orientation: "horizontal", position: 100, start: 10, end: 500 },
    ];
    const result = markCheckboxes([word("Maybe", 24, 20)], { paths: [], rulings });
    assert.equal(result.checkboxes, 1);
    assert.deepEqual(result.rulings, [rulings[4]]);
    assert.equal(result.words.find((item) => item.text === "[ ]")?.box.left, 10);
  });

  it("leaves squares with text inside, touching squares and squares without a label alone", () => {
    assert.deepEqual(texts([word("7", 12, 20), word("Qty", 24, 20)], [square(10, 12)]), ["7 Qty"]);
    const comb = [square(10, 12), square(20, 12), square(30, 12)];
    assert.deepEqual(texts([word("Code", 44, 20)], comb), ["Code"]);
    assert.equal(
      markCheckboxes([word("far", 300, 20)], { paths: [square(10, 12)], rulings: [] }).checkboxes,
      0,
    );
  });

  it("leaves a square standing on a chart's axis alone (a short bar), not one beside a short rule", () => {
    const axis: VectorPath = {
      box: { left: 10, top: 0, right: 10, bottom: 200 },
      segments: 1,
      freeform: 0,
      stroked: true,
    };
    const labelled = [word("3.6", 24, 20)];
    assert.equal(markCheckboxes(labelled, { paths: [square(10, 12), axis], rulings: [] }).checkboxes, 0);
    const axisRuling: Ruling = { orientation: "vertical", position: 10, start: 0, end: 200 };
    assert.equal(markCheckboxes(labelled, { paths: [square(10, 12)], rulings: [axisRuling] }).checkboxes, 0);
    const shortRule: Ruling = { orientation: "vertical", position: 10, start: 10, end: 24 };
    assert.equal(markCheckboxes(labelled, { paths: [square(10, 12)], rulings: [shortRule] }).checkboxes, 1);
  });

  it("reads the filled and empty boxes of right_to_left_03.pdf", async () => {
    const bytes = corpusFile("docling-groundtruth/pdf/sources/right_to_left_03.pdf");
    const opened = await openPdf(bytes, { maxPages: 10 });
    assert.ok("source" in opened);
    try {
      const page = await opened.source.readPage(1);
      const layout = layoutPage(page.words, {
        paths: page.graphics?.paths ?? [],
        rulings: page.rulings ?? [],
      });
      assert.equal(layout.checkboxes, 4);
      // The dark-filled square stands beside خير ("no"), the white one beside بلی ("yes"), as in docling's truth.
      assert.ok(layout.lines.some((line) => line.text === "[ ] بلی [x] خير"));
      assert.ok((layout.rulings?.length ?? 0) < (page.rulings?.length ?? 0));
    } finally {
      await opened.source.close();
    }
  });
});
