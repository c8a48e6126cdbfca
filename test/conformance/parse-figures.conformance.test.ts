/**
 * Figure images through the official SDK: figure blocks carry details.imageUrl, an expiring link to a PNG
 * of the figure's region (figureImageClippingEnabled, on by default), and none when clipping is off.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, it } from "node:test";
import { type Extend, ExtendClient } from "extend-ai";
import { startTestServer, type TestServer } from "../support/start-test-server.ts";

const SOURCE = path.resolve("../shared/corpus/docling-groundtruth/pdf/sources/picture_classification.pdf");

let server: TestServer;
let client: ExtendClient;
let fileId: string;
before(async () => {
  server = await startTestServer("pglite");
  client = new ExtendClient({ token: server.apiKey, baseUrl: server.baseUrl, maxRetries: 0 });
  const name = path.basename(SOURCE);
  fileId = (await client.files.upload(new File([await readFile(SOURCE)], name), {})).id;
});
after(() => server?.stop());

function figureDetails(run: Extend.ParseRun): Extend.FigureDetails[] {
  return run
    .output!.chunks.flatMap((chunk) => chunk.blocks)
    .filter((block) => block.type === "figure")
    .map((block) => block.details as Extend.FigureDetails);
}

it("links each figure block to a PNG of its region", { timeout: 120_000 }, async () => {
  const run = await client.parse({ file: { id: fileId } });
  assert.equal(run.status, "PROCESSED", run.failureMessage ?? "");
  const figures = figureDetails(run);
  assert.ok(figures.length >= 1, "the document has figures");
  for (const details of figures) {
    assert.match(details.imageUrl ?? "", /^https?:\/\//, "a downloadable link, not the stored reference");
    const response = await fetch(details.imageUrl!);
    assert.equal(response.status, 200);
    const png = new Uint8Array(await response.arrayBuffer());
    assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    assert.ok(png.length > 1_000 && png.length < 5_000_000, `PNG of ${png.length} bytes`);
    const view = new DataView(png.buffer, png.byteOffset);
    // IHDR width and height: a figure region at 150 DPI, well under a whole page's raster.
    assert.ok(view.getUint32(16) > 50 && view.getUint32(16) < 1_800, `width ${view.getUint32(16)}`);
    assert.ok(view.getUint32(20) > 50 && view.getUint32(20) < 2_400, `height ${view.getUint32(20)}`);
  }
  // Retrieving the run again (the cached output) signs the links afresh.
  const again = await client.parseRuns.retrieve(run.id);
  assert.ok(figureDetails(again).every((details) => /^https?:\/\//.test(details.imageUrl ?? "")));
});

it("leaves imageUrl out when figureImageClippingEnabled is false", { timeout: 120_000 }, async () => {
  const run = await client.parse({
    file: { id: fileId },
    config: { blockOptions: { figures: { figureImageClippingEnabled: false } } },
  });
  assert.equal(run.status, "PROCESSED", run.failureMessage ?? "");
  const figures = figureDetails(run);
  assert.ok(figures.length >= 1);
  assert.ok(figures.every((details) => details.imageUrl === undefined));
});
