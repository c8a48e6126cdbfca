import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { strToU8, unzipSync, zipSync } from "fflate";
import { blockMarkdown } from "../../render/block-markdown.ts";
import { pptxPackage, textShape } from "../../test-support/office-fixtures.ts";
import { unzipOffice } from "./office-zip.ts";
import { PptxDocumentSource } from "./pptx-document-source.ts";

const run = (text: string, pPr = "") =>
  `<a:p>${pPr === "" ? "" : `<a:pPr ${pPr}>`}${pPr === "" ? "" : "</a:pPr>"}<a:r><a:t>${text}</a:t></a:r></a:p>`;
const bulleted = (text: string, level: number, bullet: string) =>
  `<a:p><a:pPr lvl="${level}">${bullet}</a:pPr><a:r><a:t>${text}</a:t></a:r></a:p>`;

function open(slides: Parameters<typeof pptxPackage>[0]) {
  return PptxDocumentSource.open(unzipOffice(pptxPackage(slides)), { changeTracking: false });
}

describe("PptxDocumentSource", () => {
  it("makes one page per slide, sized in points, with shape boxes from EMU", async () => {
    const source = open([
      { shapes: textShape(run("First"), { x: 36, y: 20, w: 648, h: 60 }, "title") },
      { shapes: textShape(run("Second"), { x: 36, y: 20, w: 648, h: 60 }, "title") },
    ]);
    assert.equal(source.pageCount, 2);
    const page = await source.readPage(2);
    assert.equal(page.width, 720);
    assert.equal(page.height, 540);
    assert.deepEqual(
      page.blocks.map((block) => [block.type, block.headingLevel, block.text, block.box]),
      [["heading", 1, "Second", { left: 36, top: 20, right: 684, bottom: 80 }]],
    );
  });

  it("reads side-by-side text boxes column by column and bullets as nested list items", async () => {
    const source = open([
      {
        shapes:
          // Tree order puts the right column first; reading order does not.
          textShape(run("Right column"), { x: 400, y: 100, w: 280, h: 300 }) +
          textShape(run("Deck title"), { x: 36, y: 20, w: 648, h: 60 }, "title") +
          textShape(
            run("Intro", "") +
              bulleted("Point", 0, '<a:buChar char="•"/>') +
              bulleted("Detail", 1, '<a:buChar char="•"/>') +
              bulleted("Step", 0, '<a:buAutoNum type="arabicPeriod"/>') +
              bulleted("Step", 0, '<a:buAutoNum type="arabicPeriod"/>'),
            { x: 36, y: 100, w: 300, h: 300 },
          ),
      },
    ]);
    const page = await source.readPage(1);
    assert.deepEqual(
      page.blocks.map((block) => blockMarkdown(block)),
      ["# Deck title", "Intro", "- Point", "   - Detail", "1. Step", "2. Step", "Right column"],
    );
  });

  it("reads tables with spans and header rows, pictures as figures, notes last", async () => {
    const cell = (text: string, attributes = "") =>
      `<a:tc${attributes}><a:txBody><a:bodyPr/><a:p><a:r><a:t>${text}</a:t></a:r></a:p></a:txBody></a:tc>`;
    const table =
      '<p:graphicFrame><p:xfrm><a:off x="0" y="1270000"/><a:ext cx="6350000" cy="1270000"/></p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl><a:tblPr firstRow="1"/>' +
      `<a:tr>${cell("Group", ' gridSpan="2"')}${cell("", ' hMerge="1"')}</a:tr>` +
      `<a:tr>${cell("a")}${cell("b")}</a:tr>` +
      "</a:tbl></a:graphicData></a:graphic></p:graphicFrame>";
    const source = open([{ shapes: table, notes: "Say hello." }]);
    const page = await source.readPage(1);
    assert.deepEqual(
      page.blocks.map((block) => block.type),
      ["table", "text"],
    );
    const parsed = page.blocks[0]!.table!;
    assert.equal(parsed.headerRowCount, 1);
    assert.deepEqual(
      parsed.cells.map((c) => [c.rowIndex, c.columnIndex, c.columnSpan, c.text]),
      [
        [0, 0, 2, "Group"],
        [1, 0, 1, "a"],
        [1, 1, 1, "b"],
      ],
    );
    assert.equal(page.blocks[0]!.box?.top, 100);
    assert.equal(page.blocks[1]!.text, "Notes: Say hello.");
    assert.equal(page.blocks[1]!.box, null);
  });

  it("makes figures of pictures whose image the package holds, not of dangling ones", async () => {
    const picture = (embed: string, x: number) =>
      `<p:pic><p:nvPicPr><p:cNvPr id="4" name="p"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="${embed}"/></p:blipFill><p:spPr><a:xfrm><a:off x="${x * 12_700}" y="0"/><a:ext cx="1270000" cy="1270000"/></a:xfrm></p:spPr></p:pic>`;
    const files = unzipSync(pptxPackage([{ shapes: picture("rIdMissing", 0) + picture("rIdImage", 200) }]));
    files["ppt/media/image1.png"] = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    files["ppt/slides/_rels/slide1.xml.rels"] = strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdImage" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/image1.png"/></Relationships>',
    );
    const page = await PptxDocumentSource.open(unzipOffice(zipSync(files)), {
      changeTracking: false,
    }).readPage(1);
    assert.deepEqual(
      page.blocks.map((block) => [block.type, block.figure?.figureType, block.box]),
      [["figure", "image", { left: 200, top: 0, right: 300, bottom: 100 }]],
    );
  });

  it("reads slide-number and footer placeholders as page furniture", async () => {
    const source = open([
      {
        shapes:
          textShape(run("Body"), { x: 36, y: 100, w: 648, h: 300 }) +
          textShape(run("Confidential"), { x: 36, y: 500, w: 300, h: 20 }, "ftr") +
          textShape(run("7"), { x: 600, y: 500, w: 80, h: 20 }, "sldNum"),
      },
    ]);
    const page = await source.readPage(1);
    assert.deepEqual(
      page.blocks.map((block) => [block.type, blockMarkdown(block)]),
      [
        ["text", "Body"],
        ["footer", "Confidential"],
        ["page_number", "<page_number>7</page_number>"],
      ],
    );
  });

  it("reads SmartArt as a diagram figure carrying its node text", async () => {
    const frame =
      '<p:graphicFrame><p:xfrm><a:off x="0" y="0"/><a:ext cx="1270000" cy="1270000"/></p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/diagram"><dgm:relIds xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" r:dm="rIdData"/></a:graphicData></a:graphic></p:graphicFrame>';
    const files = unzipSync(pptxPackage([{ shapes: frame }]));
    files["ppt/diagrams/data1.xml"] = strToU8(
      '<dgm:dataModel xmlns:dgm="d" xmlns:a="a"><dgm:ptLst><dgm:pt><dgm:t><a:p><a:r><a:t>Plan</a:t></a:r></a:p></dgm:t></dgm:pt><dgm:pt><dgm:t><a:p><a:r><a:t>Build</a:t></a:r></a:p></dgm:t></dgm:pt></dgm:ptLst></dgm:dataModel>',
    );
    files["ppt/slides/_rels/slide1.xml.rels"] = strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdData" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/diagramData" Target="../diagrams/data1.xml"/></Relationships>',
    );
    const page = await PptxDocumentSource.open(unzipOffice(zipSync(files)), {
      changeTracking: false,
    }).readPage(1);
    assert.deepEqual(
      page.blocks.map((block) => [block.type, block.figure?.figureType, block.text]),
      [["figure", "diagram", "Plan\nBuild"]],
    );
  });
});
