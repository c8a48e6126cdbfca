import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "../document/page.ts";
import type { Word } from "../document/word.ts";
import { contentStreamPage } from "../test-support/content-stream-page.ts";
import { placedWords } from "./glyph-positions.ts";
import { SpanIndex } from "./glyph-sizes.ts";
import type { Matrix } from "./matrix.ts";
import { PageGlyphs } from "./page-glyphs.ts";
import { type PageFrame, textRunWords, uprightRunExtent } from "./text-run-words.ts";

/** Helvetica's advance widths (thousandths of the em) of the characters these tests draw. */
const HELVETICA: Readonly<Record<string, number>> = {
  " ": 278,
  i: 222,
  W: 944,
  T: 611,
  o: 556,
  t: 278,
  a: 556,
  l: 222,
  m: 833,
  u: 556,
  n: 556,
  d: 556,
  e: 556,
  ":": 278,
  $: 556,
  ",": 278,
  ".": 278,
  "0": 556,
  "1": 556,
  "2": 556,
  "3": 556,
  "4": 556,
};

interface TextState {
  /** Baseline origin in PDF user space. */
  readonly x: number;
  readonly size: number;
  /** The text matrix's horizontal scale (1 unless the test condenses the text). */
  readonly scaleX?: number;
  readonly charSpacing?: number;
  readonly wordSpacing?: number;
  /** Tz as a fraction. */
  readonly hScale?: number;
}

/**
 * Where each word's glyphs are drawn (left of its first, right of its last glyph's advance), from the
 * font's widths and the PDF text-state rules: a TJ number moves back by thousandths of the em; Tc follows
 * every glyph, Tw every space; Tz and the text matrix scale it all horizontally.
 */
function trueWordEdges(
  state: TextState,
  shown: ReadonlyArray<string | number>,
): Array<[string, number, number]> {
  const { size, charSpacing = 0, wordSpacing = 0 } = state;
  const scale = (state.hScale ?? 1) * (state.scaleX ?? 1);
  const words: Array<[string, number, number]> = [];
  let inWord = false;
  let x = 0;
  for (const part of shown) {
    if (typeof part === "number") {
      x -= (part * size) / 1000;
      inWord = false;
      continue;
    }
    for (const character of part) {
      const width = (HELVETICA[character]! * size) / 1000;
      if (character === " ") inWord = false;
      else {
        const left = state.x + x * scale;
        const right = state.x + (x + width) * scale;
        const last = words.at(-1);
        if (inWord && last !== undefined) words[words.length - 1] = [last[0] + character, last[1], right];
        else words.push([character, left, right]);
        inWord = true;
      }
      x += width + charSpacing + (character === " " ? wordSpacing : 0);
    }
  }
  return words;
}

/** The page's words on the baseline at user-space height `y` (page height 792), left to right. */
function wordsAt(page: Page, y: number): Word[] {
  return page.words
    .filter((word) => Math.abs(word.baseline.y - (792 - y)) < 0.5)
    .sort((a, b) => a.box.left - b.box.left);
}

function assertEdges(words: readonly Word[], expected: ReadonlyArray<[string, number, number]>): void {
  assert.deepEqual(
    words.map((word) => word.text),
    expected.map(([text]) => text),
  );
  words.forEach((word, index) => {
    const [text, left, right] = expected[index]!;
    assert.ok(Math.abs(word.box.left - left) <= 0.3, `${text} left ${word.box.left} ≠ ${left}`);
    assert.ok(Math.abs(word.box.right - right) <= 0.3, `${text} right ${word.box.right} ≠ ${right}`);
  });
}

