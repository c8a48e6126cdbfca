import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decodeText, TextDocumentSource } from "./text-document-source.ts";

describe("TextDocumentSource", () => {
  it("is one page without geometry whose blocks are the blank-line-separated paragraphs", async () => {
    const source = new TextDocumentSource(
      new TextEncoder().encode("Title\r\n\r\nFirst line\nsecond line\n \n\nEnd\n"),
    );
    assert.equal(source.pageCount, 1);
    const page = await source.readPage(1);
    assert.deepEqual([page.number, page.width, page.height], [1, null, null]);
    assert.deepEqual(
      page.blocks.map((block) => [block.text, block.box]),
      [
        ["Title", null],
        ["First line\nsecond line", null],
        ["End", null],
      ],
    );
    await assert.rejects(source.readPage(2), RangeError);
  });

  it("decodes UTF-8 and UTF-16 with byte-order marks", () => {
    assert.equal(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0xc3, 0xa9])), "hé");
    assert.equal(decodeText(new Uint8Array([0xff, 0xfe, 0x68, 0x00, 0xe9, 0x00])), "hé");
    assert.equal(decodeText(new Uint8Array([0xfe, 0xff, 0x00, 0x68, 0x00, 0xe9])), "hé");
  });
});
