/**
 * Layout on real documents from ../shared/corpus (read-only): headings, lists, page furniture and reading
 * order through the whole pipeline, checked against what a reader sees and against docling's ground truth
 * where it has one. Assertions name what must hold, not the exact output, so small layout changes that
 * keep the reading intact do not break them.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { Extend } from "extend-ai";
import { corpusFile } from "../test-support/pdf-fixtures.ts";
import { parseDocument } from "./parse-document.ts";

const DOCLING = "docling-groundtruth/pdf/";
const OPTIONS = { format: "pdf", maxPages: 100, chunking: "page" } as const;

async function parse(file: string): Promise<Extend.Chunk[]> {
  const outcome = await parseDocument(corpusFile(file), OPTIONS);
  assert.notEqual(outcome.status, "failure");
  return outcome.status === "failure" ? [] : outcome.output.chunks;
}

/** Index in reading order of the first block whose content contains `text`. */
function indexOf(blocks: readonly Extend.Block[], text: string): number {
  const index = blocks.findIndex((block) => block.content.includes(text));
  assert.ok(index >= 0, `no block contains "${text}"`);
  return index;
}

function blockWith(blocks: readonly Extend.Block[], text: string): Extend.Block {
  return blocks[indexOf(blocks, text)]!;
}

/** Section headers of docling's ground truth, whitespace folded. */
function groundTruthHeadings(name: string): string[] {
  const json = JSON.parse(new TextDecoder().decode(corpusFile(`${DOCLING}groundtruth/${name}.json`))) as {
    texts: Array<{ label: string; text: string }>;
  };
  return json.texts
    .filter((text) => text.label === "section_header" || text.label === "title")
    .map((text) => fold(text.text));
}

