import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Block } from "../document/block.ts";
import { emptyPage } from "../document/page.ts";
import { blockMarkdown, joinMarkdown } from "./block-markdown.ts";
import { renderOutput } from "./wire-output.ts";

function block(type: Block["type"], text: string, extra: Partial<Block> = {}): Block {
  return { type, text, box: { left: 72, top: 100, right: 200, bottom: 110 }, lines: [], ...extra };
}

describe("blockMarkdown", () => {
  it("renders headings at their level", () => {
    assert.equal(blockMarkdown(block("heading", "Results", { headingLevel: 1 })), "# Results");
    assert.equal(blockMarkdown(block("section_heading", "2.1 Data", { headingLevel: 2 })), "## 2.1 Data");
    assert.equal(
      blockMarkdown(block("section_heading", "2.1.3 Cleaning", { headingLevel: 3 })),
      "### 2.1.3 Cleaning",
    );
  });

  it("renders list items as markdown items, indented by level", () => {
    const bullet = block("text", "• Apples", { listItem: { marker: "•", ordered: false, level: 0 } });
    const nested = block("text", "– Pears", { listItem: { marker: "–", ordered: false, level: 1 } });
    const numbered = block("text", "2. Mix", { listItem: { marker: "2.", ordered: true, level: 0 } });
    const lettered = block("text", "b) Stir", { listItem: { marker: "b)", ordered: true, level: 1 } });
    const symbol = block("text", "r\u0001 Database", { listItem: { marker: "r", ordered: false, level: 0 } });
    assert.deepEqual(
      [bullet, nested, numbered, lettered, symbol].map((item) => blockMarkdown(item)),
      ["- Apples", "   - Pears", "2. Mix", "   - b) Stir", "- Database"],
    );
  });

  it("escapes tag-like text read off a page but passes markdown inputs through", () => {
    assert.equal(
      blockMarkdown(block("text", "over the <lazy> dog &amp; 4) x")),
      "over the \\<lazy> dog \\&amp; 4) x",
    );
    assert.equal(
      blockMarkdown(block("text", "a <b>bold</b> &amp; text", { box: null })),
      "a <b>bold</b> &amp; text",
    );
  });

  it("renders checkbox items as a markdown task list", () => {
    const checked = block("text", "[x] Married", { listItem: { marker: "[x]", ordered: false, level: 0 } });
    const open = block("text", "[ ] Single", { listItem: { marker: "[ ]", ordered: false, level: 1 } });
    assert.deepEqual(
      [checked, open].map((item) => blockMarkdown(item)),
      ["- [x] Married", "   - [ ] Single"],
    );
  });

  it("annotates barcodes in the enrichment format, empty when not read", () => {
    const code = block("barcode", "4006381333931", { barcode: { format: "EAN13", value: "4006381333931" } });
    assert.equal(blockMarkdown(code), "<barcode>4006381333931</barcode>");
    assert.equal(blockMarkdown(code, { enrichmentFormat: "bracket" }), "[barcode: 4006381333931]");
    const unread = block("barcode", "", { barcode: { format: "QRCode" } });
    assert.equal(blockMarkdown(unread), "<barcode></barcode>");
    assert.equal(blockMarkdown(unread, { enrichmentFormat: "bracket" }), "[barcode]");
  });

  it("annotates page numbers in the enrichment format and keeps furniture text as is", () => {
    const folio = block("page_number", "12");
    assert.equal(blockMarkdown(folio), "<page_number>12</page_number>");
    assert.equal(blockMarkdown(folio, { enrichmentFormat: "bracket" }), "[page_number: 12]");
    assert.equal(blockMarkdown(block("footer", "© ACME 2024")), "© ACME 2024");
    assert.equal(blockMarkdown(block("key_value", "Total: $4\nDue: May 1")), "Total: $4\nDue: May 1");
  });
});

describe("joinMarkdown", () => {
  it("separates blocks by a blank line but keeps consecutive list items in one list", () => {
    assert.equal(
      joinMarkdown([
        { content: "Intro:", listItem: false },
        { content: "- a", listItem: true },
        { content: "- b", listItem: true },
        { content: "", listItem: false },
        { content: "After.", listItem: false },
      ]),
      "Intro:\n\n- a\n- b\n\nAfter.",
    );
  });
});

describe("renderOutput with block types", () => {
  it("gives key-value blocks their details type and other blocks empty details", () => {
    const page = emptyPage(1, 612, 792);
    const output = renderOutput(
      [
        {
          type: "page",
          pageRange: { start: 1, end: 1 },
          blocks: [
            { page, block: block("section_heading", "Totals", { headingLevel: 2 }) },
            { page, block: block("key_value", "Total: $4") },
          ],
        },
      ],
      { enrichmentFormat: "xml" },
    );
    const [heading, keyValue] = output.chunks[0]!.blocks;
    assert.deepEqual([heading!.type, heading!.details], ["section_heading", {}]);
    assert.deepEqual([keyValue!.type, keyValue!.details], ["key_value", { type: "key_value_details" }]);
    assert.equal(output.chunks[0]!.content, "## Totals\n\nTotal: $4");
  });

  it("fences a code listing as printed, longer than any backtick run inside, without escapes", () => {
    const box = { left: 0, top: 0, right: 10, bottom: 10 };
    assert.equal(
      blockMarkdown(block("text", "if (a < b)\n  x = `y`;", { code: true, box })),
      "```\nif (a < b)\n  x = `y`;\n```",
    );
    assert.equal(blockMarkdown(block("text", "echo ```", { code: true, box })), "````\necho ```\n````");
  });
});
