import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "../document/page.ts";
import type { Word } from "../document/word.ts";
import { layoutPage } from "../layout/layout-page.ts";
import { orderPage } from "../reading-order/order-page.ts";
import { paragraphWords, word } from "../test-support/words.ts";
import { documentBodyStyle, markHeadings, sectionDepth } from "./headings.ts";

const BODY = [
  "Body text runs along for a while in the usual size of the",
  "document so that the body style is clear, and then goes on",
  "over a third line to make a paragraph of it.",
];

/** Words of `text` in one style; `extra` sets the font id or weight. */
function styled(
  text: string,
  left: number,
  baseline: number,
  size: number,
  extra: Partial<Word> = {},
): Word[] {
  let x = left;
  return text.split(" ").map((part) => {
    const made = word(part, x, baseline, size, extra);
    x += (part.length + 1) * 0.5 * size;
    return made;
  });
}

/** A page of blocks stacked from the top: each entry is a block's words placed at the next free spot. */
function page(number: number, parts: ReadonlyArray<(top: number) => Word[]>): Page {
  const words: Word[] = [];
  let top = 80;
  for (const part of parts) {
    const placed = part(top);
    words.push(...placed);
    top = Math.max(...placed.map((made) => made.box.bottom)) + 24;
  }
  const { lines, blocks } = layoutPage(words);
  const laidOut: Page = { number, width: 612, height: 792, words, lines, blocks };
  orderPage(laidOut);
  return laidOut;
}

const body = (top: number) => paragraphWords(BODY, 72, top + 8);

function headings(pages: readonly Page[]): string[] {
  markHeadings(pages, documentBodyStyle(pages));
  return pages.flatMap((laidOut) =>
    laidOut.blocks
      .filter((block) => block.type !== "text")
      .map((block) => `${block.type} ${block.headingLevel}: ${block.text}`),
  );
}

describe("markHeadings", () => {
  it("finds larger and numbered bold headings and levels them by number and style", () => {
    const pages = [
      page(1, [(top) => styled("A Study of Things", 72, top + 20, 20), body]),
      page(2, [
        (top) => styled("1 Introduction", 72, top + 14, 14, { bold: true }),
        body,
        (top) => styled("1.1 Background", 72, top + 10, 10, { bold: true }),
        body,
        (top) => styled("Remarks", 72, top + 10, 10, { bold: true }),
        body,
      ]),
    ];
    assert.deepEqual(headings(pages), [
      "heading 1: A Study of Things",
      "heading 1: 1 Introduction",
      "section_heading 2: 1.1 Background",
      "section_heading 2: Remarks",
    ]);
  });

  it("ranks unnumbered heading styles by size", () => {
    const pages = [1, 2].map((number) =>
      page(number, [
        (top) => styled(`Chapter title ${number}`, 72, top + 18, 18),
        body,
        (top) => styled(`Section title ${number}`, 72, top + 14, 14),
        body,
      ]),
    );
    assert.deepEqual(headings(pages), [
      "heading 1: Chapter title 1",
      "section_heading 2: Section title 1",
      "heading 1: Chapter title 2",
      "section_heading 2: Section title 2",
    ]);
  });

  it("takes a line in a font other than the body's as emphasis when weight is unknown, but not code", () => {
    const pages = [
      page(1, [
        (top) => styled("Overview of results", 72, top + 10, 10, { fontId: "f2" }),
        body,
        (top) =>
          styled("SELECT name FROM users", 72, top + 10, 10, { fontId: "f3", fontFamily: "monospace" }),
        body,
      ]),
    ];
    assert.deepEqual(headings(pages), ["heading 1: Overview of results"]);
  });

  it("leaves sentences, captions, small labels, amounts, asides and lists of names alone", () => {
    const pages = [
      page(1, [
        (top) => styled("This bold line ends like a sentence.", 72, top + 10, 10, { bold: true }),
        body,
        (top) => styled("Figure 3. Results by year", 72, top + 14, 14),
        body,
        (top) => styled("Small bold label", 72, top + 8, 8, { bold: true }),
        body,
        (top) => styled("Rs 1939", 72, top + 12, 12, { bold: true }),
        body,
        (top) => styled("(Authorized Signatory)", 72, top + 12, 12, { bold: true }),
        body,
        (top) => styled("Jane Doe", 400, top + 12, 12),
        (top) => styled("John Roe", 400, top + 12, 12),
        (top) => styled("Ann Poe", 400, top + 12, 12),
      ]),
    ];
    assert.deepEqual(headings(pages), []);
  });

  it("leaves the labels of a syntax figure alone when each is followed by a one-line note", () => {
    const note = (text: string) => (top: number) => styled(text, 72, top + 8, 8);
    const pages = [
      page(1, [
        body,
        (top) => styled("CREATE PERMISSION name", 72, top + 12, 12, { bold: true }),
        note("Names the row permission"),
        (top) => styled("ON table name", 72, top + 12, 12, { bold: true }),
        note("Identifies the table"),
        (top) => styled("FOR ROWS", 72, top + 12, 12, { bold: true }),
        body,
      ]),
    ];
    assert.deepEqual(headings(pages), []);
  });
});

