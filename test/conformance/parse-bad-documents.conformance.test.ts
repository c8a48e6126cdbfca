/**
 * Bad documents end FAILED with the right failureReason — never an HTTP error, never a crash — while
 * a good document parsed alongside them still succeeds: zero bytes, truncated, a non-PDF named .pdf,
 * encrypted (with and without its password), zero pages, over the page limit, and 10,000 pages; and
 * bad Office and image files: zip bombs (declared and lying), password-protected OOXML, ODF and legacy
 * Word, a truncated DOCX, an undecodable PNG and a bare ZIP.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, it } from "node:test";
import { ExtendClient } from "extend-ai";
import { zipSync } from "fflate";
import {
  encryptedOdt,
  encryptedOoxml,
  lyingZipBomb,
  minimalDocx,
  passwordProtectedDoc,
  zipBomb,
} from "../../src/engine/test-support/container-fixtures.ts";
import { encryptedPdf, manyPagesPdf, zeroPagePdf } from "../../src/engine/test-support/pdf-fixtures.ts";
import { startTestServer, type TestServer } from "../support/start-test-server.ts";
import { forEachDatabaseKind } from "../support/test-databases.ts";

const GOOD = path.resolve("../shared/corpus/docling-groundtruth/pdf/sources/multi_page.pdf");

// Generating these takes seconds; both database kinds share one copy.
let tenThousandPages: Promise<Uint8Array> | undefined;
let tenThousandAndOnePages: Promise<Uint8Array> | undefined;

forEachDatabaseKind("bad documents through the official SDK", (kind) => {
  let server: TestServer;
  let client: ExtendClient;
  before(async () => {
    server = await startTestServer(kind, { MAX_PAGES: "10000" });
    client = new ExtendClient({ token: server.apiKey, baseUrl: server.baseUrl, maxRetries: 0 });
  });
  after(() => server?.stop());

  async function parseBytes(bytes: Uint8Array, name: string, password?: string) {
    const file = await client.files.upload(
      new File([bytes], name),
      password === undefined ? {} : { password },
    );
    return client.parseRuns.createAndPoll({ file: { id: file.id } }, { initialDelayMs: 100 });
  }

  it("fails each bad document with its reason while a good one parses", { timeout: 120_000 }, async () => {
    const good = await readFile(GOOD);
    const cases: [string, Uint8Array, string, string?][] = [
      ["empty.pdf", new Uint8Array(0), "CORRUPT_FILE"],
      ["truncated.pdf", good.subarray(0, Math.floor(good.length / 2)), "CORRUPT_FILE"],
      [
        "random.pdf",
        Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256),
        "FILE_TYPE_NOT_SUPPORTED",
      ],
      [
        "zip.pdf",
        Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(200, 1)]),
        "FILE_TYPE_NOT_SUPPORTED",
      ],
      ["locked.pdf", encryptedPdf("secret text", "user-pw", "owner-pw"), "PASSWORD_PROTECTED_FILE"],
      [
        "wrong-password.pdf",
        encryptedPdf("secret text", "user-pw", "owner-pw"),
        "PASSWORD_PROTECTED_FILE",
        "nope",
      ],
      ["no-pages.pdf", zeroPagePdf(), "CORRUPT_FILE"],
    ];
    const [goodRun, ...badRuns] = await Promise.all([
      parseBytes(good, "good.pdf"),
      ...cases.map(([name, bytes, , password]) => parseBytes(bytes, name, password)),
    ]);
    assert.equal(goodRun!.status, "PROCESSED");
    cases.forEach(([name, , reason], index) => {
      const run = badRuns[index]!;
      assert.equal(run.status, "FAILED", `${name} should fail`);
      assert.equal(run.failureReason, reason, `${name}: ${run.failureMessage}`);
      assert.ok((run.failureMessage ?? "").length > 10, `${name} has a human failureMessage`);
      assert.equal(run.output, null);
    });
    const health = await fetch(`${server.baseUrl}/healthz`);
    assert.equal(health.status, 200, "the server is still up");
  });

  it("fails bad Office and image files with their reason, quickly, and stays up", {
    timeout: 120_000,
  }, async () => {
    const doc = await readFile(
      path.resolve("../shared/corpus/docling-groundtruth/office/doc/sources/legacy_sample.doc"),
    );
    const docx = minimalDocx(["A short document"]);
    const cases: [string, Uint8Array, string][] = [
      ["bomb.docx", zipBomb(512 * 1024 * 1024), "FILE_SIZE_TOO_LARGE"],
      ["lying-bomb.xlsx", lyingZipBomb(512 * 1024 * 1024, "xl/worksheets/sheet1.xml"), "FILE_SIZE_TOO_LARGE"],
      ["locked.docx", encryptedOoxml(), "PASSWORD_PROTECTED_FILE"],
      ["locked.odt", encryptedOdt(), "PASSWORD_PROTECTED_FILE"],
      ["locked.doc", passwordProtectedDoc(new Uint8Array(doc)), "PASSWORD_PROTECTED_FILE"],
      ["truncated.docx", docx.subarray(0, Math.floor(docx.byteLength / 2)), "CORRUPT_FILE"],
      [
        "broken.png",
        Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(600, 7)]),
        "CORRUPT_FILE",
      ],
      ["archive.zip", zipSync({ "notes.txt": new TextEncoder().encode("hello") }), "FILE_TYPE_NOT_SUPPORTED"],
    ];
    const started = performance.now();
    const runs = await Promise.all(cases.map(([name, bytes]) => parseBytes(bytes, name)));
    cases.forEach(([name, , reason], index) => {
      const run = runs[index]!;
      assert.equal(run.status, "FAILED", `${name} should fail`);
      assert.equal(run.failureReason, reason, `${name}: ${run.failureMessage}`);
      assert.equal(run.output, null);
    });
    assert.ok(performance.now() - started < 60_000, "no conversion waited on a password prompt");
    const health = await fetch(`${server.baseUrl}/healthz`);
    assert.equal(health.status, 200, "the server is still up");
  });

  it("opens an encrypted PDF with the password given at upload", async () => {
    const run = await parseBytes(
      encryptedPdf("secret text", "user-pw", "owner-pw"),
      "unlocked.pdf",
      "user-pw",
    );
    assert.equal(run.status, "PROCESSED", run.failureMessage ?? "");
    assert.match(run.output!.chunks[0]!.content, /secret text/);
  });

  it("refuses documents over MAX_PAGES with FILE_SIZE_TOO_LARGE before parsing them", {
    timeout: 120_000,
  }, async () => {
    tenThousandAndOnePages ??= manyPagesPdf(10_001);
    const bytes = await tenThousandAndOnePages;
    const started = Date.now();
    const tooLong = await parseBytes(bytes, "too-long.pdf");
    assert.equal(tooLong.status, "FAILED");
    assert.equal(tooLong.failureReason, "FILE_SIZE_TOO_LARGE");
    assert.match(tooLong.failureMessage ?? "", /10001|10,001/);
    assert.ok(Date.now() - started < 20_000, "refused without parsing 10,001 pages");
  });

  it("parses a 10,000-page document to a bounded, successful result", {
    timeout: 240_000,
    skip: kind === "postgres" ? "same engine path as PGlite; run once to keep CI short" : false,
  }, async () => {
    tenThousandPages ??= manyPagesPdf(10_000);
    const tenThousand = await parseBytes(await tenThousandPages, "ten-thousand.pdf");
    assert.equal(tenThousand.status, "PROCESSED", tenThousand.failureMessage ?? "");
    assert.equal(tenThousand.metrics?.pageCount, 10_000);
    assert.equal(tenThousand.output?.chunks.length, 10_000);
  });
});