function fold(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

describe("layout on corpus documents", () => {
  describe("a two-column paper page (2305.03393v1-pg9)", () => {
    let blocks: Extend.Block[] = [];
    before(async () => {
      blocks = (await parse(`${DOCLING}sources/2305.03393v1-pg9.pdf`))[0]!.blocks;
    });

    it("finds the numbered section headings at level 2", () => {
      const headings = blocks
        .filter((block) => block.type === "section_heading")
        .map((block) => block.content);
      assert.deepEqual(headings, ["## 5.1 Hyper Parameter Optimization", "## 5.2 Quantitative Results"]);
    });

    it("reads each heading before its section's text", () => {
      assert.ok(indexOf(blocks, "5.1 Hyper") < indexOf(blocks, "We have chosen the PubTabNet"));
      assert.ok(indexOf(blocks, "We have chosen the PubTabNet") < indexOf(blocks, "5.2 Quantitative"));
      assert.ok(indexOf(blocks, "5.2 Quantitative") < indexOf(blocks, "We picked the model"));
    });

    it("takes the running head and the folio of a single page as header and page number", () => {
      assert.equal(blockWith(blocks, "Optimized Table Tokenization").type, "header");
      assert.equal(blockWith(blocks, "<page_number>9</page_number>").type, "page_number");
      assert.deepEqual(
        blocks.slice(0, 2).map((block) => block.type),
        ["header", "page_number"],
      );
    });
  });

  describe("a two-column handbook page with a narrow gutter (amt_handbook_sample)", () => {
    let blocks: Extend.Block[] = [];
    before(async () => {
      blocks = (await parse(`${DOCLING}sources/amt_handbook_sample.pdf`))[0]!.blocks;
    });

    it("keeps each column's sentences together instead of joining lines across the gutter", () => {
      assert.match(
        blockWith(blocks, "pulleys, provided").content,
        /^pulleys, provided the inner race of the bearing is clamped to the supporting structure by the nut and bolt\./u,
      );
      assert.match(
        blockWith(blocks, "The two general types").content,
        /currently in use are the all-metal type and the fiber lock type\./u,
      );
    });

    it("reads the whole left column before the right one", () => {
      // The page's drawings overlap across the gutter and form one figure spanning both columns: left out.
      const body = blocks.filter(
        (block) => block.boundingBox.top! < 520 && block.type !== "page_number" && block.type !== "figure",
      );
      const firstRight = body.findIndex((block) => block.boundingBox.left! > 300);
      assert.ok(firstRight > 0);
      assert.ok(body.slice(firstRight).every((block) => block.boundingBox.left! > 300));
    });

    it("finds the headings of both columns and the chapter-page folio", () => {
      for (const heading of [
        "Boots Self-Locking Nut",
        "Stainless Steel Self-Locking Nut",
        "Elastic Stop Nut",
      ])
        assert.ok(["heading", "section_heading"].includes(blockWith(blocks, heading).type), heading);
      assert.equal(blocks[blocks.length - 1]!.content, "<page_number>7-45</page_number>");
    });
  });

  describe("a book sample with running footers (redp5110_sampled)", () => {
    let chunks: Extend.Chunk[] = [];
    before(async () => {
      chunks = await parse(`${DOCLING}sources/redp5110_sampled.pdf`);
    });
    const page = (number: number) => chunks[number - 1]!.blocks;

    it("detects page numbers, arabic and roman, as page_number blocks", () => {
      const folios = chunks.flatMap((chunk) =>
        chunk.blocks.filter((block) => block.type === "page_number").map((block) => block.content),
      );
      for (const folio of ["iii", "xi", "1", "2", "10", "27", "124"])
        assert.ok(folios.includes(`<page_number>${folio}</page_number>`), folio);
    });

    it("detects the running footers and puts furniture last on the page", () => {
      for (const number of [2, 4, 5])
        assert.equal(blockWith(page(number), "© Copyright IBM Corp. 2014").type, "footer", `page ${number}`);
      for (const number of [6, 7, 8, 12])
        assert.equal(blockWith(page(number), "Row and Column Access Control Support").type, "footer");
      assert.deepEqual(
        page(6)
          .slice(-2)
          .map((block) => block.type)
          .sort(),
        ["footer", "page_number"],
      );
    });

    it("finds docling's section headings, at levels that follow their numbering", () => {
      const ours = new Set(
        chunks.flatMap((chunk) =>
          chunk.blocks
            .filter((block) => block.type === "heading" || block.type === "section_heading")
            .map((block) => fold(block.content.replace(/^#+ /u, ""))),
        ),
      );
      const expected = groundTruthHeadings("redp5110_sampled").filter((text) => /\p{L}/u.test(text));
      const found = expected.filter((text) => ours.has(text));
      assert.ok(
        found.length >= expected.length - 2,
        `missing: ${expected.filter((text) => !ours.has(text))}`,
      );
      assert.equal(blockWith(page(6), "Security fundamentals").content, "## 1.1 Security fundamentals");
      assert.equal(
        blockWith(page(7), "Existing row and column").content,
        "### 1.3.1 Existing row and column control",
      );
      assert.equal(blockWith(page(5), "Securing and protecting").type, "heading");
    });

    it("renders bullet lists as markdown lists in the page content", () => {
      assert.match(
        chunks[4]!.content,
        /\n- Security fundamentals\n- Current state of IBM i security\n- DB2 for i security controls\n/u,
      );
      assert.match(chunks[7]!.content, /\n- Work Function Usage \(WRKFCNUSG\)\n- Change Function Usage/u);
    });
  });

  describe("a Korean two-column report (normal_4pages)", () => {
    let chunks: Extend.Chunk[] = [];
    before(async () => {
      chunks = await parse(`${DOCLING}sources/normal_4pages.pdf`);
    });

    it("reads the left column of a page before the right one", () => {
      const blocks = chunks[1]!.blocks;
      assert.ok(indexOf(blocks, "다만, 갑작스러운") < indexOf(blocks, "대신에 「감염병예방법」"));
      assert.ok(indexOf(blocks, "4) 2. 가. ~ 더.") < indexOf(blocks, "정된 법에서 이들은"));
    });

    it("takes the title repeated atop later pages as a running header", () => {
      for (const number of [2, 4]) assert.equal(chunks[number - 1]!.blocks[0]!.type, "header");
    });
  });

  it("finds every heading of a word-processor export (multi_page) and its numbered lists", async () => {
    const chunks = await parse(`${DOCLING}sources/multi_page.pdf`);
    const ours = chunks.flatMap((chunk) =>
      chunk.blocks.filter((block) => block.type === "heading").map((block) => fold(block.content.slice(2))),
    );
    assert.deepEqual(ours, groundTruthHeadings("multi_page"));
    assert.match(chunks[2]!.content, /\n1\. Undo\/Redo: .*\n2\. Spell Check and Grammar Check:/u);
  });

  describe("a survey form whose checkboxes are symbol-font glyphs (table_mislabeled_as_picture)", () => {
    it("reads the white square glyphs as empty checkboxes, one task-list item per answer", async () => {
      const [chunk] = await parse(`${DOCLING}sources/table_mislabeled_as_picture.pdf`);
      const content = chunk!.content;
      assert.match(content, /^- \[ \] They work in parallel to State funded private practitioners/mu);
      assert.match(
        content,
        /\n {3}- \[ \] Yes, at the national \(federal\) level\n {3}- \[ \] Yes, at regional/u,
      );
      // Every answer of question 25 is a box of its own.
      const answers = content.slice(content.indexOf("25. "), content.indexOf("26. "));
      assert.equal(answers.match(/- \[ \] /gu)?.length, 4);
      // The raw glyph (U+0084) is nowhere left.
      assert.doesNotMatch(content, /\x84/u);
    });
  });

  describe("an Arabic page with a banner of arrows (right_to_left_02)", () => {
    it("reads the labels inside the drawn arrows as text, not as a table", async () => {
      const [chunk] = await parse(`${DOCLING}sources/right_to_left_02.pdf`);
      assert.ok(!chunk!.blocks.some((block) => block.type === "table"));
      assert.ok(chunk!.blocks.some((block) => block.type === "text" && block.content.includes("تحقيق")));
    });
  });

  describe("code listings", () => {
    it("fences a TeX listing as printed (code_and_formula)", async () => {
      const [chunk] = await parse(`${DOCLING}sources/code_and_formula.pdf`);
      const listing = blockWith(chunk!.blocks, "console.log");
      assert.equal(listing.type, "text");
      assert.equal(
        listing.content,
        "```\nfunction add(a, b) {\n     return a + b;\n}\nconsole.log(add(3, 5));\n```",
      );
    });

    it("keeps an SQL listing's aligned columns as code, not a table (redp5110 p13)", async () => {
      const chunks = await parse(`${DOCLING}sources/redp5110_sampled.pdf`);
      const blocks = chunks[12]!.blocks;
      const listing = blockWith(blocks, "CREATE MASK");
      assert.equal(listing.type, "text");
      assert.match(
        listing.content,
        /^```\nCREATE MASK {3}HR_SCHEMA\.MASK_TAX_ID_ON_EMPLOYEES\nON {12}HR_SCHEMA\.EMPLOYEES AS EMPLOYEES\n/u,
      );
      assert.ok(!blocks.some((block) => block.type === "table"));
      // The prose around it stays prose.
      assert.equal(blockWith(blocks, "To implement this column mask").content.startsWith("```"), false);
    });
  });
});
