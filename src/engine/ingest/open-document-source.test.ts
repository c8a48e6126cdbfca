import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { strToU8, zipSync } from "fflate";
import { corpusFile } from "../test-support/pdf-fixtures.ts";
import { openDocumentSource } from "./open-document-source.ts";

describe("openDocumentSource", () => {
  it("opens PDFs and plain text", async () => {
    const pdf = await openDocumentSource(corpusFile("invoice2data-invoices/compare/AmazonWebServices.pdf"), {
      format: "pdf",
      maxPages: 5,
    });
    assert.ok(pdf.ok);
    assert.equal(pdf.source.stage, "pdf");
    await pdf.source.close();
    const csv = await openDocumentSource(new TextEncoder().encode("a,b\n1,2\n"), {
      format: "csv",
      maxPages: 5,
    });
    assert.ok(csv.ok);
    assert.equal(csv.source.stage, "ingest");
  });

  it("refuses formats it cannot parse yet with FILE_TYPE_NOT_SUPPORTED", async () => {
    for (const format of ["xml", "unknown"] as const) {
      const opened = await openDocumentSource(new Uint8Array([1, 2, 3]), { format, maxPages: 5 });
      assert.ok(!opened.ok);
      assert.equal(opened.reason, "FILE_TYPE_NOT_SUPPORTED");
    }
  });

  it("refuses damaged Word and PowerPoint packages as CORRUPT_FILE", async () => {
    for (const format of ["docx", "pptx"] as const) {
      const opened = await openDocumentSource(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), {
        format,
        maxPages: 5,
      });
      assert.ok(!opened.ok);
      assert.equal(opened.reason, "CORRUPT_FILE");
      // A readable zip without the format's main part is no Word or PowerPoint file either.
      const empty = await openDocumentSource(zipSync({ "a.txt": strToU8("hi") }), { format, maxPages: 5 });
      assert.ok(!empty.ok);
      assert.equal(empty.reason, "CORRUPT_FILE");
    }
  });

  it("opens images as one OCR page and refuses undecodable ones as CORRUPT_FILE", async () => {
    const broken = await openDocumentSource(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), {
      format: "png",
      maxPages: 5,
    });
    assert.ok(!broken.ok);
    assert.equal(broken.reason, "CORRUPT_FILE");
  });
});
