/** Tests for the OCR metrics: CER/WER rates and FUNSD-style word matching by text and box IoU. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { characterErrors, errorRate, wordErrors } from "./ocr-error-rate.ts";
import { matchWords } from "./word-box-match.ts";

test("CER and WER divide edits by the reference length after whitespace normalisation", () => {
  assert.deepEqual(characterErrors("the  quick\nfox", "the quick fox"), { edits: 0, length: 13 });
  assert.deepEqual(characterErrors("abcd", "abxd"), { edits: 1, length: 4 });
  assert.deepEqual(wordErrors("the quick brown fox", "the quack brown"), { edits: 2, length: 4 });
  // Invented text counts too: the rate can exceed 1.
  assert.equal(errorRate(characterErrors("ab", "abcdef")), 2);
  assert.equal(errorRate(wordErrors("", "")), 0);
  assert.equal(errorRate(wordErrors("", "noise")), 1);
});

test("typographic quotes and dashes read as their ASCII forms", () => {
  assert.equal(errorRate(characterErrors(`"It's" - no`, "\u201CIt\u2019s\u201D \u2014 no")), 0);
  assert.equal(errorRate(wordErrors(`"It's" - no`, "\u201CIt\u2019s\u201D \u2014 no")), 0);
});

test("WER counts whole-word edits, not characters", () => {
  assert.deepEqual(wordErrors("one two three", "one twox three"), { edits: 1, length: 3 });
  assert.deepEqual(wordErrors("a b c", "c b a"), { edits: 2, length: 3 });
});

const box = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });

test("a word is found when its text matches case-insensitively and boxes overlap with IoU ≥ 0.5", () => {
  const truth = [
    { text: "DATE:", box: box(0, 0, 50, 10) },
    { text: "Total", box: box(100, 0, 150, 10) },
    { text: "", box: box(200, 0, 300, 100) },
  ];
  const counts = matchWords(truth, [
    { text: "date:", box: box(2, 0, 50, 11) },
    { text: "Total", box: box(140, 0, 190, 10) }, // right text, wrong place
    { text: "noise", box: box(200, 0, 300, 100) },
  ]);
  assert.equal(counts.expected, 2);
  assert.equal(counts.predicted, 3);
  assert.equal(counts.matched, 1);
  assert.ok(counts.iouSum > 0.85 && counts.iouSum < 1);
});

test("matching is one-to-one", () => {
  const counts = matchWords(
    [{ text: "the", box: box(0, 0, 30, 10) }],
    [
      { text: "the", box: box(0, 0, 30, 10) },
      { text: "the", box: box(1, 0, 30, 10) },
    ],
  );
  assert.deepEqual(counts, { matched: 1, expected: 1, predicted: 2, iouSum: 1 });
});
