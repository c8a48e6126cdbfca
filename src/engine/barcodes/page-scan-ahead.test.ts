/**
 * The barcode scan started while OCR reads a page: it finds what the barcodes stage's own scan would,
 * in the frame OCR turned the page to; barcodePage takes it for the whole-page region it was made for and
 * scans any other page box itself; pages with graphics and parse_light get none.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import sharp from "sharp";
import { emptyPage } from "../document/page.ts";
import { ImageDocumentSource } from "../ingest/image-document-source.ts";
import type { StageContext } from "../pipeline/stage.ts";
import { barcodePng } from "../test-support/barcode-fixtures.ts";
import { barcodePage } from "./page-barcodes.ts";
import { sourceRenderer, startPageScan, takePageScan } from "./page-scan-ahead.ts";

async function imageContext(png: Uint8Array, light = false): Promise<StageContext> {
  const source = await ImageDocumentSource.open(png);
  const config = light ? { engine: "parse_light" as const } : undefined;
  return {
    bytes: png,
    options: { format: "png", maxPages: 1, chunking: "page", config },
    document: { format: "png", pageCount: 1, pages: [] },
    source,
    chunks: [],
    output: undefined,
    figureImages: [],
    failure: undefined,
    issues: [],
  };
}

async function pageWithQr(): Promise<Uint8Array> {
  const qr = await barcodePng("AHEAD-QR-3", "QRCode", 5);
  const page = await sharp({ create: { width: 600, height: 400, channels: 3, background: "#ffffff" } })
    .composite([{ input: Buffer.from(qr), left: 50, top: 60 }])
    .png()
    .toBuffer();
  return new Uint8Array(page);
}

const blank = async () =>
  new Uint8Array(
    await sharp({ create: { width: 600, height: 400, channels: 3, background: "#ffffff" } })
      .png()
      .toBuffer(),
  );

it("scans a page without graphics, and barcodePage takes the scan for that page box only", async () => {
  const context = await imageContext(await pageWithQr());
  const page = emptyPage(1, 600, 400);
  startPageScan(context, page, { width: 600, height: 400 }, 0);
  const scan = takePageScan(page);
  assert.ok(scan !== undefined);
  assert.deepEqual(scan.box, { left: 0, top: 0, right: 600, bottom: 400 });
  assert.deepEqual(
    (await scan.codes).map((code) => code.text),
    ["AHEAD-QR-3"],
  );
  assert.equal(takePageScan(page), undefined);
  // Rendered from a blank image, the page yields the code only when the scan is taken.
  const blankRender = sourceRenderer((await imageContext(await blank())).source!)!;
  const options = { reading: true, clipping: false };
  const taken = emptyPage(1, 600, 400);
  assert.equal(await barcodePage(taken, blankRender, options, scan), 1);
  assert.equal(taken.blocks[0]?.barcode?.value, "AHEAD-QR-3");
  // Another page size is another region: scanned anew (and blank).
  const resized = emptyPage(1, 600, 400.5);
  assert.equal(await barcodePage(resized, blankRender, options, scan), 0);
});

it("scans a page OCR turned in the turned frame, the latest scan of a page standing", async () => {
  const context = await imageContext(await pageWithQr());
  const page = emptyPage(1, 600, 400);
  startPageScan(context, page, { width: 600, height: 400 }, 0);
  startPageScan(context, page, { width: 600, height: 400 }, 180);
  const scan = takePageScan(page);
  assert.equal(scan?.turn, 180);
  const [code] = await scan!.codes;
  assert.equal(code?.text, "AHEAD-QR-3");
  // Drawn at (50, 60) of the upload: turned half round, the code sits at the bottom right.
  assert.ok(code!.box.left > 300 && code!.box.top > 150, JSON.stringify(code!.box));
});

it("starts nothing for a page with graphics or under parse_light", async () => {
  const png = await pageWithQr();
  const withGraphics = { ...emptyPage(1, 600, 400), graphics: { images: [], paths: [] } };
  startPageScan(await imageContext(png), withGraphics, { width: 600, height: 400 }, 0);
  assert.equal(takePageScan(withGraphics), undefined);
  const page = emptyPage(1, 600, 400);
  startPageScan(await imageContext(png, true), page, { width: 600, height: 400 }, 0);
  assert.equal(takePageScan(page), undefined);
});
