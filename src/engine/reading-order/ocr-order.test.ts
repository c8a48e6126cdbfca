/** orderByOcrSequence: OCR'd pages read in the engine's order; other pages and figures are left alone. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Block } from "../document/block.ts";
import type { Word } from "../document/word.ts";
import { OCR_FONT_ID, orderAroundFullRows, orderByOcrSequence } from "./ocr-order.ts";

function word(text: string, left: number, top: number, fontId = OCR_FONT_ID): Word {
  const box = { left, top, right: left + 30, bottom: top + 10 };
  return {
    text,
    box,
    baseline: { x: left, y: top + 8 },
    angle: 0,
    fontSize: 10,
    fontId,
    fontFamily: "sans-serif",
    direction: "ltr",
  } as Word;
}

function block(words: readonly Word[], type: Block["type"] = "text"): Block {
  const box = words[0]?.box ?? { left: 0, top: 0, right: 10, bottom: 10 };
  const lines =
    words.length === 0
      ? []
      : [
          {
            words,
            text: words.map((w) => w.text).join(" "),
            box,
            angle: 0,
            baseline: 0,
            direction: "ltr" as const,
            fontSize: 10,
          },
        ];
  return { type, text: words.map((w) => w.text).join(" "), box, lines };
}

describe("orderByOcrSequence", () => {
  it("orders an OCR'd page's blocks by their first word in the engine's sequence", () => {
    const a = word("first", 0, 0);
    const b = word("second", 300, 0);
    const c = word("third", 0, 500);
    // XY-cut put the right column's block first; the engine read the left column first.
    const xyOrder = [block([b]), block([c]), block([a])];
    const ordered = orderByOcrSequence(xyOrder, [a, c, b]);
    assert.deepEqual(
      ordered?.map((item) => item.text),
      ["first", "third", "second"],
    );
  });

  it("keeps blocks without OCR words (figures) where XY-cut placed them", () => {
    const a = word("one", 0, 0);
    const b = word("two", 0, 100);
    const figure = block([], "figure");
    const ordered = orderByOcrSequence([block([b]), figure, block([a])], [a, b]);
    assert.deepEqual(
      ordered?.map((item) => (item.type === "figure" ? "figure" : item.text)),
      ["one", "figure", "two"],
    );
  });

  it("does nothing on a page with digital text", () => {
    const digital = word("pdf", 0, 0, "F1");
    const ocr = word("scan", 0, 100);
    assert.equal(orderByOcrSequence([block([ocr]), block([digital])], [digital, ocr]), undefined);
    assert.equal(orderByOcrSequence([], []), undefined);
  });
});

describe("orderAroundFullRows", () => {
  it("reads a footer under both columns after the second column, not after the first", () => {
    const left = block([word("left", 0, 0)]);
    const right = block([word("right", 300, 0)]);
    const footer = {
      ...block([word("footer", 0, 900)]),
      box: { left: 0, top: 900, right: 320, bottom: 910 },
    };
    assert.deepEqual(
      orderAroundFullRows([left, footer, right]).map((item) => item.text),
      ["left", "right", "footer"],
    );
  });

  it("reads a headline under the lower part of two columns after both, and its byline after it", () => {
    const left = { ...block([word("left", 0, 0)]), box: { left: 0, top: 0, right: 100, bottom: 300 } };
    const right = { ...block([word("right", 150, 0)]), box: { left: 150, top: 0, right: 250, bottom: 300 } };
    const headline = {
      ...block([word("headline", 120, 320)]),
      box: { left: 50, top: 320, right: 250, bottom: 340 },
    };
    const byline = {
      ...block([word("byline", 120, 350)]),
      box: { left: 50, top: 350, right: 150, bottom: 360 },
    };
    // The engine read down the left column, went on to the headline and byline, then the right column.
    assert.deepEqual(
      orderAroundFullRows([left, byline, headline, right]).map((item) => item.text),
      ["left", "right", "headline", "byline"],
    );
  });

  it("keeps the engine's order for a block beside others (a caption between two columns)", () => {
    const left = { ...block([word("left", 0, 0)]), box: { left: 0, top: 0, right: 120, bottom: 400 } };
    const caption = {
      ...block([word("caption", 100, 200)]),
      box: { left: 100, top: 200, right: 160, bottom: 240 },
    };
    const right = { ...block([word("right", 140, 0)]), box: { left: 140, top: 0, right: 260, bottom: 400 } };
    assert.deepEqual(
      orderAroundFullRows([left, caption, right]).map((item) => item.text),
      ["left", "caption", "right"],
    );
  });
});
