import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { OpenSourceResult } from "../document/document-source.ts";
import { corpusFile, encryptedPdf, manyPagesPdf, zeroPagePdf } from "../test-support/pdf-fixtures.ts";
import { seededRandom } from "../test-support/seeded-random.ts";
import { openPdf } from "./open-pdf.ts";

const AWS_INVOICE = "invoice2data-invoices/compare/AmazonWebServices.pdf";

async function failureOf(result: Promise<OpenSourceResult>): Promise<{ reason: string; message: string }> {
  const opened = await result;
  if (opened.ok) {
    await opened.source.close();
    assert.fail("expected the PDF not to open");
  }
  return { reason: opened.reason, message: opened.message };
}

async function firstPageText(result: Promise<OpenSourceResult>): Promise<string> {
  const opened = await result;
  assert.ok(opened.ok, opened.ok ? "" : opened.message);
  try {
    const page = await opened.source.readPage(1);
    return page.words.map((word) => word.text).join(" ");
  } finally {
    await opened.source.close();
  }
}

describe("openPdf", () => {
  it("opens a corpus PDF and reports its page count", async () => {
    const opened = await openPdf(corpusFile(AWS_INVOICE), { maxPages: 10 });
    assert.ok(opened.ok);
    assert.equal(opened.source.pageCount, 1);
    await opened.source.close();
  });

  it("reports empty, random and truncated bytes as CORRUPT_FILE", async () => {
    assert.equal((await failureOf(openPdf(new Uint8Array(0), { maxPages: 10 }))).reason, "CORRUPT_FILE");
    // Deterministic noise, so a failure reproduces.
    const random = seededRandom(42);
    const noise = new Uint8Array(4096).map(() => random(256));
    assert.equal((await failureOf(openPdf(noise, { maxPages: 10 }))).reason, "CORRUPT_FILE");
    const whole = corpusFile("docling-groundtruth/pdf/sources/normal_4pages.pdf");
    const truncated = whole.slice(0, Math.floor(whole.length / 2));
    assert.equal((await failureOf(openPdf(truncated, { maxPages: 10 }))).reason, "CORRUPT_FILE");
  });

  it("reports a PDF without pages as CORRUPT_FILE", async () => {
    assert.deepEqual(await failureOf(openPdf(zeroPagePdf(), { maxPages: 10 })), {
      reason: "CORRUPT_FILE",
      message: "The PDF has no pages",
    });
  });

  it("tells a missing password from a wrong one", async () => {
    const missing = await failureOf(openPdf(encryptedPdf("Secret", "user-pw", "owner-pw"), { maxPages: 10 }));
    assert.equal(missing.reason, "PASSWORD_PROTECTED_FILE");
    assert.match(missing.message, /provide its password/);
    const wrong = await failureOf(
      openPdf(encryptedPdf("Secret", "user-pw", "owner-pw"), { maxPages: 10, password: "nope" }),
    );
    assert.equal(wrong.reason, "PASSWORD_PROTECTED_FILE");
    assert.match(wrong.message, /incorrect/);
  });

  it("decrypts with the user or the owner password, and without one when the user password is empty", async () => {
    const text = "Quarterly";
    const options = (password?: string) => ({ maxPages: 10, password });
    assert.equal(await firstPageText(openPdf(encryptedPdf(text, "u", "o"), options("u"))), text);
    assert.equal(await firstPageText(openPdf(encryptedPdf(text, "u", "o"), options("o"))), text);
    assert.equal(await firstPageText(openPdf(encryptedPdf(text, "", "o"), options())), text);
  });

  it("refuses more pages than maxPages before reading any", async () => {
    const bytes = await manyPagesPdf(12);
    assert.deepEqual(await failureOf(openPdf(bytes.slice(), { maxPages: 11 })), {
      reason: "FILE_SIZE_TOO_LARGE",
      message: "The PDF has 12 pages; the limit is 11",
    });
    const opened = await openPdf(bytes, { maxPages: 12 });
    assert.ok(opened.ok);
    await opened.source.close();
  });
});
