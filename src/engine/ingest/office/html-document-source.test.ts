import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { blockMarkdown } from "../../render/block-markdown.ts";
import { decodeHtml, HtmlDocumentSource } from "./html-document-source.ts";

async function markdownOf(html: string | Uint8Array): Promise<string[]> {
  const source = new HtmlDocumentSource(typeof html === "string" ? new TextEncoder().encode(html) : html);
  const page = await source.readPage(1);
  assert.equal(page.width, null);
  return page.blocks.map((block) => blockMarkdown(block, { tableFormat: "html" }));
}

describe("HtmlDocumentSource", () => {
  it("reads headings, paragraphs, nested lists and code, skipping scripts and styles", async () => {
    const blocks = await markdownOf(
      "<html><head><title>T</title><style>p{}</style></head><body><script>alert(1)</script>" +
        "<h1>Guide</h1><p>Intro <b>bold</b><br>next line</p><h3>Steps</h3>" +
        '<ol start="3"><li>Open<ul><li>carefully</li></ul></li><li>Close</li></ol>' +
        "<pre>let x = 1;\n  x++;</pre><table><tr><td><p>Framed</p><img src='a.png'></td></tr></table></body></html>",
    );
    assert.deepEqual(blocks, [
      "# Guide",
      "Intro bold\nnext line",
      "### Steps",
      "3. Open",
      "   - carefully",
      "4. Close",
      "```\nlet x = 1;\n  x++;\n```",
      "Framed",
      '<figure type="image"></figure>',
    ]);
  });

  it("reads tables with thead, th, rowspan and colspan", async () => {
    const [table] = await markdownOf(
      "<table><thead><tr><th>Name</th><th colspan=2>Score</th></tr></thead>" +
        "<tbody><tr><td rowspan=2>Ann</td><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></tbody></table>",
    );
    assert.equal(
      table,
      [
        "<table>",
        "<thead>",
        '<tr><th>Name</th><th colspan="2">Score</th></tr>',
        "</thead>",
        "<tbody>",
        '<tr><td rowspan="2">Ann</td><td>1</td><td>2</td></tr>',
        "<tr><td>3</td><td>4</td></tr>",
        "</tbody>",
        "</table>",
      ].join("\n"),
    );
  });

  it("decodes by byte-order mark, else by meta charset, else as UTF-8", () => {
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode('<meta charset="iso-8859-1"><p>caf'),
      0xe9,
      0x3c,
    ]);
    assert.match(decodeHtml(latin1), /café</u);
    const utf16 = new Uint8Array([0xff, 0xfe, ...[..."<p>é"].flatMap((c) => [c.charCodeAt(0), 0])]);
    assert.equal(decodeHtml(utf16), "<p>é");
    assert.equal(decodeHtml(new TextEncoder().encode("<p>naïve")), "<p>naïve");
    const declared = new Uint8Array([
      ...new TextEncoder().encode('<?xml version="1.0" encoding="windows-1252"?><p>'),
      0x80,
    ]);
    assert.equal(decodeHtml(declared).slice(-4), "<p>€");
  });
});
