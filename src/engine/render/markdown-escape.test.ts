import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { escapeMarkdownText } from "./markdown-escape.ts";

describe("escapeMarkdownText", () => {
  it("escapes a < that would open a tag, comment or declaration", () => {
    assert.equal(escapeMarkdownText("the <lazy> dog"), "the \\<lazy> dog");
    assert.equal(escapeMarkdownText("</b> and <!-- x <?php"), "\\</b> and \\<!-- x \\<?php");
  });

  it("leaves comparisons and arrows alone", () => {
    assert.equal(escapeMarkdownText("a < b and c > d, x<5, <- back"), "a < b and c > d, x<5, <- back");
  });

  it("escapes & only where it starts a character reference", () => {
    assert.equal(
      escapeMarkdownText("AT&T & co; &amp; &#169; &#x41;"),
      "AT&T & co; \\&amp; \\&#169; \\&#x41;",
    );
  });

  it("keeps list-like and heading-like line starts as they are", () => {
    const text = "4) fourth\n1. first\n- dash\n# hash\n> quote\n*star*";
    assert.equal(escapeMarkdownText(text), text);
  });
});
