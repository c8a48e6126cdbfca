/**
 * Tests for the suite's scoring glue with an oracle engine (its tables are the ground truth): perfect
 * output must score 1, so today's zeros come from the engine, not from the harness.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { f1 } from "../metrics/scores.ts";
import { cellsFromRows } from "../metrics/table-grid.ts";
import type { TableCase } from "../support/corpus.ts";
import type { EngineTable } from "../support/engine-run.ts";
import type { BaselineDocument } from "../support/pdfjs-baseline.ts";
import { scoreDocument } from "./icdar.ts";
import { scoreCase } from "./tables.ts";

const first = cellsFromRows([
  ["Name", "Value"],
  ["a", "1"],
]);
const second = cellsFromRows([["x", "y", "z"]]);
const box = { left: 0, top: 0, right: 10, bottom: 10 };

test("camelot/tabula: the oracle scores 1; pages restrict candidates; tables pair one-to-one", () => {
  const entry: TableCase = {
    corpus: "camelot",
    name: "two.pdf",
    pdf: "two.pdf",
    slots: [
      { label: "first", alternatives: [cellsFromRows([["other"]]), first], pages: [1] },
      { label: "second", alternatives: [second], pages: undefined },
    ],
  };
  const oracle: EngineTable[] = [
    { page: 2, box, cells: second, source: "content" },
    { page: 1, box, cells: first, source: "content" },
  ];
  const perfect = scoreCase(entry, oracle, undefined);
  assert.equal(perfect.matchedTables, 2);
  assert.equal(f1(perfect.positional), 1);
  const wrongPage = scoreCase(entry, [{ page: 2, box, cells: first, source: "content" }], undefined);
  assert.equal(wrongPage.matchedTables, 0);
  // Unmatched slots count the cells of their first interpretation: 1 ("other") + 3.
  assert.deepEqual(wrongPage.positional, { correct: 0, predicted: 0, expected: 1 + 3 });
  const nothing = scoreCase(entry, [], undefined);
  assert.equal(f1(nothing.positional), 0);
});

test("ICDAR: ground truth fed back as engine tables scores 1 on detection, characters and adjacency", () => {
  // One 100×100 page whose user space maps to top-left points by flipping y.
  const baseline: BaselineDocument = {
    text: "",
    pages: [
      {
        number: 1,
        items: [],
        characters: [
          { page: 1, x: 20, y: 20 },
          { page: 1, x: 80, y: 80 },
        ],
        toPage: (x, y) => [x, 100 - y],
      },
    ],
  };
  const truth = {
    id: "doc",
    regions: [{ table: 0, page: 1, bbox: { x1: 10, y1: 70, x2: 40, y2: 90 } }],
    structure: [{ table: 0, page: 1, cells: first }],
  };
  const oracle: EngineTable[] = [
    { page: 1, box: { left: 10, top: 10, right: 40, bottom: 30 }, cells: first, source: "content" },
  ];
  const scores = scoreDocument(truth, baseline, oracle);
  assert.equal(f1(scores.regions), 1);
  assert.deepEqual(scores.characters, { correct: 1, predicted: 1, expected: 1 });
  assert.equal(f1(scores.adjacency), 1);
  assert.equal(scores.completeRegions, 1);
  assert.equal(scores.pureRegions, 1);
  assert.equal(f1(scoreDocument(truth, baseline, []).adjacency), 0);
});
