import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { contentStreamPage } from "../test-support/content-stream-page.ts";
import { SpanIndex, showTextSpans, withGlyphSizes } from "./glyph-sizes.ts";
import type { Matrix } from "./matrix.ts";
import type { PdfOperatorList } from "./operator-list.ts";
import { PageGlyphs } from "./page-glyphs.ts";
import { type PageFrame, textRunWords } from "./text-run-words.ts";

const UPRIGHT: PageFrame = { transform: [1, 0, 0, -1, 0, 792], width: 612, height: 792 };

/** pdf.js glyph objects for `text`, each `width` thousandths of the em wide. */
function glyphs(text: string, width = 500): object[] {
  return Array.from(text, (unicode) => ({ unicode, width, isSpace: unicode === " " }));
}

function list(ops: ReadonlyArray<readonly [number, unknown[] | null]>): PdfOperatorList {
  return { fnArray: ops.map(([fn]) => fn), argsArray: ops.map(([, args]) => args) };
}

describe("showTextSpans", () => {
  it("sizes each showText by its font size and text matrix, through the CTM and viewport", () => {
    const spans = showTextSpans(
      list([
        [OPS.beginText, null],
        [OPS.setFont, ["f1", 1]],
        [OPS.setTextMatrix, [new Float32Array([5.5, 0, 0, 5.5, 100, 700])]],
        [OPS.showText, [glyphs("6")]],
        [OPS.setTextMatrix, [new Float32Array([10, 0, 0, 10, 102.75, 700])]],
        [OPS.showText, [glyphs(" inch")]],
        [OPS.endText, null],
        [OPS.save, null],
        [OPS.transform, [2, 0, 0, 2, 0, 0]],
        [OPS.beginText, null],
        [OPS.setFont, ["f1", 8]],
        [OPS.moveText, [50, 100]],
        [OPS.showText, [glyphs("big")]],
        [OPS.endText, null],
        [OPS.restore, null],
      ]),
      UPRIGHT.transform,
    );
    // Glyphs half an em wide: "6" is 2.75 pt, " inch" 25 pt, "big" 3 × 4 pt in text space, doubled.
    assert.deepEqual(
      spans.map(({ x, y, end, size }) => [x, y, end, Math.round(size * 100) / 100]),
      [
        [100, 92, 102.75, 5.5],
        [102.75, 92, 127.75, 10],
        [100, 592, 124, 16],
      ],
    );
  });

  it("starts a showText that follows another on the same line where the first one's glyphs end", () => {
    // "ab" at 10 pt, 0.5 em per glyph, 1 pt character spacing and a kerning of -100 thousandths: 10 + 2 + 1.
    const spans = showTextSpans(
      list([
        [OPS.beginText, null],
        [OPS.setFont, ["f1", 10]],
        [OPS.setCharSpacing, [1]],
        [OPS.moveText, [100, 700]],
        [OPS.showText, [[...glyphs("a"), -100, ...glyphs("b")]]],
        [OPS.setFont, ["f1", 6]],
        [OPS.showText, [glyphs("1")]],
      ]),
      UPRIGHT.transform,
    );
    assert.deepEqual(
      spans.map(({ x, end, size }) => [x, end, size]),
      [
        [100, 113, 10],
        [113, 117, 6],
      ],
    );
  });

  it("records each glyph's advance on the page, through spacing, kerning, Tz and the CTM", () => {
    // "a b" at 10 pt, glyphs half an em wide, Tc 1, Tw 2, a kerning of -100 after "a", Tz 50, CTM × 2.
    const store = new PageGlyphs();
    showTextSpans(
      list([
        [OPS.transform, [2, 0, 0, 2, 0, 0]],
        [OPS.beginText, null],
        [OPS.setFont, ["f1", 10]],
        [OPS.setCharSpacing, [1]],
        [OPS.setWordSpacing, [2]],
        [OPS.setHScale, [50]],
        [OPS.moveText, [50, 300]],
        [OPS.showText, [[...glyphs("a"), -100, ...glyphs(" b")]]],
      ]),
      UPRIGHT.transform,
      () => undefined,
      store,
    );
    // Text space: "a" 0–5, then 1 (Tc) + 1 (kerning), space at 7–12 + 1 + 2, "b" at 15–20; × 0.5 × 2
    // from x 100.
    assert.equal(store.count, 3);
    assert.deepEqual(
      [0, 1, 2].map((index) => [
        store.unicode(index),
        store.start(index),
        store.end(index),
        store.isSpace(index),
      ]),
      [
        ["a", 100, 105, false],
        [" ", 107, 112, true],
        ["b", 115, 120, false],
      ],
    );
    // The group ends after the last glyph's character spacing, as its span does; 10 pt doubled by the CTM.
    assert.deepEqual(store.groups, [{ x: 100, y: 192, end: 121, size: 20, glyphFrom: 0, glyphTo: 3 }]);
  });

  it("leaves out text that is not upright and horizontal", () => {
    const spans = showTextSpans(
      list([
        [OPS.beginText, null],
        [OPS.setFont, ["f1", 10]],
        [OPS.setTextMatrix, [[0, 1, -1, 0, 100, 100]]],
        [OPS.showText, [glyphs("up")]],
      ]),
      UPRIGHT.transform,
    );
    assert.deepEqual(spans, []);
  });
});

