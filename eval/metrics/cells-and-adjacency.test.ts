/** Tests for cell matching (positional with best offset, content multiset) and adjacency relations. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { adjacencyRelations } from "./adjacency.ts";
import { scoreCells } from "./cell-match.ts";
import { f1, multisetOverlap } from "./scores.ts";
import { cellsFromRows, parseHtmlTable } from "./table-grid.ts";

test("an extra title row shifts the prediction but costs no positional match", () => {
  const expected = cellsFromRows([
    ["Name", "Value"],
    ["a", "1"],
  ]);
  const predicted = cellsFromRows([
    ["Table 1", ""],
    ["Name", "Value"],
    ["a", "1"],
  ]);
  const scores = scoreCells(expected, predicted);
  assert.deepEqual(scores.positional, { correct: 4, predicted: 5, expected: 4 });
  assert.deepEqual(scores.content, { correct: 4, predicted: 5, expected: 4 });
});

test("a column lost in the middle misplaces what follows; content still matches", () => {
  const expected = cellsFromRows([["a", "b", "c"]]);
  const predicted = cellsFromRows([["a", "", "b", "c"]]);
  assert.equal(scoreCells(expected, predicted).positional.correct, 2);
  assert.equal(scoreCells(expected, predicted).content.correct, 3);
});

test("cell text is compared by key: whitespace and punctuation variants match", () => {
  const expected = cellsFromRows([["Cycle \nName", "5.9%"]]);
  const predicted = cellsFromRows([["Cycle Name", "5.9 %"]]);
  assert.equal(scoreCells(expected, predicted).positional.correct, 2);
});

test("adjacency looks through blank cells and relates spans to each neighbour", () => {
  const relations = adjacencyRelations(
    cellsFromRows([
      ["a", "", "b"],
      ["c", "d", ""],
    ]),
  );
  assert.deepEqual(relations.sort(), ["a→b (h)", "a→c (v)", "c→d (h)"]);
  const spanned = adjacencyRelations(
    parseHtmlTable("<table><tr><td colspan='2'>H</td></tr><tr><td>x</td><td>y</td></tr></table>"),
  );
  assert.deepEqual(spanned.sort(), ["H→x (v)", "H→y (v)", "x→y (h)"]);
});

test("multiset overlap and F1", () => {
  const counts = multisetOverlap(["a", "a", "b"], ["a", "b", "b", "c"]);
  assert.deepEqual(counts, { correct: 2, predicted: 4, expected: 3 });
  assert.equal(f1({ correct: 0, predicted: 0, expected: 3 }), 0);
  assert.ok(Math.abs(f1(counts) - 4 / 7) < 1e-12);
});
