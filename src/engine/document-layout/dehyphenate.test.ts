import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "../document/page.ts";
import { layoutPage } from "../layout/layout-page.ts";
import { paragraphWords } from "../test-support/words.ts";
import { dehyphenate } from "./dehyphenate.ts";

function page(number: number, paragraphs: readonly (readonly string[])[]): Page {
  const words = paragraphs.flatMap((lines, index) => paragraphWords(lines, 72, 100 + index * 80));
  const { lines, blocks } = layoutPage(words);
  return { number, width: 612, height: 792, words, lines, blocks };
}

const texts = (pages: readonly Page[]) =>
  pages.flatMap((laidOut) => laidOut.blocks.map((block) => block.text));

describe("dehyphenate", () => {
  it("drops a line-end hyphen when the document spells the word unbroken elsewhere", () => {
    const pages = [
      page(1, [["sed diam nonumy eir-", "mod tempor invidunt ut labore"]]),
      page(2, [["sed diam nonumy eirmod tempor invidunt ut labore"]]),
    ];
    dehyphenate(pages);
    assert.deepEqual(texts(pages), [
      "sed diam nonumy eirmod tempor invidunt ut labore",
      "sed diam nonumy eirmod tempor invidunt ut labore",
    ]);
  });

  it("drops a line-end hyphen before an ending that is no word of its own", () => {
    const pages = [
      page(1, [
        ["victims, child victims or the child witness-", "es or suspected and accused children"],
        ["that a faculty member or also a practic-", "ing lawyer supervises from day to day"],
        ["the case is a well-known case of a co-", "es case of two letters before the break"],
      ]),
      page(2, [["a mention of self-es, hyphenated as written, keeps that break: self-", "es stays"]]),
    ];
    dehyphenate(pages);
    assert.equal(
      texts(pages)[3],
      "a mention of self-es, hyphenated as written, keeps that break: self-es stays",
    );
    assert.deepEqual(texts(pages).slice(0, 3), [
      "victims, child victims or the child witnesses or suspected and accused children",
      "that a faculty member or also a practicing lawyer supervises from day to day",
      "the case is a well-known case of a co-es case of two letters before the break",
    ]);
  });

  it("keeps compounds and words it has no other evidence for", () => {
    const pages = [
      page(1, [
        [
          "the Boots nut is a one piece self-",
          "locking nut and so is the steel",
          "self-locking nut of the other kind",
        ],
        ["this one is made of anodized alu-", "minum alloy in one piece here"],
      ]),
      page(2, [["a selflocking typo of the same word, once"]]),
    ];
    dehyphenate(pages);
    assert.deepEqual(texts(pages).slice(0, 2), [
      "the Boots nut is a one piece self-locking nut and so is the steel self-locking nut of the other kind",
      "this one is made of anodized alu-minum alloy in one piece here",
    ]);
  });
});
