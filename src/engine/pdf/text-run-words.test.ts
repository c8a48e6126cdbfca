import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Matrix } from "./matrix.ts";
import {
  isSpaceAfter,
  type PageFrame,
  type PdfFontStyle,
  type PdfTextRun,
  repairLamAlef,
  textRunWords,
} from "./text-run-words.ts";

// Viewports pdf.js builds at scale 1 for a 612 × 792 media box: unrotated, and with /Rotate 90.
const UPRIGHT: PageFrame = { transform: [1, 0, 0, -1, 0, 792], width: 612, height: 792 };
const ROTATED_90: PageFrame = { transform: [0, 1, 1, 0, 0, 0], width: 792, height: 612 };
const STYLE: PdfFontStyle = { fontFamily: "sans-serif", ascent: 0.75, descent: -0.25, vertical: false };

function run(str: string, transform: Matrix, width: number, dir = "ltr"): PdfTextRun {
  return { str, dir, width, height: transform[3], transform, fontName: "g_d0_f1" };
}

describe("textRunWords", () => {
  it("splits a run into words placed by character count, boxes from descent to ascent", () => {
    // "ab cd" at baseline y = 92 (100 pt from the top), 10 pt type, 50 pt wide: 10 pt per character.
    const words = textRunWords(run("ab cd", [10, 0, 0, 10, 100, 692], 50), STYLE, UPRIGHT);
    assert.deepEqual(
      words.map((word) => [word.text, word.box]),
      [
        ["ab", { left: 100, top: 92.5, right: 120, bottom: 102.5 }],
        ["cd", { left: 130, top: 92.5, right: 150, bottom: 102.5 }],
      ],
    );
    assert.deepEqual(words[1]!.baseline, { x: 130, y: 100 });
    assert.equal(words[0]!.fontSize, 10);
    assert.equal(words[0]!.angle, 0);
  });

  it("carries positions through a rotated page into displayed coordinates", () => {
    // On a /Rotate 90 page, text along user-space x runs down the displayed page.
    const [word] = textRunWords(run("abcd", [10, 0, 0, 10, 100, 500], 40), STYLE, ROTATED_90);
    assert.ok(word !== undefined);
    assert.equal(word.angle, 90);
    // Turned clockwise, the glyph tops face right: ascent lies to the right of the baseline.
    assert.deepEqual(word.box, { left: 497.5, top: 100, right: 507.5, bottom: 140 });
  });

  it("places the words of a right-to-left run from its right end", () => {
    const words = textRunWords(run("ab cd", [10, 0, 0, 10, 100, 692], 50, "rtl"), STYLE, UPRIGHT);
    assert.deepEqual(
      words.map((word) => [word.text, word.box.left, word.box.right, word.direction]),
      [
        ["ab", 130, 150, "rtl"],
        ["cd", 100, 120, "rtl"],
      ],
    );
  });

  it("clips words at the page edge and drops words drawn off the page", () => {
    const onEdge = textRunWords(run("edge", [10, 0, 0, 10, 600, 692], 40), STYLE, UPRIGHT);
    assert.equal(onEdge[0]!.box.right, 612);
    assert.deepEqual(textRunWords(run("gone", [10, 0, 0, 10, 700, 692], 40), STYLE, UPRIGHT), []);
  });

  it("ignores whitespace-only runs and falls back to typical metrics without a style", () => {
    assert.deepEqual(textRunWords(run("   ", [10, 0, 0, 10, 100, 692], 30), STYLE, UPRIGHT), []);
    const [word] = textRunWords(run("x", [10, 0, 0, 10, 100, 692], 10), undefined, UPRIGHT);
    assert.equal(word!.box.top, 92);
    assert.equal(word!.box.bottom, 102);
  });
});

describe("repairLamAlef", () => {
  it("puts a reversed lam-alef after the article back in order", () => {
    assert.equal(repairLamAlef("اإلنتاجية"), "الإنتاجية");
    assert.equal(repairLamAlef("األدوات"), "الأدوات");
    assert.equal(repairLamAlef("االستفادة"), "الاستفادة");
  });

  it("leaves correct spelling alone", () => {
    for (const text of ["البرمجة", "إلى", "الإنتاجية", "مكالمة"]) assert.equal(repairLamAlef(text), text);
  });
});

describe("Arabic words", () => {
  it("drop the tatweel that stretches them and a run of nothing else", () => {
    const run: PdfTextRun = {
      str: "بنـــاء ـــــ",
      dir: "rtl",
      width: 60,
      height: 10,
      transform: [10, 0, 0, 10, 100, 700],
      fontName: "f1",
    };
    const frame: PageFrame = { transform: [1, 0, 0, -1, 0, 792], width: 612, height: 792 };
    assert.deepEqual(
      textRunWords(run, undefined, frame).map((word) => word.text),
      ["بناء"],
    );
  });
});

describe("isSpaceAfter", () => {
  // "마시는" at baseline y = 100 from x 100 to 130, then a space glyph a tenth of a point wide (condensed
  // Korean text), then "물" 0.8 pt further on: narrower than a word space, but a space was drawn.
  const [before] = textRunWords(run("마시는", [10, 0, 0, 10, 100, 692], 30), STYLE, UPRIGHT);

  it("takes a space run starting at a word's end for the end of that word", () => {
    assert.ok(before !== undefined);
    assert.equal(isSpaceAfter(run(" ", [10, 0, 0, 10, 130, 692], 0.1), before, UPRIGHT), true);
  });

  it("ignores space runs elsewhere on the page and runs holding text", () => {
    assert.ok(before !== undefined);
    assert.equal(isSpaceAfter(run(" ", [10, 0, 0, 10, 200, 692], 0.1), before, UPRIGHT), false);
    assert.equal(isSpaceAfter(run(" ", [10, 0, 0, 10, 130, 600], 0.1), before, UPRIGHT), false);
    assert.equal(isSpaceAfter(run("물", [10, 0, 0, 10, 130, 692], 10), before, UPRIGHT), false);
  });
});
