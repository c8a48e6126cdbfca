/**
 * Barcodes through the official SDK: a Swiss QR bill photo parses to a barcode block whose details carry
 * the decoded payload and format; imageClippingEnabled adds an expiring link to a PNG of the code, and
 * the run echoes the barcode defaults it applied.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, it } from "node:test";
import { type Extend, ExtendClient } from "extend-ai";
import { startTestServer, type TestServer } from "../support/start-test-server.ts";

const SOURCE = path.resolve("../shared/corpus/docling-groundtruth/ocr/sources/qr_bill_example.jpg");

let server: TestServer;
let client: ExtendClient;
let fileId: string;
before(async () => {
  server = await startTestServer("pglite");
  client = new ExtendClient({ token: server.apiKey, baseUrl: server.baseUrl, maxRetries: 0 });
  fileId = (await client.files.upload(new File([await readFile(SOURCE)], path.basename(SOURCE)), {})).id;
});
after(() => server?.stop());

function barcodes(run: Extend.ParseRun): { block: Extend.Block; details: Extend.BarcodeDetails }[] {
  return run
    .output!.chunks.flatMap((chunk) => chunk.blocks)
    .filter((block) => block.type === "barcode")
    .map((block) => ({ block, details: block.details as Extend.BarcodeDetails }));
}

it("reads the QR code with its format and value, no image by default", { timeout: 120_000 }, async () => {
  const run = await client.parse({ file: { id: fileId } });
  assert.equal(run.status, "PROCESSED", run.failureMessage ?? "");
  const [qr] = barcodes(run);
  assert.ok(qr, "a barcode block");
  assert.equal(qr.details.type, "barcode_details");
  assert.equal(qr.details.format, "QRCode");
  assert.ok(qr.details.decodedValue?.startsWith("SPC\n"));
  assert.equal(qr.details.imageUrl, undefined);
  assert.ok(qr.block.content.startsWith("<barcode>SPC"));
  assert.deepEqual(run.config.blockOptions?.barcodes, { readingEnabled: true, imageClippingEnabled: false });
});

it("links a PNG of the code when imageClippingEnabled", { timeout: 120_000 }, async () => {
  const run = await client.parse({
    file: { id: fileId },
    config: { blockOptions: { barcodes: { imageClippingEnabled: true, readingEnabled: false } } },
  });
  assert.equal(run.status, "PROCESSED", run.failureMessage ?? "");
  const [qr] = barcodes(run);
  assert.ok(qr);
  assert.equal(qr.details.decodedValue, undefined);
  assert.match(qr.details.imageUrl ?? "", /^https?:\/\//);
  const response = await fetch(qr.details.imageUrl!);
  assert.equal(response.status, 200);
  const png = new Uint8Array(await response.arrayBuffer());
  assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
});
