/** Parsing tesseract TSV: words with pixel boxes and 0–1 confidences, grouped into lines. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { parseTesseractTsv } from "./tesseract-tsv.ts";

const row = (...fields: Array<string | number>) => fields.join("\t");

const CLI_OUTPUT = [
  "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
  row(1, 1, 0, 0, 0, 0, 0, 0, 800, 600, -1, ""),
  row(2, 1, 1, 0, 0, 0, 10, 20, 300, 80, -1, ""),
  row(3, 1, 1, 1, 0, 0, 10, 20, 300, 80, -1, ""),
  row(4, 1, 1, 1, 1, 0, 10, 20, 300, 30, -1, ""),
  row(5, 1, 1, 1, 1, 1, 10, 20, 100, 30, 96.5, "Hello"),
  row(5, 1, 1, 1, 1, 2, 120, 22, 90, 28, 0, "world"),
  row(4, 1, 1, 1, 2, 0, 10, 70, 200, 30, -1, ""),
  row(5, 1, 1, 1, 2, 1, 10, 70, 40, 30, -1, " "),
  row(5, 1, 1, 1, 2, 2, 60, 70, 150, 30, 88, "again."),
  "",
].join("\n");

it("reads words, boxes, confidences and lines from the CLI's TSV", () => {
  const result = parseTesseractTsv(CLI_OUTPUT, 1, 1);
  assert.equal(result.imageWidth, 800, "the page row gives the image size");
  assert.equal(result.imageHeight, 600);
  assert.deepEqual(
    result.words.map((word) => word.text),
    ["Hello", "world", "again."],
    "empty words are dropped",
  );
  assert.deepEqual(result.words[0]?.box, { left: 10, top: 20, right: 110, bottom: 50 });
  assert.equal(result.words[0]?.confidence, 0.965);
  assert.ok(result.words[1]!.confidence > 0, "an unscored word keeps a small positive confidence");
  assert.deepEqual(result.lines, [
    { box: { left: 10, top: 20, right: 310, bottom: 50 }, firstWord: 0, wordCount: 2 },
    { box: { left: 10, top: 70, right: 210, bottom: 100 }, firstWord: 2, wordCount: 1 },
  ]);
});

it("reads tesseract.js output (no header) and falls back to the given size without a page row", () => {
  const lines = CLI_OUTPUT.split("\n");
  const withoutHeaderOrPage = lines.slice(2).join("\n");
  const result = parseTesseractTsv(withoutHeaderOrPage, 640, 480);
  assert.equal(result.imageWidth, 640);
  assert.equal(result.words.length, 3);
  assert.deepEqual(parseTesseractTsv("", 5, 6), { imageWidth: 5, imageHeight: 6, words: [], lines: [] });
});
