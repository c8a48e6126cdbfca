/** Tests for normalisation: whitespace, markdown stripping, entity decoding and the cell key. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { cellKey, markdownToText, normalizeWhitespace } from "./text-normalize.ts";

test("whitespace collapses and ligatures fold", () => {
  assert.equal(normalizeWhitespace("  ﬁne \n\t print "), "fine print");
});

test("markdown syntax goes, words stay", () => {
  const markdown = [
    "## 5.1 Hyper Parameter Optimization",
    "",
    "- first *item* with snake\\_case and **bold**",
    "1. numbered",
    "",
    "| # enc | TEDs |",
    "| - | --- |",
    "| 6 | 0.965 |",
    "",
    "<!-- image -->",
    "See [the docs](https://example.com) &amp; more.",
  ].join("\n");
  assert.equal(
    markdownToText(markdown),
    "5.1 Hyper Parameter Optimization first item with snake_case and bold numbered # enc TEDs 6 0.965 See the docs & more.",
  );
});

test("plain text passes through apart from whitespace", () => {
  assert.equal(markdownToText("file_name and 3 * 4 = 12\nnext"), "file_name and 3 * 4 = 12 next");
});

test("HTML tables become their cell text", () => {
  assert.equal(markdownToText("<table><tr><td>a</td><td>b&lt;c</td></tr></table>"), "a b<c");
});

test("cell keys ignore whitespace and punctuation variants", () => {
  assert.equal(cellKey("Cycle \nName"), "CycleName");
  assert.equal(cellKey("5.9 %"), cellKey("5.9%"));
  assert.equal(cellKey("a–b"), cellKey("a-b"));
  assert.equal(cellKey("  "), "");
});

test("escaped tags and entities read as the text they escape, as a markdown reader shows them", () => {
  assert.equal(markdownToText("the \\<lazy> dog \\<!-- x"), "the <lazy> dog <!-- x");
  assert.equal(markdownToText("\\&amp; is written, &amp; is decoded"), "&amp; is written, & is decoded");
  assert.equal(markdownToText("4) fourth"), "fourth");
});
