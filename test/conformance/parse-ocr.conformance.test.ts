/**
 * Scanned PDFs through the official SDK: pages without a text layer are rendered and OCR'd (the
 * tesseract CLI here), and the words flow through the same layout stages; with pageRotationEnabled a
 * page scanned upside down or sideways reads correctly.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, it } from "node:test";
import { ExtendClient } from "extend-ai";
import { startTestServer, type TestServer } from "../support/start-test-server.ts";

const SOURCES = path.resolve("../shared/corpus/docling-groundtruth/ocr/sources");

let server: TestServer;
let client: ExtendClient;
before(async () => {
  server = await startTestServer("pglite", { OCR_ENGINE: "tesseract-cli" });
  client = new ExtendClient({ token: server.apiKey, baseUrl: server.baseUrl, maxRetries: 0 });
});
after(() => server?.stop());

async function parseScan(name: string, pageRotationEnabled: boolean) {
  const file = await client.files.upload(new File([await readFile(path.join(SOURCES, name))], name), {});
  return client.parse({ file: { id: file.id }, config: { advancedOptions: { pageRotationEnabled } } });
}

it("OCRs a scanned page into positioned text blocks", { timeout: 120_000 }, async () => {
  const run = await parseScan("ocr_test.pdf", false);
  assert.equal(run.status, "PROCESSED", run.failureMessage ?? "");
  const chunk = run.output!.chunks[0]!;
  assert.match(
    chunk.content.replace(/\s+/g, " "),
    /Docling bundles PDF document conversion to JSON and Markdown/,
  );
  const block = chunk.blocks.find((candidate) => candidate.content.includes("Docling"))!;
  const page = block.metadata.page!;
  assert.ok(block.boundingBox.left! >= 0 && block.boundingBox.right! <= page.width!);
  assert.ok(block.boundingBox.top! >= 0 && block.boundingBox.bottom! <= page.height!);
  // OCR confidences feed the block and chunk metadata (digital text carries none).
  const blockConfidence = block.metadata.avgOcrConfidence!;
  assert.ok(blockConfidence > 0.5 && blockConfidence <= 1, `avg ${blockConfidence}`);
  assert.ok(block.metadata.minOcrConfidence! <= blockConfidence);
  assert.ok(
    chunk.metadata.avgOcrConfidence! > 0.5 &&
      chunk.metadata.minOcrConfidence! <= chunk.metadata.avgOcrConfidence!,
  );
});

it("corrects a page scanned upside down when pageRotationEnabled", { timeout: 120_000 }, async () => {
  const run = await parseScan("ocr_test_rotated_180.pdf", true);
  assert.equal(run.status, "PROCESSED", run.failureMessage ?? "");
  assert.match(
    run.output!.chunks[0]!.content.replace(/\s+/g, " "),
    /Docling bundles PDF document conversion/,
  );
});

it("parses a photo (JPEG) by OCR, one point per pixel, and fails a corrupt image cleanly", {
  timeout: 120_000,
}, async () => {
  const run = await parseScan("qr_bill_example.jpg", false);
  assert.equal(run.status, "PROCESSED", run.failureMessage ?? "");
  const chunk = run.output!.chunks[0]!;
  assert.ok(chunk.content.length > 50, "text was recognised");
  const page = chunk.blocks[0]!.metadata.page!;
  assert.ok(page.width! > 500 && page.height! > 500, "the page is the image, in pixels");
  const broken = await client.files.upload(
    new File([Buffer.from("89504e470d0a1a0a0000000d49484452deadbeef", "hex")], "broken.png"),
    {},
  );
  const failed = await client.parse({ file: { id: broken.id } });
  assert.equal(failed.status, "FAILED");
  assert.equal(failed.failureReason, "CORRUPT_FILE");
});

it("parses an iPhone-style HEIC photo (HEVC) through the SDK", { timeout: 120_000 }, async () => {
  const heic = await readFile(path.resolve("src/engine/test-support/fixtures/three-lines.heic"));
  const file = await client.files.upload(new File([heic], "IMG_0042.HEIC"), {});
  const run = await client.parse({ file: { id: file.id } });
  assert.equal(run.status, "PROCESSED", run.failureMessage ?? "");
  const chunk = run.output!.chunks[0]!;
  assert.match(chunk.content.replace(/\s+/g, " "), /Invoice number 4821 was paid in March/);
  const page = chunk.blocks[0]!.metadata.page!;
  assert.deepEqual([page.width, page.height], [1275, 209], "one point per pixel of the photo");
});
