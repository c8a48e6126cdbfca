import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Block } from "../document/block.ts";
import type { Box } from "../document/box.ts";
import type { VectorPath } from "../document/graphics.ts";
import type { Page } from "../document/page.ts";
import type { Word } from "../document/word.ts";
import { figurePage } from "./page-figures.ts";

function word(text: string, box: Box): Word {
  return {
    text,
    box,
    baseline: { x: box.left, y: box.bottom },
    angle: 0,
    fontSize: 10,
    fontId: "f",
    fontFamily: "Helvetica",
    direction: "ltr",
  } as Word;
}

function textBlock(text: string, box: Box): Block {
  return { type: "text", text, box, lines: [] };
}

function page(parts: Partial<Page>): Page {
  return { number: 1, width: 612, height: 792, words: [], lines: [], blocks: [], ...parts };
}

/** A zigzag drawn as `count` diagonal pieces filling `box`. */
function zigzag(box: Box, count: number): VectorPath {
  return { box, segments: count, freeform: count, stroked: true };
}

const figures = (p: Page) => p.blocks.filter((block) => block.type === "figure");

describe("figurePage", () => {
  it("makes a raster image an image figure and keeps the caption below it as text", () => {
    const caption = textBlock("Figure 1: An example", { left: 100, top: 410, right: 300, bottom: 422 });
    const p = page({
      blocks: [caption],
      graphics: { images: [{ left: 100, top: 200, right: 400, bottom: 400 }], paths: [] },
    });
    figurePage(p);
    const [figure] = figures(p);
    assert.deepEqual(figure?.box, { left: 100, top: 200, right: 400, bottom: 400 });
    assert.equal(figure?.figure?.figureType, "image");
    assert.ok(p.blocks.includes(caption));
  });

  it("calls a small image at the top of the page a logo", () => {
    const p = page({ graphics: { images: [{ left: 40, top: 30, right: 120, bottom: 80 }], paths: [] } });
    figurePage(p);
    assert.equal(figures(p)[0]?.figure?.figureType, "logo");
  });

  it("ignores full-page backgrounds, tiny images and banners behind headings", () => {
    const heading = word("Results", { left: 80, top: 110, right: 140, bottom: 122 });
    const p = page({
      words: [heading],
      graphics: {
        images: [
          { left: 0, top: 0, right: 612, bottom: 792 },
          { left: 300, top: 300, right: 310, bottom: 310 },
          { left: 70, top: 105, right: 300, bottom: 130 },
        ],
        paths: [],
      },
    });
    figurePage(p);
    assert.equal(figures(p).length, 0);
  });

  it("turns a cluster of freeform paths into a chart that takes in its numeric labels", () => {
    const labels = [
      textBlock("0 10 20", { left: 110, top: 390, right: 300, bottom: 398 }),
      textBlock("Sales 2024", { left: 150, top: 210, right: 250, bottom: 220 }),
    ];
    const body = textBlock("Body text below.", { left: 72, top: 500, right: 400, bottom: 512 });
    const p = page({
      blocks: [...labels, body],
      graphics: {
        images: [],
        paths: [
          zigzag({ left: 100, top: 200, right: 300, bottom: 300 }, 10),
          zigzag({ left: 105, top: 300, right: 305, bottom: 400 }, 10),
        ],
      },
    });
    figurePage(p);
    const [figure] = figures(p);
    assert.equal(figure?.figure?.figureType, "chart");
    assert.deepEqual(figure?.box, { left: 100, top: 200, right: 305, bottom: 400 });
    assert.equal(figure?.text, "0 10 20 Sales 2024");
    assert.deepEqual(
      p.blocks.filter((block) => block.type === "text"),
      [body],
    );
  });

  it("leaves table rules, few-piece drawings and text-covered drawings alone", () => {
    const rules: VectorPath = {
      box: { left: 50, top: 50, right: 550, bottom: 300 },
      segments: 40,
      freeform: 0,
      stroked: true,
    };
    const few = zigzag({ left: 100, top: 400, right: 200, bottom: 500 }, 4);
    const dense = zigzag({ left: 300, top: 400, right: 400, bottom: 500 }, 30);
    const words = [word("x".repeat(40), { left: 300, top: 400, right: 400, bottom: 460 })];
    const p = page({ words, graphics: { images: [], paths: [rules, few, dense] } });
    figurePage(p);
    assert.equal(figures(p).length, 0);
  });

  it("places a figure in the reading order before the first block below it in its column", () => {
    const above = textBlock("Above", { left: 72, top: 100, right: 290, bottom: 112 });
    const right = textBlock("Right column", { left: 320, top: 100, right: 540, bottom: 112 });
    const below = textBlock("Below", { left: 72, top: 420, right: 290, bottom: 432 });
    const p = page({
      blocks: [above, below, right],
      graphics: { images: [{ left: 72, top: 150, right: 300, bottom: 400 }], paths: [] },
    });
    figurePage(p);
    assert.deepEqual(
      p.blocks.map((block) => block.text || block.type),
      ["Above", "figure", "Below", "Right column"],
    );
  });

  it("groups pictures that touch into one illustration, taking in the names set between them", () => {
    const names = [
      textBlock("Boots nut", { left: 100, top: 188, right: 150, bottom: 197 }),
      textBlock("Flexloc nut", { left: 90, top: 279, right: 130, bottom: 289 }),
    ];
    const caption = textBlock("Figure 7: Nuts.", { left: 72, top: 300, right: 180, bottom: 310 });
    const p = page({
      blocks: [...names, caption],
      graphics: {
        images: [
          { left: 72, top: 135, right: 200, bottom: 200 },
          { left: 203, top: 142, right: 309, bottom: 206 }, // 3 pt to the right
          { left: 83, top: 224, right: 155, bottom: 280 },
          { left: 126, top: 222, right: 241, bottom: 286 }, // overlaps its neighbour a little
          { left: 223, top: 212, right: 309, bottom: 281 }, // 6 pt below the second
        ],
        paths: [],
      },
    });
    figurePage(p);
    const all = figures(p);
    assert.equal(all.length, 1);
    assert.deepEqual(all[0]?.box, { left: 72, top: 135, right: 309, bottom: 289 });
    assert.equal(all[0]?.text, "Boots nut Flexloc nut");
    assert.deepEqual(
      p.blocks.map((block) => block.text || block.type),
      ["Boots nut Flexloc nut", "Figure 7: Nuts."],
    );
  });

  it("keeps pictures apart when running text lies between them, or when they are far apart", () => {
    const paragraph = textBlock("x".repeat(150), { left: 72, top: 205, right: 540, bottom: 240 });
    const p = page({
      blocks: [paragraph],
      graphics: {
        images: [
          { left: 72, top: 100, right: 300, bottom: 210 },
          { left: 72, top: 236, right: 300, bottom: 380 }, // touches the first across the paragraph
          { left: 320, top: 100, right: 540, bottom: 200 }, // 20 pt to the right of the first
        ],
        paths: [],
      },
    });
    figurePage(p);
    assert.equal(figures(p).length, 3);
    assert.ok(p.blocks.includes(paragraph));
  });
});