describe("PdfDocumentSource word edges at their glyphs", () => {
  it("places words of very different widths in one Tj where their glyphs are", async () => {
    const page = await contentStreamPage("BT /F1 10 Tf 72 700 Td (iiii WWWW iiii) Tj ET");
    const expected = trueWordEdges({ x: 72, size: 10 }, ["iiii WWWW iiii"]);
    // By character count "WWWW" would be put at 93.8–111.3; its glyphs run from 83.66 to 121.42.
    assert.ok(Math.abs(expected[1]![1] - 83.66) < 0.01 && Math.abs(expected[1]![2] - 121.42) < 0.01);
    assertEdges(wordsAt(page, 700), expected);
  });

  it("follows TJ kerning, character and word spacing, horizontal scaling and a condensed text matrix", async () => {
    const shown = ["iiii", -120, " WWWW", 80, " iiii"];
    const page = await contentStreamPage(
      "BT /F1 10 Tf 2 Tw 0.5 Tc 72 700 Td [(iiii) -120 ( WWWW) 80 ( iiii)] TJ ET " +
        "BT /F1 1 Tf 0.15 Tw 0.03 Tc 80 Tz 9 0 0 10 72 600 Tm [(iiii) -120 ( WWWW) 80 ( iiii)] TJ ET",
    );
    assertEdges(
      wordsAt(page, 700),
      trueWordEdges({ x: 72, size: 10, charSpacing: 0.5, wordSpacing: 2 }, shown),
    );
    // At 1 pt in a 9 × 10 text matrix the spacings are in text space, scaled by 9 (and 0.8) on the page.
    assertEdges(
      wordsAt(page, 600),
      trueWordEdges({ x: 72, size: 1, scaleX: 9, hScale: 0.8, charSpacing: 0.03, wordSpacing: 0.15 }, shown),
    );
  });

  it("puts an amount after a label where it is drawn, keeping the words' vertical extent", async () => {
    const page = await contentStreamPage("BT /F1 12 Tf 72 600 Td (Total amount due: $1,234.00) Tj ET");
    const words = wordsAt(page, 600);
    assertEdges(words, trueWordEdges({ x: 72, size: 12 }, ["Total amount due: $1,234.00"]));
    // The run's ascent and descent, as before: the same for every word.
    for (const word of words) {
      assert.equal(word.box.top, words[0]!.box.top);
      assert.equal(word.box.bottom, words[0]!.box.bottom);
      assert.ok(
        word.box.bottom - word.baseline.y > 0.15 * 12 && word.box.bottom - word.baseline.y < 0.25 * 12,
      );
      assert.ok(word.baseline.y - word.box.top > 0.7 * 12 && word.baseline.y - word.box.top < 1 * 12);
    }
  });

  it("marks a word followed by a drawn space glyph, however narrow, and not one pdf.js split at a gap", async () => {
    // The space after "officio," is kerned to 0.08 em; "console", "." and "log" are set 0.15 em apart with
    // no space glyph (pdf.js puts a space between them in its text all the same).
    const page = await contentStreamPage(
      "BT /F1 10 Tf 72 700 Td [(ex officio,) 200 ( or)] TJ ET BT /F1 10 Tf 72 600 Td [(console) -150 (.) -150 (log)] TJ ET",
    );
    const words = wordsAt(page, 700);
    assert.deepEqual(
      words.map((word) => [word.text, word.spaceAfter]),
      [
        ["ex", true],
        ["officio,", true],
        ["or", undefined],
      ],
    );
    assert.ok(words[2]!.box.left - words[1]!.box.right < 0.1 * 10);
    assert.deepEqual(
      wordsAt(page, 600).map((word) => [word.text, word.spaceAfter]),
      [
        ["console", undefined],
        [".", undefined],
        ["log", undefined],
      ],
    );
  });

  it("keeps the character-count estimate for text drawn twice over itself", async () => {
    // Fake bold: the same run again 0.3 pt to the right; each run's span of glyphs holds both copies.
    const page = await contentStreamPage(
      "BT /F1 10 Tf 72 700 Td (iiii WWWW iiii) Tj ET BT /F1 10 Tf 72.3 700 Td (iiii WWWW iiii) Tj ET",
    );
    const wide = wordsAt(page, 700).filter((word) => word.text === "WWWW");
    assert.ok(wide.length > 0);
    // By character count: characters 5 to 9 of 14 along the run's 61.08 pt, from 72 or 72.3.
    for (const word of wide) {
      const origin = word.box.left < 94 ? 72 : 72.3;
      assert.ok(Math.abs(word.box.left - (origin + (5 / 14) * 61.08)) < 0.01, `left ${word.box.left}`);
      assert.ok(Math.abs(word.box.right - (origin + (9 / 14) * 61.08)) < 0.01, `right ${word.box.right}`);
    }
  });
});

