import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { escapeMarkdownText } from "./markdown-escape.ts";

describe("escapeMarkdownText", () => {
  it("escapes tag-like angle brackets but not comparisons", () => {
    assert.equal(escapeMarkdownText("the <lazy> dog"), "the \\<lazy> dog");
    assert.equal(escapeMarkdownText("</b> and <!-- x"), "\\</b> and \\<!-- x");
    assert.equal(escapeMarkdownText("a < b and c > d"), "a < b and c > d");
    assert.equal(
      escapeMarkdownText("x <change><ins>new</ins><del>old</del></change> <insert>"),
      "x <change><ins>new</ins><del>old</del></change> \\<insert>",
    );
  });

  it("escapes block markers at line starts only", () => {
    assert.equal(escapeMarkdownText("# not a heading"), "\\# not a heading");
    assert.equal(
      escapeMarkdownText("> quoted\n- dash\n* star\n+ plus"),
      "\\> quoted\n\\- dash\n\\* star\n\\+ plus",
    );
    assert.equal(escapeMarkdownText("1. first\n  12) second"), "1\\. first\n  12\\) second");
    assert.equal(escapeMarkdownText("C# and 3.5 - x * y #tag -5"), "C# and 3.5 - x * y #tag -5");
  });
});
