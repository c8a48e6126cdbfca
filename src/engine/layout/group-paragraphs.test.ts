import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Word } from "../document/word.ts";
import { paragraphWords as lines, sentence } from "../test-support/words.ts";
import { groupLines } from "./group-lines.ts";
import { groupParagraphs } from "./group-paragraphs.ts";

function paragraphs(words: readonly Word[]): string[] {
  return groupParagraphs(groupLines(words)).map((block) => block.text);
}

const BODY = [
  "Lorem ipsum dolor sit amet consectetur adipiscing elit",
  "sed do eiusmod tempor incididunt ut labore et dolore",
  "magna aliqua ut enim ad minim veniam quis nostrud",
];

describe("groupParagraphs", () => {
  it("separates a larger heading from the body lines it stands over", () => {
    const words = [...sentence("Introduction", 72, 80, 18), ...lines(BODY, 72, 104)];
    assert.deepEqual(paragraphs(words), ["Introduction", BODY.join(" ")]);
  });

  it("breaks paragraphs at a wider vertical gap", () => {
    const words = [...lines(BODY.slice(0, 2), 72, 100), ...lines(BODY.slice(1), 72, 142)];
    assert.deepEqual(paragraphs(words), [BODY.slice(0, 2).join(" "), BODY.slice(1).join(" ")]);
  });

  it("keeps an indented first line with its paragraph, and starts a new one at the next indent", () => {
    const words = [
      ...lines([BODY[0]!], 90, 100),
      ...lines(BODY.slice(1), 72, 112),
      ...lines([BODY[0]!], 90, 136),
      ...lines([BODY[1]!], 72, 148),
    ];
    const blocks = paragraphs(words);
    assert.deepEqual(blocks, [BODY.join(" "), `${BODY[0]} ${BODY[1]}`]);
  });

  it("keeps side-by-side columns apart", () => {
    const column = ["alpha beta gamma delta", "epsilon zeta eta theta", "iota kappa lambda mu"];
    const words = [
      ...lines(column, 72, 100),
      ...lines(
        column.map((line) => line.toUpperCase()),
        320,
        100,
      ),
    ];
    assert.deepEqual(paragraphs(words), [column.join(" "), column.join(" ").toUpperCase()]);
  });

  it("joins a hyphenated line end without a space", () => {
    assert.deepEqual(paragraphs(lines(["a long docu-", "ment here"], 72, 100)), ["a long docu-ment here"]);
  });

  it("joins a line ending in a closed-up dash without a space, and keeps the space of a spaced one", () => {
    assert.deepEqual(
      paragraphs(lines(["from clunky typewriters to platforms—", "reflects progress"], 72, 100)),
      ["from clunky typewriters to platforms—reflects progress"],
    );
    assert.deepEqual(
      paragraphs(lines(["from clunky typewriters to platforms —", "reflects progress"], 72, 100)),
      ["from clunky typewriters to platforms — reflects progress"],
    );
  });

  it("keeps each table of contents entry apart, a wrapped title with its entry", () => {
    const words = lines(
      [
        "Notices . . . . . . . . . . . . . . . . . . . . . . vii",
        "Trademarks . . . . . . . . . . . . . . . . . . . . viii",
        "2.1.1 DDM and DRDA application server access with a long",
        "title that wraps . . . . . . . . . . . . . . . . . 8",
      ],
      72,
      100,
    );
    assert.deepEqual(paragraphs(words), [
      "Notices . . . . . . . . . . . . . . . . . . . . . . vii",
      "Trademarks . . . . . . . . . . . . . . . . . . . . viii",
      "2.1.1 DDM and DRDA application server access with a long title that wraps . . . . . . . . . . . . . . . . . 8",
    ]);
  });

  it("closes a paragraph after a short line that ends a sentence", () => {
    const words = lines([BODY[0]!, BODY[1]!, "the end.", BODY[2]!], 72, 100);
    assert.deepEqual(paragraphs(words), [`${BODY[0]} ${BODY[1]} the end.`, BODY[2]!]);
  });

  it("starts a list item at each marker and keeps its hanging lines with it", () => {
    const words = [
      ...lines(["Some intro text that leads into a list of items:"], 72, 100),
      ...sentence("• First item that runs long enough to wrap onto", 72, 116),
      ...lines(["a second line hanging at the item text"], 82, 128),
      ...sentence("• Second item", 72, 140),
      ...lines(["Back to the body text at the left margin again."], 72, 156),
    ];
    const blocks = groupParagraphs(groupLines(words));
    assert.deepEqual(
      blocks.map((block) => [block.text, block.listItem?.marker]),
      [
        ["Some intro text that leads into a list of items:", undefined],
        ["• First item that runs long enough to wrap onto a second line hanging at the item text", "•"],
        ["• Second item", "•"],
        ["Back to the body text at the left margin again.", undefined],
      ],
    );
    assert.deepEqual(blocks[1]!.listItem, { marker: "•", ordered: false, level: 0 });
  });

  it("keeps a sentence wrapped back under the marker with its item, but not the next paragraph", () => {
    const words = [
      ...sentence("• Form 1099-DIV (dividends, including those from stocks or mutual", 72, 100),
      ...sentence("funds).", 72, 109),
      ...sentence("• Form 1099-C (canceled debt).", 72, 121),
      ...sentence("Use Form W-9 only if you are a U.S. person.", 72, 133),
    ];
    assert.deepEqual(
      groupParagraphs(groupLines(words)).map((block) => block.text),
      [
        "• Form 1099-DIV (dividends, including those from stocks or mutual funds).",
        "• Form 1099-C (canceled debt).",
        "Use Form W-9 only if you are a U.S. person.",
      ],
    );
  });

  it("keeps an asterisk note a note when the page marks words with it, each note a block", () => {
    const notes = [
      ...sentence("Weight 5.3** 7.5*", 72, 100),
      ...sentence("* Significantly different from the control group", 72, 124),
      ...sentence("** P below 0.01", 72, 136),
    ];
    assert.deepEqual(
      groupParagraphs(groupLines(notes)).map((block) => [block.text, block.listItem?.marker]),
      [
        ["Weight 5.3** 7.5*", undefined],
        ["* Significantly different from the control group", undefined],
        ["** P below 0.01", undefined],
      ],
    );
    // Without such marks on the page an asterisk opens a list item.
    const list = groupParagraphs(groupLines(sentence("* Significantly different", 72, 124)));
    assert.equal(list[0]!.listItem?.marker, "*");
  });

  it("marks numbered items as ordered", () => {
    const blocks = groupParagraphs(groupLines(lines(["1. Mix the flour", "2. Add the water"], 72, 100)));
    assert.deepEqual(
      blocks.map((block) => block.listItem?.ordered),
      [true, true],
    );
  });

  it("gives a block the box of its lines", () => {
    const [block] = groupParagraphs(groupLines(lines(BODY, 72, 100)));
    assert.ok(block !== undefined);
    assert.equal(block.lines.length, 3);
    assert.deepEqual(block.box, { left: 72, top: 92.5, right: 72 + BODY[0]!.length * 5, bottom: 126.5 });
  });
});