describe("placedWords", () => {
  const frame: PageFrame = { transform: [1, 0, 0, -1, 0, 792], width: 612, height: 792 };
  const transform: Matrix = [10, 0, 0, 10, 100, 700];

  /** A run of `text` 10 pt at (100, 700) whose glyphs are `glyphs`: [unicode, width in points]. */
  function runWith(text: string, glyphs: ReadonlyArray<readonly [string, number]>) {
    const store = new PageGlyphs();
    let x = 100;
    for (const [unicode, width] of glyphs) {
      store.push(x, x + width, unicode, unicode === " ");
      x += width;
    }
    store.group({ x: 100, y: 92, end: x, size: 10, glyphFrom: 0, glyphTo: store.count });
    const pdfRun = { str: text, dir: "ltr", width: x - 100, height: 10, transform, fontName: "f1" };
    const extent = uprightRunExtent(pdfRun, undefined, frame);
    const run = {
      text,
      words: textRunWords(pdfRun, undefined, frame),
      ...(extent === undefined ? {} : { extent }),
    };
    return { run, index: new SpanIndex(store.groups), store };
  }

  const edges = (words: readonly Word[] | undefined) =>
    words?.map((word) => [word.text, word.box.left, word.box.right, word.baseline.x]);

  it("lets a ligature glyph stand for the characters pdf.js normalises it to", () => {
    // "ﬁ" (U+FB01) drawn as one glyph; pdf.js reports the text as "fine fit".
    const { run, index, store } = runWith("fine fit", [
      ["\ufb01", 6],
      ["n", 5],
      ["e", 5],
      [" ", 3],
      ["\ufb01", 6],
      ["t", 3],
    ]);
    assert.deepEqual(edges(placedWords(run, index, store)), [
      ["fine", 100, 116, 100],
      ["fit", 119, 128, 119],
    ]);
  });

  it("skips a soft hyphen pdf.js leaves out of the text", () => {
    const { run, index, store } = runWith("ab cd", [
      ["a", 5],
      ["\u00ad", 3],
      ["b", 5],
      [" ", 3],
      ["c", 9],
      ["d", 9],
    ]);
    assert.deepEqual(edges(placedWords(run, index, store)), [
      ["ab", 100, 113, 100],
      ["cd", 116, 134, 116],
    ]);
  });

  it("keeps the estimate when the glyphs do not spell the run's text", () => {
    const { run, index, store } = runWith("ab cd", [
      ["a", 5],
      ["x", 5],
      [" ", 3],
      ["c", 9],
      ["d", 9],
    ]);
    assert.equal(placedWords(run, index, store), undefined);
    // Nor when a glyph is missing (one glyph drew "cd" without saying so).
    const short = runWith("ab cd", [
      ["a", 5],
      ["b", 5],
      [" ", 3],
      ["c", 18],
    ]);
    assert.equal(placedWords(short.run, short.index, short.store), undefined);
  });

  it("keeps the estimate of a word whose edge falls inside a glyph", () => {
    // One glyph for "b c" (a space inside it): "ab" has no glyph ending it, "cd" none starting it.
    const { run, index, store } = runWith("ab cd ef", [
      ["a", 5],
      ["b c", 9],
      ["d", 5],
      [" ", 3],
      ["e", 9],
      ["f", 9],
    ]);
    const placed = placedWords(run, index, store);
    assert.deepEqual(edges(placed)?.slice(0, 2), edges(run.words.slice(0, 2)));
    assert.deepEqual(edges(placed)?.[2], ["ef", 122, 140, 122]);
  });

  it("leaves a run without an extent (right to left, vertical or rotated) alone", () => {
    const { run, index, store } = runWith("ab cd", [
      ["a", 5],
      ["b", 5],
      [" ", 3],
      ["c", 9],
      ["d", 9],
    ]);
    const { extent: _, ...withoutExtent } = run;
    assert.equal(placedWords(withoutExtent, index, store), undefined);
  });
});
