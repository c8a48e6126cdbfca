import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Extend } from "extend-ai";
import { strToU8, unzipSync, zipSync } from "fflate";
import type { Block } from "../../document/block.ts";
import { parseDocument } from "../../pipeline/parse-document.ts";
import { blockMarkdown } from "../../render/block-markdown.ts";
import { docxPackage, paragraph } from "../../test-support/office-fixtures.ts";
import { DocxDocumentSource } from "./docx-document-source.ts";
import { unzipOffice } from "./office-zip.ts";

const STYLES =
  '<w:style w:styleId="Title"><w:name w:val="Title"/></w:style>' +
  '<w:style w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>' +
  '<w:style w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>';

const NUMBERING =
  '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>' +
  '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>' +
  '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>' +
  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>';

const numbered = (text: string, numId: number, ilvl = 0) =>
  paragraph(text, `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);

async function blocksOf(body: string, options = { changeTracking: false }, extra = {}): Promise<Block[][]> {
  const source = DocxDocumentSource.open(
    unzipOffice(docxPackage({ body, styles: STYLES, numbering: NUMBERING, ...extra })),
    options,
  );
  const pages: Block[][] = [];
  for (let number = 1; number <= source.pageCount; number++) {
    const page = await source.readPage(number);
    assert.equal(page.width, null);
    pages.push(page.blocks);
  }
  return pages;
}

const markdown = (blocks: readonly Block[]) => blocks.map((block) => blockMarkdown(block)).join("\n");

describe("DocxDocumentSource", () => {
  it("reads the title and Heading N styles as heading levels 1 and N + 1", async () => {
    const [blocks] = await blocksOf(
      paragraph("Report", '<w:pStyle w:val="Title"/>') +
        paragraph("Intro", '<w:pStyle w:val="Heading1"/>') +
        paragraph("Details", '<w:pStyle w:val="Heading2"/>') +
        paragraph("Body text."),
    );
    assert.deepEqual(
      blocks!.map((block) => [block.type, block.headingLevel, block.box]),
      [
        ["heading", 1, null],
        ["section_heading", 2, null],
        ["section_heading", 3, null],
        ["text", undefined, null],
      ],
    );
    assert.equal(markdown(blocks!), "# Report\n## Intro\n### Details\nBody text.");
  });

  it("numbers list items from numbering.xml, nested levels included", async () => {
    const [blocks] = await blocksOf(
      numbered("One", 1) +
        numbered("Sub a", 1, 1) +
        numbered("Sub b", 1, 1) +
        numbered("Two", 1) +
        numbered("Dot", 2),
    );
    assert.deepEqual(
      blocks!.map((block) => block.listItem),
      [
        { marker: "1.", ordered: true, level: 0 },
        { marker: "a)", ordered: true, level: 1 },
        { marker: "b)", ordered: true, level: 1 },
        { marker: "2.", ordered: true, level: 0 },
        { marker: "-", ordered: false, level: 0 },
      ],
    );
    assert.equal(markdown(blocks!), "1. One\n   - a) Sub a\n   - b) Sub b\n2. Two\n- Dot");
  });

  it("reads tables with gridSpan and vMerge as spanning cells, tblHeader rows as header rows", async () => {
    const cell = (text: string, tcPr = "") => `<w:tc><w:tcPr>${tcPr}</w:tcPr>${paragraph(text)}</w:tc>`;
    const [blocks] = await blocksOf(
      "<w:tbl>" +
        `<w:tr><w:trPr><w:tblHeader/></w:trPr>${cell("Name")}${cell("Value", '<w:gridSpan w:val="2"/>')}</w:tr>` +
        `<w:tr>${cell("a", '<w:vMerge w:val="restart"/>')}${cell("1")}${cell("2")}</w:tr>` +
        `<w:tr>${cell("", "<w:vMerge/>")}${cell("3")}${cell("4")}</w:tr>` +
        "</w:tbl>",
    );
    const table = blocks![0]!.table!;
    assert.equal(table.rowCount, 3);
    assert.equal(table.columnCount, 3);
    assert.equal(table.headerRowCount, 1);
    assert.deepEqual(
      table.cells.map((c) => [c.rowIndex, c.columnIndex, c.rowSpan, c.columnSpan, c.text]),
      [
        [0, 0, 1, 1, "Name"],
        [0, 1, 1, 2, "Value"],
        [1, 0, 2, 1, "a"],
        [1, 1, 1, 1, "1"],
        [1, 2, 1, 1, "2"],
        [2, 1, 1, 1, "3"],
        [2, 2, 1, 1, "4"],
      ],
    );
    assert.match(blockMarkdown(blocks![0]!, { tableFormat: "html" }), /<th colspan="2">Value<\/th>/u);
    assert.match(blockMarkdown(blocks![0]!, { tableFormat: "html" }), /<td rowspan="2">a<\/td>/u);
  });

  it("keeps accepted text by default and marks tracked changes when change tracking is asked for", async () => {
    const body =
      '<w:p><w:r><w:t xml:space="preserve">The fee is </w:t></w:r>' +
      '<w:ins w:id="1"><w:r><w:t>20</w:t></w:r></w:ins><w:del w:id="2"><w:r><w:delText>10</w:delText></w:r></w:del>' +
      '<w:r><w:t xml:space="preserve"> euros.</w:t></w:r></w:p>';
    const [accepted] = await blocksOf(body);
    assert.equal(accepted![0]!.text, "The fee is 20 euros.");
    const [tracked] = await blocksOf(body, { changeTracking: true });
    assert.equal(tracked![0]!.text, "The fee is <change><ins>20</ins><del>10</del></change> euros.");
  });

  it("shows checkboxes as [x] / [ ] task-list items, pictures as figures, headers as header blocks", async () => {
    const checkbox = (checked: boolean) =>
      `<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="${checked ? 1 : 0}"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>☐</w:t></w:r></w:sdtContent></w:sdt>`;
    const [blocks] = await blocksOf(
      `<w:p>${checkbox(true)}<w:r><w:t xml:space="preserve"> Done</w:t></w:r></w:p>` +
        `<w:p>${checkbox(false)}<w:r><w:t xml:space="preserve"> Open</w:t></w:r></w:p>` +
        paragraph("☒ Glyph") +
        '<w:p><w:r><w:sym w:font="Wingdings" w:char="F0A8"/><w:t xml:space="preserve"> Symbol</w:t></w:r></w:p>' +
        '<w:p><w:r><w:drawing><wp:inline xmlns:wp="wp"><a:graphic xmlns:a="a"><a:graphicData><pic:pic xmlns:pic="pic"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>',
      { changeTracking: false },
      { header: paragraph("ACME Corp") },
    );
    assert.deepEqual(
      blocks!.map((block) => [block.type, blockMarkdown(block)]),
      [
        ["header", "ACME Corp"],
        ["text", "- [x] Done"],
        ["text", "- [ ] Open"],
        ["text", "- [x] Glyph"],
        ["text", "- [ ] Symbol"],
        ["figure", '<figure type="image"></figure>'],
      ],
    );
  });

  it("splits pages at explicit page breaks only", async () => {
    const pages = await blocksOf(
      `${paragraph("First")}<w:p><w:r><w:br w:type="page"/></w:r></w:p>${paragraph("Second")}${paragraph("Third", "<w:pageBreakBefore/>")}`,
    );
    assert.deepEqual(
      pages.map((blocks) => blocks.map((block) => block.text)),
      [["First"], ["Second"], ["Third"]],
    );
  });

  it("converts equations to LaTeX, inline and display", async () => {
    const [blocks] = await blocksOf(
      '<w:p xmlns:m="m"><w:r><w:t xml:space="preserve">Area </w:t></w:r><m:oMath><m:r><m:t>A=π</m:t></m:r><m:sSup><m:e><m:r><m:t>r</m:t></m:r></m:e><m:sup><m:r><m:t>2</m:t></m:r></m:sup></m:sSup></m:oMath></w:p>',
    );
    assert.equal(blocks![0]!.text, "Area $A= \\pi r^{2}$");
    const [display] = await blocksOf(
      '<w:p xmlns:m="m"><m:oMath><m:nary><m:naryPr><m:chr m:val="⋃"/></m:naryPr><m:sub><m:r><m:t>n</m:t></m:r></m:sub><m:sup/><m:e><m:r><m:t>X</m:t></m:r></m:e></m:nary>' +
        "<m:r><m:t>+</m:t></m:r><m:sSup><m:e><m:f><m:num><m:r><m:t>a</m:t></m:r></m:num><m:den><m:r><m:t>b</m:t></m:r></m:den></m:f></m:e><m:sup><m:r><m:t>2</m:t></m:r></m:sup></m:sSup></m:oMath></w:p>",
    );
    // Alone in its paragraph, the equation is a display equation; scripts on a fraction cover it all.
    assert.equal(display![0]!.text, "$$\\bigcup_{n}X+{\\frac{a}{b}}^{2}$$");
  });

  it("shows tracked changes in parse output only when formattingDetection asks for change_tracking", async () => {
    const body =
      '<w:p><w:r><w:t xml:space="preserve">Pay </w:t></w:r><w:ins w:id="1"><w:r><w:t>now</w:t></w:r></w:ins>' +
      '<w:del w:id="2"><w:r><w:delText>later</w:delText></w:r></w:del></w:p>';
    const content = async (config: Extend.ParseConfig) => {
      const outcome = await parseDocument(docxPackage({ body }), {
        format: "docx",
        maxPages: 10,
        chunking: "document",
        config,
      });
      if (outcome.status === "failure") assert.fail(outcome.failureMessage);
      return outcome.output.chunks[0]!.content;
    };
    assert.equal(await content({}), "Pay now");
    assert.equal(
      await content({ advancedOptions: { formattingDetection: [{ type: "change_tracking" }] } }),
      "Pay <change><ins>now</ins><del>later</del></change>",
    );
  });

  it("marks footnote references and lists the notes after the body", async () => {
    const [blocks] = await blocksOf(
      `<w:p><w:r><w:t>Claim</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>${paragraph("End.")}`,
      { changeTracking: false },
      {
        footnotes:
          '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>' +
          `<w:footnote w:id="2">${paragraph("Source: survey.")}</w:footnote>`,
      },
    );
    assert.deepEqual(
      blocks!.map((block) => block.text),
      ["Claim[^1]", "End.", "[^1]: Source: survey."],
    );
  });

  it("reads an altChunk of imported HTML as blocks in place", async () => {
    const files = unzipSync(
      docxPackage({ body: `${paragraph("Before")}<w:altChunk r:id="rIdChunk"/>${paragraph("After")}` }),
    );
    files["word/afchunk.htm"] = strToU8("<html><body><h2>Imported</h2><ul><li>point</li></ul></body></html>");
    files["word/_rels/document.xml.rels"] = strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdChunk" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="afchunk.htm"/></Relationships>',
    );
    const source = DocxDocumentSource.open(unzipOffice(zipSync(files)), { changeTracking: false });
    const page = await source.readPage(1);
    assert.deepEqual(markdown(page.blocks).split("\n"), ["Before", "## Imported", "- point", "After"]);
  });
});