describe("withGlyphSizes", () => {
  const transform: Matrix = [5.5, 0, 0, 5.5, 100, 700];
  const runWords = textRunWords(
    { str: "6 inch, the", dir: "ltr", width: 2.75 + 47, height: 5.5, transform, fontName: "f1" },
    undefined,
    UPRIGHT,
  );
  const run = { text: "6 inch, the", words: runWords };

  it("gives the words of a run the size of the showText that drew them", () => {
    const index = new SpanIndex([
      { x: 100, y: 92, end: 102.75, size: 5.5 },
      { x: 102.75, y: 92, end: 149.75, size: 10 },
    ]);
    const [sized] = withGlyphSizes([run], index);
    assert.deepEqual(
      sized!.words.map((word) => [word.text, word.fontSize]),
      [
        ["6", 5.5],
        ["inch,", 10],
        ["the", 10],
      ],
    );
    // The box grows about the baseline: ascent 0.8 em and descent 0.2 em at 10 pt.
    const inch = sized!.words[1]!;
    assert.ok(Math.abs(inch.box.top - 84) < 1e-9 && Math.abs(inch.box.bottom - 94) < 1e-9);
  });

  it("sizes a word by the showText under most of it when an estimated end strays into another", () => {
    // Words are placed by character count (4.52 pt each): "inch," at 109.05–131.66, "the" at 136.18–149.75.
    // The 10 pt showText ends at 141, so "the" is mostly drawn by the 5.5 pt one after it, although its
    // estimated box starts inside the 10 pt one.
    const index = new SpanIndex([
      { x: 100, y: 92, end: 102.75, size: 5.5 },
      { x: 102.75, y: 92, end: 141, size: 10 },
      { x: 141, y: 92, end: 149.75, size: 5.5 },
    ]);
    const [sized] = withGlyphSizes([run], index);
    assert.deepEqual(
      sized!.words.map((word) => word.fontSize),
      [5.5, 10, 5.5],
    );
  });

  it("keeps a run whose first word's showText is not drawn at the run's reported size", () => {
    const index = new SpanIndex([
      { x: 100, y: 92, end: 102.75, size: 1 },
      { x: 102.75, y: 92, end: 149.75, size: 10 },
    ]);
    assert.equal(withGlyphSizes([run], index)[0], run);
  });

  it("keeps a run whose showTexts all have its size, and ignores those on other baselines", () => {
    const index = new SpanIndex([
      { x: 100, y: 92, end: 102.75, size: 5.5 },
      { x: 102.75, y: 88, end: 149.75, size: 10 },
    ]);
    assert.equal(withGlyphSizes([run], index)[0], run);
  });
});

describe("PdfDocumentSource word sizes", () => {
  it("reads a run pdf.js sizes by its first, scaled-down glyph at the size of the rest of its text", async () => {
    // pdf.js reports "6 inch, and the bellows type" as one 5.5 pt run; only the "6" is drawn that small.
    const page = await contentStreamPage(
      "BT /F1 1 Tf 5.5 0 0 5.5 72 700 Tm (6) Tj 10 0 0 10 75.06 700 Tm ( inch, and the bellows type) Tj ET " +
        "BT /F1 6 Tf 72 600 Td (small footnote text here) Tj ET",
    );
    const size = (text: string) => page.words.find((word) => word.text === text)?.fontSize;
    assert.equal(size("6"), 5.5);
    assert.equal(size("bellows"), 10);
    assert.equal(size("inch,"), 10);
    // Text drawn small throughout stays small.
    assert.equal(size("footnote"), 6);
  });
});