describe("markHeadings on figure labels", () => {
  it("keeps counting a run of labels across the figure placed among them", () => {
    const label = (text: string) => (top: number) => styled(text, 72, top + 12, 12, { bold: true });
    const laidOut = page(1, [body, label("CREATE PERMISSION"), label("ON table"), label("FOR ROWS"), body]);
    const at = laidOut.blocks.findIndex((block) => block.text === "FOR ROWS");
    const drawing = {
      type: "figure" as const,
      text: "",
      box: { left: 300, top: 0, right: 500, bottom: 50 },
      lines: [],
    };
    laidOut.blocks.splice(at, 0, { ...drawing, figure: { figureType: "diagram" } });
    assert.deepEqual(
      headings([laidOut]).filter((found) => !found.startsWith("figure")),
      [],
    );
  });
});

describe("markHeadings on covers and wrapped titles", () => {
  it("joins a heading's wrapped second line into one heading", () => {
    const pages = [
      page(1, [
        (top) => [
          ...styled("Chapter 1. Securing and protecting", 72, top + 20, 20, { bold: true }),
          ...styled("the data", 150, top + 44, 20, { bold: true }),
        ],
        body,
      ]),
    ];
    assert.deepEqual(headings(pages), ["heading 1: Chapter 1. Securing and protecting the data"]);
  });

  it("keeps two headings apart when a gap wider than a line's leading separates them", () => {
    const pages = [
      page(1, [
        (top) => styled("Implement roles", 72, top + 20, 20, { bold: true }),
        (top) => styled("Leverage permissions", 72, top + 20, 20, { bold: true }),
        body,
      ]),
    ];
    assert.deepEqual(headings(pages), ["heading 1: Implement roles", "heading 1: Leverage permissions"]);
  });

  it("does not take the last line of a page's content (a cover's imprint) for a heading", () => {
    const pages = [
      page(1, [
        (top) => styled("Introduction", 72, top + 20, 20),
        body,
        (top) => styled("Redpaper", 72, top + 30, 30),
      ]),
    ];
    assert.deepEqual(headings(pages), ["heading 1: Introduction"]);
  });
});

describe("sectionDepth", () => {
  it("reads the depth of leading section numbers", () => {
    assert.equal(sectionDepth("2 Methods"), 1);
    assert.equal(sectionDepth("2.1 Data"), 2);
    assert.equal(sectionDepth("2.1.3. Cleaning"), 3);
    assert.equal(sectionDepth("Chapter 4 Results"), 1);
    assert.equal(sectionDepth("A.2 Proofs"), 2);
    assert.equal(sectionDepth("IV. Discussion"), 1);
    assert.equal(sectionDepth("2024 was a good year"), undefined);
    assert.equal(sectionDepth("Methods"), undefined);
  });

  it("reads the hyphenated section numbers of Persian and Arabic documents", () => {
    assert.equal(sectionDepth("3- پذيرش در بورس"), 1);
    assert.equal(sectionDepth("2-5- استاندارد کالا"), 2);
    assert.equal(sectionDepth("۲-۵- استاندارد کالا"), 2);
    assert.equal(sectionDepth("2-5 years of growth"), undefined, "a range has no closing hyphen");
  });
});
