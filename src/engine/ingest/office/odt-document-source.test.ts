import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { strToU8, zipSync } from "fflate";
import { blockMarkdown } from "../../render/block-markdown.ts";
import { OdtDocumentSource } from "./odt-document-source.ts";
import { unzipOffice } from "./office-zip.ts";

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"';

function odt(body: string): Uint8Array {
  return zipSync({
    mimetype: strToU8("application/vnd.oasis.opendocument.text"),
    "content.xml": strToU8(
      `<office:document-content ${NS}><office:automatic-styles><text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-format="1"/><text:list-level-style-bullet text:level="2"/></text:list-style></office:automatic-styles><office:body><office:text>${body}</office:text></office:body></office:document-content>`,
    ),
  });
}

async function markdown(body: string): Promise<string[]> {
  const page = await OdtDocumentSource.open(unzipOffice(odt(body))).readPage(1);
  return page.blocks.map((block) => blockMarkdown(block));
}

describe("OdtDocumentSource", () => {
  it("reads headings, paragraphs with spaces and breaks, and nested lists by their list style", async () => {
    assert.deepEqual(
      await markdown(
        '<text:p text:style-name="Title">Report</text:p><text:h text:outline-level="1">Scope</text:h>' +
          '<text:p>Two<text:s text:c="2"/>spaces<text:line-break/>next<text:note><text:note-body><text:p>fn</text:p></text:note-body></text:note></text:p>' +
          '<text:list text:style-name="L1"><text:list-item><text:p>One</text:p><text:list><text:list-item><text:p>Dot</text:p></text:list-item></text:list></text:list-item>' +
          "<text:list-item><text:p>Two</text:p></text:list-item></text:list>",
      ),
      ["# Report", "## Scope", "Two spaces\nnext", "1. One", "   - Dot", "2. Two"],
    );
  });

  it("reads tables with header rows and spans, and images as figures", async () => {
    const page = await OdtDocumentSource.open(
      unzipOffice(
        odt(
          "<table:table><table:table-header-rows><table:table-row>" +
            '<table:table-cell table:number-columns-spanned="2"><text:p>Head</text:p></table:table-cell><table:covered-table-cell/>' +
            "</table:table-row></table:table-header-rows><table:table-row>" +
            "<table:table-cell><text:p>a</text:p></table:table-cell><table:table-cell><text:p>b</text:p></table:table-cell>" +
            "</table:table-row></table:table><text:p><draw:frame><draw:image/></draw:frame></text:p>",
        ),
      ),
    ).readPage(1);
    const table = page.blocks[0]!.table!;
    assert.equal(table.headerRowCount, 1);
    assert.deepEqual(
      table.cells.map((cell) => [cell.rowIndex, cell.columnIndex, cell.columnSpan, cell.text]),
      [
        [0, 0, 2, "Head"],
        [1, 0, 1, "a"],
        [1, 1, 1, "b"],
      ],
    );
    assert.equal(page.blocks[1]!.type, "figure");
  });
});
