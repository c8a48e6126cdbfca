import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { word } from "../test-support/words.ts";
import {
  frameAngleOf,
  fromFrame,
  type ReadingFrame,
  rulingToFrame,
  toFrame,
  wordToFrame,
} from "./page-frame.ts";
import { cellText } from "./text-rows.ts";

const BOX = { left: 100, top: 200, right: 130, bottom: 260 };

describe("reading frames", () => {
  it("maps boxes into each quarter-turn frame and back unchanged", () => {
    for (const angle of [0, 90, -90, 180] as const) {
      const frame: ReadingFrame = { angle, width: 612, height: 792 };
      assert.deepEqual(fromFrame(frame, toFrame(frame, BOX)), BOX, `angle ${angle}`);
    }
  });

  it("turns text reading down the page (90°) into upright text, later lines below earlier ones", () => {
    const frame: ReadingFrame = { angle: 90, width: 612, height: 792 };
    // Two words of one sideways line (x 500–510), the second further down the page; a next line further left.
    const first = {
      ...word("first", 0, 0),
      box: { left: 500, top: 100, right: 510, bottom: 125 },
      angle: 90,
    };
    const second = {
      ...word("second", 0, 0),
      box: { left: 500, top: 130, right: 510, bottom: 160 },
      angle: 90,
    };
    const next = { ...word("next", 0, 0), box: { left: 485, top: 100, right: 495, bottom: 120 }, angle: 90 };
    const [a, b, c] = [first, second, next].map((w) => wordToFrame(frame, w));
    assert.equal(a!.angle, 0);
    assert.ok(a!.box.right <= b!.box.left, "reads left to right");
    assert.ok(c!.box.top > a!.box.bottom, "the next line is below");
  });

  it("swaps ruling orientation on a quarter turn, and tells quarter turns from slanted text", () => {
    const frame: ReadingFrame = { angle: -90, width: 612, height: 792 };
    assert.deepEqual(rulingToFrame(frame, { orientation: "vertical", position: 50, start: 100, end: 300 }), {
      orientation: "horizontal",
      position: 50,
      start: 492,
      end: 692,
    });
    assert.equal(frameAngleOf(89.5), 90);
    assert.equal(frameAngleOf(-179), 180);
    assert.equal(frameAngleOf(30), undefined);
  });
});

describe("cellText", () => {
  it("joins a cell's lines top to bottom, reading right-to-left lines from the right", () => {
    const rtl = { direction: "rtl" as const };
    const words = [
      word("line", 72, 100),
      word("one", 95, 100),
      word("ثانية", 140, 112, 10, rtl),
      word("كلمة", 100, 112, 10, rtl),
    ];
    assert.equal(cellText(words), "line one\nثانية كلمة");
  });

  it("keeps a sideways header's words in reading order on a line of their own", () => {
    const up = (text: string, top: number) => ({
      ...word(text, 0, 0),
      box: { left: 100, top, right: 110, bottom: top + 20 },
      angle: -90,
    });
    assert.equal(cellText([up("Calley", 100), up("Brian", 125)]), "Brian Calley");
  });
});
