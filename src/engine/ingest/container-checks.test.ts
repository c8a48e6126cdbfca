import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { encryptedOdt, encryptedOoxml, minimalDocx, oleFile } from "../test-support/container-fixtures.ts";
import { corpusFile } from "../test-support/pdf-fixtures.ts";
import { detectFormat } from "./detect-format.ts";
import { classifyOle, readOleNames } from "./ole-directory.ts";
import { openDocumentSource } from "./open-document-source.ts";

describe("OLE directory", () => {
  it("reads the stream names of real legacy Office files and tells their kind", () => {
    const doc = corpusFile("docling-groundtruth/office/doc/sources/legacy_sample.doc");
    assert.ok(readOleNames(doc).includes("WordDocument"));
    assert.equal(classifyOle(doc), "doc");
    assert.equal(classifyOle(corpusFile("docling-groundtruth/office/xls/sources/legacy_sample.xls")), "xls");
    assert.equal(classifyOle(corpusFile("docling-groundtruth/office/ppt/sources/legacy_sample.ppt")), "ppt");
  });

  it("recognises an encrypted OOXML package and rejects a broken directory", () => {
    assert.equal(classifyOle(encryptedOoxml()), "encrypted-ooxml");
    assert.equal(classifyOle(oleFile(["Something"])), "other");
    const broken = oleFile(["WordDocument"]);
    new DataView(broken.buffer).setUint32(0x30, 4000, true); // directory sector far past the end
    assert.throws(() => readOleNames(broken), /outside the file/);
  });
});

describe("password-protected and broken Office containers", () => {
  it("fails an encrypted DOCX/XLSX/PPTX (an OLE container) with PASSWORD_PROTECTED_FILE", async () => {
    const bytes = encryptedOoxml();
    assert.equal(detectFormat(bytes, "secret.docx").format, "ole");
    const opened = await openDocumentSource(bytes, { format: "ole", maxPages: 10 });
    assert.ok(!opened.ok);
    assert.equal(opened.reason, "PASSWORD_PROTECTED_FILE");
    assert.match(opened.message, /password-protected/);
  });

  it("fails a password-protected OpenDocument file with PASSWORD_PROTECTED_FILE", async () => {
    const bytes = encryptedOdt();
    assert.equal(detectFormat(bytes, "secret.odt").format, "odt");
    const opened = await openDocumentSource(bytes, { format: "odt", maxPages: 10 });
    assert.ok(!opened.ok);
    assert.equal(opened.reason, "PASSWORD_PROTECTED_FILE");
  });

  it("fails an OLE file whose directory cannot be read with CORRUPT_FILE", async () => {
    const bytes = oleFile(["WordDocument"]).subarray(0, 700);
    const opened = await openDocumentSource(bytes, { format: "ole", maxPages: 10 });
    assert.ok(!opened.ok);
    assert.equal(opened.reason, "CORRUPT_FILE");
  });

  it("without LibreOffice, names the missing converter (FILE_TYPE_NOT_SUPPORTED)", async () => {
    const doc = await openDocumentSource(
      corpusFile("docling-groundtruth/office/doc/sources/legacy_sample.doc"),
      {
        format: "ole",
        maxPages: 10,
        conversion: { converter: undefined },
      },
    );
    assert.ok(!doc.ok);
    assert.equal(doc.reason, "FILE_TYPE_NOT_SUPPORTED");
    assert.match(doc.message, /Word \(\.doc\) files .* LibreOffice, which is not installed/);
    const rtf = await openDocumentSource(new TextEncoder().encode("{\\rtf1 Hello}"), {
      format: "rtf",
      maxPages: 10,
    });
    assert.ok(!rtf.ok);
    assert.equal(rtf.reason, "FILE_TYPE_NOT_SUPPORTED");
    assert.match(rtf.message, /RTF files .* LibreOffice/);
  });

  it("reads a truncated package named .docx as the DOCX it claims to be, and fails it CORRUPT_FILE", async () => {
    const docx = minimalDocx(["Hello"]);
    const truncated = docx.subarray(0, Math.floor(docx.byteLength / 2));
    assert.equal(detectFormat(truncated, "report.docx").format, "docx");
    assert.equal(detectFormat(truncated, "report.zip").format, "zip");
    const opened = await openDocumentSource(truncated, { format: "docx", maxPages: 10 });
    assert.ok(!opened.ok);
    assert.equal(opened.reason, "CORRUPT_FILE");
  });

  it("leaves an ordinary DOCX to its own reader (the checks pass it through)", async () => {
    const opened = await openDocumentSource(minimalDocx(["Hello"]), { format: "docx", maxPages: 10 });
    // Whatever the DOCX reader answers, it is not a container-check failure.
    assert.ok(
      opened.ok ||
        !["PASSWORD_PROTECTED_FILE", "FILE_SIZE_TOO_LARGE", "CORRUPT_FILE"].includes(opened.reason),
    );
    if (opened.ok) await opened.source.close();
  });
});
