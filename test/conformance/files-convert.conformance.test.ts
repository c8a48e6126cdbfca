/**
 * Files API PDF conversion through the official SDK against a real server: Word uploads become PDFs
 * without asking (Extend: "If an uploaded file is detected as a Word or PowerPoint document, it will be
 * automatically converted to a PDF"), `convertToPdf` converts images too (query parameter or multipart
 * field), and a failed conversion answers 422 FAILED_TO_CONVERT_TO_PDF with nothing stored. The
 * LibreOffice cases are skipped when soffice is not installed (CI installs it).
 */
import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ExtendClient, ExtendError } from "extend-ai";
import sharp from "sharp";
import { findSoffice } from "../../src/engine/convert/soffice.ts";
import {
  minimalDocx,
  oleFile,
  passwordProtectedDoc,
} from "../../src/engine/test-support/container-fixtures.ts";
import { corpusFile } from "../../src/engine/test-support/pdf-fixtures.ts";
import { startTestServer, type TestServer } from "../support/start-test-server.ts";
import { forEachDatabaseKind } from "../support/test-databases.ts";

const HAS_SOFFICE = (await findSoffice(undefined)) !== undefined;
const NO_SOFFICE = "LibreOffice (soffice) is not installed; .ci/run installs it so this runs in CI";

function clientFor(server: TestServer): ExtendClient {
  return new ExtendClient({ token: server.apiKey, baseUrl: server.baseUrl, maxRetries: 0 });
}

async function downloadHead(client: ExtendClient, id: string): Promise<string> {
  const retrieved = await client.files.retrieve(id);
  const response = await fetch(retrieved.presignedUrl!);
  assert.equal(response.status, 200);
  return Buffer.from(await response.arrayBuffer())
    .subarray(0, 5)
    .toString("latin1");
}

async function blobsOf(server: TestServer): Promise<string[]> {
  return (await readdir(path.join(server.dataDir, "blobs"), { recursive: true })).sort();
}

async function pngBytes(): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp({ create: { width: 300, height: 200, channels: 3, background: "#ffffff" } })
      .png()
      .toBuffer(),
  );
}

