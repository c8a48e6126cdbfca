import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "../document/page.ts";
import type { Word } from "../document/word.ts";
import { layoutPage } from "../layout/layout-page.ts";
import { orderPage } from "../reading-order/order-page.ts";
import { paragraphWords, sentence } from "../test-support/words.ts";
import { markPageFurniture } from "./page-furniture.ts";

const BODY = [
  "Body text of the page that runs along",
  "for a few lines like a paragraph does",
  "and ends here.",
];

function page(number: number, words: readonly Word[]): Page {
  const { lines, blocks } = layoutPage(words);
  const laidOut: Page = { number, width: 612, height: 792, words: [...words], lines, blocks };
  orderPage(laidOut);
  return laidOut;
}

function types(pages: readonly Page[]): string[][] {
  return pages.map((laidOut) => laidOut.blocks.map((block) => `${block.type}:${block.text}`));
}

describe("markPageFurniture", () => {
  it("finds running headers and footers by their text across pages, page numbers masked", () => {
    const pages = [1, 2, 3].map((number) =>
      page(number, [
        ...sentence("Annual Report 2023", 72, 40, 9),
        ...paragraphWords(BODY, 72, 100 + number * 10),
        ...sentence(`Page ${number} of 3`, 260, 760, 9),
      ]),
    );
    markPageFurniture(pages, 10);
    assert.deepEqual(types(pages)[1], [
      "header:Annual Report 2023",
      `text:${BODY.join(" ")}`,
      "page_number:Page 2 of 3",
    ]);
  });

  it("takes a bare number in the margin as a page number, and the title beside it as footer", () => {
    const pages = [1, 2].map((number) =>
      page(number, [
        ...paragraphWords(BODY, 72, 100),
        ...sentence(String(number + 10), 72, 760, 9),
        ...sentence(number === 1 ? "Chapter 2. Roles" : "Chapter 3. Rules", 300, 760, 9),
      ]),
    );
    markPageFurniture(pages, 10);
    assert.deepEqual(types(pages)[0]!.slice(1), ["page_number:11", "footer:Chapter 2. Roles"]);
  });

  it("leaves body text at the top of pages alone, though every page starts at the same place", () => {
    const openings = [
      "Table 3-1 lists the registers.",
      "Table 3-2 shows the variables.",
      "Figure 3-10 has the masks.",
    ];
    const pages = openings.map((opening, index) =>
      page(index + 1, [...sentence(opening, 72, 72), ...paragraphWords(BODY, 72, 100)]),
    );
    markPageFurniture(pages, 10);
    assert.ok(
      types(pages)
        .flat()
        .every((entry) => entry.startsWith("text:")),
    );
  });

  it("ignores a lone number in the margin of one page among several", () => {
    const pages = [
      page(1, [...sentence("2024", 500, 40, 9), ...paragraphWords(BODY, 72, 100)]),
      page(2, paragraphWords(BODY, 72, 100)),
    ];
    markPageFurniture(pages, 10);
    assert.equal(pages[0]!.blocks[0]!.type, "text");
  });

  it("keeps the text of pages that would be nothing but header as text", () => {
    const pages = [1, 2, 3].map((number) =>
      page(number, sentence("The same short notice on every page", 72, 60)),
    );
    markPageFurniture(pages, 10);
    assert.deepEqual(
      pages.map((laidOut) => laidOut.blocks[0]!.type),
      ["text", "text", "text"],
    );
  });

  it("moves furniture to the start and end of the page's reading order", () => {
    const pages = [1, 2].map((number) =>
      page(number, [
        ...paragraphWords(BODY, 72, 100),
        // A footer left of the page middle would otherwise sort among the body by the XY-cut.
        ...sentence("Confidential draft", 72, 760, 9),
      ]),
    );
    markPageFurniture(pages, 10);
    assert.deepEqual(
      pages[1]!.blocks.map((block) => block.type),
      ["text", "footer"],
    );
  });
});
