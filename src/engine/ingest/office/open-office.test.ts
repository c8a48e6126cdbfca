import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { zipSync } from "fflate";
import { openOffice } from "./open-office.ts";

const encoder = new TextEncoder();
const options = { maxPages: 10, changeTracking: false };

describe("openOffice", () => {
  it("reads HTML within the markup cap", async () => {
    const result = openOffice(
      encoder.encode("<html><body><h1>Title</h1><p>Body text</p></body></html>"),
      "html",
      {
        ...options,
        maxMarkupBytes: 1024,
      },
    );
    assert.ok(result.ok);
    const page = await result.source.readPage(1);
    assert.deepEqual(
      page.blocks.map((block) => block.text),
      ["Title", "Body text"],
    );
  });

  it("fails HTML over the markup cap FILE_SIZE_TOO_LARGE before parsing it", () => {
    const html = encoder.encode(`<html><body>${"<p>row</p>".repeat(200)}</body></html>`);
    const result = openOffice(html, "html", { ...options, maxMarkupBytes: 1024 });
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.equal(result.reason, "FILE_SIZE_TOO_LARGE");
    assert.match(result.message, /MB of markup/);
  });

  it("applies the same cap to a package's inflated XML", () => {
    const xml = encoder.encode(`<w:document>${"<w:p/>".repeat(500)}</w:document>`);
    const docx = zipSync({ "word/document.xml": xml, "[Content_Types].xml": encoder.encode("<Types/>") });
    const result = openOffice(docx, "docx", { ...options, maxMarkupBytes: 1024 });
    assert.ok(!result.ok);
    assert.equal(result.reason, "FILE_SIZE_TOO_LARGE");
  });

  it("reports a non-zip DOCX as CORRUPT_FILE", () => {
    const result = openOffice(encoder.encode("not a zip"), "docx", options);
    assert.ok(!result.ok);
    assert.equal(result.reason, "CORRUPT_FILE");
  });
});