forEachDatabaseKind("Files API: conversion to PDF on upload", (kind) => {
  let server: TestServer;
  let client: ExtendClient;
  before(async () => {
    server = await startTestServer(kind);
    client = clientFor(server);
  });
  after(() => server?.stop());

  it("converts an image when convertToPdf is set (query parameter), and not otherwise", async () => {
    const png = await pngBytes();
    const kept = await client.files.upload(new File([png], "scan.png"), {});
    assert.equal(kept.type, "IMG");
    const converted = await client.files.upload(new File([png], "scan.png"), { convertToPdf: true });
    assert.equal(converted.type, "PDF");
    assert.equal(converted.name, "scan.pdf");
    assert.equal(converted.metadata.pageCount, 1);
    assert.equal(await downloadHead(client, converted.id), "%PDF-");
  });

  it("accepts convertToPdf as a multipart field too", async () => {
    const form = new FormData();
    form.append("file", new File([await pngBytes()], "photo.png"));
    form.append("convertToPdf", "true");
    const response = await fetch(`${server.baseUrl}/files/upload`, {
      method: "POST",
      headers: { authorization: `Bearer ${server.apiKey}`, "x-extend-api-version": "2026-02-09" },
      body: form,
    });
    assert.equal(response.status, 200);
    const file = (await response.json()) as { type: string; name: string };
    assert.deepEqual([file.type, file.name], ["PDF", "photo.pdf"]);
  });

  it("refuses a requested conversion of a password-protected .doc with 422, keeping it when not asked", async () => {
    const locked = passwordProtectedDoc(
      corpusFile("docling-groundtruth/office/doc/sources/legacy_sample.doc"),
    );
    await assert.rejects(
      client.files.upload(new File([locked], "locked.doc"), { convertToPdf: true }),
      (error: unknown) => {
        assert.ok(error instanceof ExtendError);
        assert.equal(error.statusCode, 422);
        const body = error.body as { code: string; message: string };
        assert.equal(body.code, "FAILED_TO_CONVERT_TO_PDF");
        assert.match(body.message, /locked\.doc could not be converted to PDF: .*password-protected/);
        return true;
      },
    );
    assert.deepEqual((await client.files.list({ nameContains: "locked" })).data, []);
    const kept = await client.files.upload(new File([locked], "locked-kept.doc"), {});
    assert.equal(kept.name, "locked-kept.doc");
    const run = await client.parse({ file: { id: kept.id } });
    assert.equal(run.status, "FAILED");
    assert.equal(run.failureReason, "PASSWORD_PROTECTED_FILE");
  });

  describe("with LibreOffice", { skip: HAS_SOFFICE ? false : NO_SOFFICE }, () => {
    it("converts a Word upload to PDF without being asked and keeps only the PDF", async () => {
      const docx = minimalDocx(["Conversion on upload", "A second paragraph."]);
      const uploaded = await client.files.upload(new File([docx], "letter.docx"), {});
      assert.equal(uploaded.type, "PDF");
      assert.equal(uploaded.name, "letter.pdf");
      assert.equal(uploaded.metadata.pageCount, 1);
      assert.equal(await downloadHead(client, uploaded.id), "%PDF-");
      const names = (await client.files.list({ nameContains: "letter" })).data.map((file) => file.name);
      assert.deepEqual(names, ["letter.pdf"]);
      // The stored PDF parses like any PDF, with page geometry.
      const run = await client.parse({ file: { id: uploaded.id } });
      assert.equal(run.status, "PROCESSED");
      const block = run.output?.chunks
        .flatMap((chunk) => chunk.blocks)
        .find((b) => b.content.includes("Conversion"));
      assert.ok(block?.boundingBox.left !== null && block?.boundingBox.left !== undefined);
    });

    it("answers 422 FAILED_TO_CONVERT_TO_PDF for a Word file LibreOffice cannot read, storing nothing", async () => {
      const blobsBefore = await blobsOf(server);
      const broken = oleFile(["WordDocument", "1Table"], new Uint8Array(4096).fill(0x41));
      await assert.rejects(client.files.upload(new File([broken], "broken.doc"), {}), (error: unknown) => {
        assert.ok(error instanceof ExtendError);
        assert.equal(error.statusCode, 422);
        const body = error.body as { code: string; message: string; retryable: boolean };
        assert.equal(body.code, "FAILED_TO_CONVERT_TO_PDF");
        assert.match(body.message, /broken\.doc could not be converted to PDF: LibreOffice/);
        assert.equal(body.retryable, false);
        return true;
      });
      assert.deepEqual((await client.files.list({ nameContains: "broken" })).data, []);
      assert.deepEqual(await blobsOf(server), blobsBefore, "no blob left behind");
    });
  });
});

describe("Files API: conversion without LibreOffice (LIBREOFFICE_PATH=none)", () => {
  let server: TestServer;
  let client: ExtendClient;
  before(async () => {
    server = await startTestServer("pglite", { LIBREOFFICE_PATH: "none" });
    client = clientFor(server);
  });
  after(() => server?.stop());

  it("keeps a Word upload as it is, but refuses a requested conversion with 422", async () => {
    const docx = minimalDocx(["Hello"]);
    const kept = await client.files.upload(new File([docx], "memo.docx"), {});
    assert.equal(kept.type, "DOCX");
    assert.equal(kept.name, "memo.docx");
    await assert.rejects(
      client.files.upload(new File([docx], "memo2.docx"), { convertToPdf: true }),
      (error: unknown) => {
        assert.ok(error instanceof ExtendError);
        assert.equal(error.statusCode, 422);
        assert.match((error.body as { message: string }).message, /LibreOffice.*not installed/);
        return true;
      },
    );
    assert.deepEqual((await client.files.list({ nameContains: "memo2" })).data, []);
  });
});
