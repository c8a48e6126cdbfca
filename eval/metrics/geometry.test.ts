/** Tests for the geometric metrics: IoU region matching, character completeness/purity, reading order. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { readingOrderAgreement } from "./reading-order.ts";
import { iou, matchRegions, scoreCharacters } from "./region-match.ts";

const box = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });

test("IoU and one-to-one region matching at 0.5", () => {
  assert.equal(iou(box(0, 0, 10, 10), box(0, 0, 10, 10)), 1);
  assert.equal(iou(box(0, 0, 10, 10), box(5, 0, 15, 10)), 1 / 3);
  const counts = matchRegions(
    [
      { page: 1, box: box(0, 0, 100, 100) },
      { page: 2, box: box(0, 0, 100, 100) },
    ],
    [
      { page: 1, box: box(0, 0, 100, 90) },
      { page: 1, box: box(0, 0, 100, 95) },
      { page: 2, box: box(0, 0, 30, 30) },
    ],
  );
  assert.deepEqual(counts, { correct: 1, predicted: 3, expected: 2 });
});

test("characters: precision, recall, completeness and purity", () => {
  const characters = [
    { page: 1, x: 5, y: 5 },
    { page: 1, x: 15, y: 5 },
    { page: 1, x: 50, y: 50 },
  ];
  const truth = [{ page: 1, box: box(0, 0, 20, 10) }];
  const scores = scoreCharacters(truth, [{ page: 1, box: box(0, 0, 60, 60) }], characters);
  assert.deepEqual(scores.characters, { correct: 2, predicted: 3, expected: 2 });
  assert.equal(scores.completeRegions, 1);
  assert.equal(scores.pureRegions, 0);
  const split = scoreCharacters(
    truth,
    [
      { page: 1, box: box(0, 0, 9, 10) },
      { page: 1, box: box(11, 0, 20, 10) },
    ],
    characters,
  );
  assert.equal(split.completeRegions, 0);
  assert.equal(split.pureRegions, 2);
});

test("reading order: swapped columns, merged blocks are ties", () => {
  const reference = [
    { page: 1, box: box(0, 0, 100, 10) },
    { page: 1, box: box(0, 20, 100, 30) },
    { page: 1, box: box(200, 0, 300, 10) },
  ];
  const perfect = readingOrderAgreement(reference, reference);
  assert.deepEqual(perfect, { items: 3, matched: 3, pairs: 3, concordant: 3 });
  const rightColumnFirst = readingOrderAgreement(reference, [reference[2]!, reference[0]!, reference[1]!]);
  assert.equal(rightColumnFirst.concordant, 1);
  assert.equal(rightColumnFirst.pairs, 3);
  const merged = readingOrderAgreement(reference, [{ page: 1, box: box(0, 0, 100, 30) }, reference[2]!]);
  assert.deepEqual(merged, { items: 3, matched: 3, pairs: 2, concordant: 2 });
});
