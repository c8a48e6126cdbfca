import assert from "node:assert/strict";
import { test } from "node:test";
import { hasRightToLeftLetter, lineReadingText, type PlacedText, readingOrder } from "./bidi.ts";

/** Words laid out left to right as they appear on the page; "|" between two words means they touch. */
function visual(layout: string): PlacedText[] {
  const words: PlacedText[] = [];
  let position = 0;
  for (const group of layout.split(" ")) {
    for (const text of group.split("|")) {
      words.push({ text, start: position, end: position + text.length * 5, fontSize: 10 });
      position += text.length * 5;
    }
    position += 4; // a space: more than 0.15 em of a 10-point font
  }
  return words;
}

const read = (layout: string, rightToLeft: boolean) => lineReadingText(visual(layout), rightToLeft, 0.15);

test("digits in a right-to-left line keep their left-to-right order", () => {
  // Drawn left to right: "%", "5", "0" touching, then the Persian word at the right end.
  assert.equal(read("%|5|0 حداقل", true), "حداقل %50");
  assert.equal(read("تن 4|7.500 يا", true), "يا 47.500 تن");
});

test("a separator between two numbers joins them; one after a number does not", () => {
  assert.equal(read("کالا -|2|-|5", true), "2-5- کالا");
  assert.equal(read("1403|/|09|/|19 تاريخ", true), "تاريخ 1403/09/19");
});

test("two numbers apart in a right-to-left line read from the right", () => {
  assert.equal(read("20 10 بين", true), "بين 10 20");
});

test("Latin words inside right-to-left text keep their order, with a number after them", () => {
  assert.equal(read("על Node 24 עם", true), "עם Node 24 על");
});

test("right-to-left words inside a left-to-right line read from the right", () => {
  assert.equal(read("The words سبق يسولاد mean", false), "The words يسولاد سبق mean");
  assert.equal(read("Price: 50% off", false), "Price: 50% off");
});

test("readingOrder reverses a right-to-left run of pieces, keeping numbers inside it", () => {
  const pieces = ["א", " ", "1", "2", " ", "ב"].map((text) => ({ text }));
  assert.deepEqual(readingOrder(pieces, true), [5, 4, 2, 3, 1, 0]);
  assert.deepEqual(readingOrder(pieces, false), [5, 4, 2, 3, 1, 0]);
});

test("hasRightToLeftLetter tells letters from Arabic-Indic digits", () => {
  assert.equal(hasRightToLeftLetter("سبق"), true);
  assert.equal(hasRightToLeftLetter("۱۴۰۳"), false);
  assert.equal(hasRightToLeftLetter("abc 12"), false);
});

test("a Latin word touching an Arabic one is a word of its own", () => {
  // Drawn left to right without a gap: "من" | "Python" | "و", then "R" apart (rtl_01's "R و Python من").
  assert.equal(read("من|Python|و R", true), "R و Python من");
  assert.equal(read("Use|عربي today", false), "Use عربي today");
});

test("a word the source drew a space after ends there, however narrow the gap", () => {
  const words: PlacedText[] = [
    { text: "마시는", start: 0, end: 20, fontSize: 8.5, spaceAfter: true },
    { text: "물", start: 20.8, end: 28, fontSize: 8.5 },
    { text: "또는", start: 28.8, end: 42, fontSize: 8.5 },
  ];
  assert.equal(lineReadingText(words, false, 0.15), "마시는 물또는");
});
