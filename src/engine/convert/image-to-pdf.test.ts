import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { describe, it } from "node:test";
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { parseDocument } from "../pipeline/parse-document.ts";
import { imageToPdf } from "./image-to-pdf.ts";

const PHOTOTEST = "../shared/corpus/tesseract-ocr-gt/phototest.tif";

describe("imageToPdf", () => {
  it("puts each TIFF page on a PDF page of its pixel size, upright", async () => {
    const page = await sharp(await readFile(PHOTOTEST))
      .png()
      .toBuffer();
    // sharp rotates before it resizes within one pipeline: resize first, separately.
    const small = await sharp(page).resize(320, 240).png().toBuffer();
    const turned = await sharp(small).rotate(-90).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const tiff = await sharp([page, page], { join: { animated: true } })
      .tiff()
      .toBuffer();
    const pdf = await PDFDocument.load(await imageToPdf(new Uint8Array(tiff)));
    assert.equal(pdf.getPageCount(), 2);
    assert.deepEqual([pdf.getPage(0).getWidth(), pdf.getPage(0).getHeight()], [640, 480]);
    const photo = await PDFDocument.load(await imageToPdf(new Uint8Array(turned)));
    assert.deepEqual([photo.getPage(0).getWidth(), photo.getPage(0).getHeight()], [320, 240]);
  });

  it("honours imageConversionQuality: lower quality, smaller file, same page size", async () => {
    const big = await sharp(await readFile(PHOTOTEST))
      .resize(3200, 2400)
      .png()
      .toBuffer();
    const high = await imageToPdf(new Uint8Array(big), "high");
    const low = await imageToPdf(new Uint8Array(big), "low");
    assert.ok(low.byteLength < high.byteLength / 2, `low ${low.byteLength} vs high ${high.byteLength}`);
    const lowPage = (await PDFDocument.load(low)).getPage(0);
    assert.deepEqual([lowPage.getWidth(), lowPage.getHeight()], [3200, 2400]);
  });

  it("under alwaysConvertToPdf an image is parsed as a (scanned) PDF page", async () => {
    const png = await sharp(await readFile(PHOTOTEST))
      .png()
      .toBuffer();
    const outcome = await parseDocument(new Uint8Array(png), {
      format: "png",
      maxPages: 5,
      chunking: "page",
      ocr: { engine: "tesseract-cli" },
      config: { advancedOptions: { alwaysConvertToPdf: true, imageConversionQuality: "medium" } },
    });
    assert.ok(outcome.status !== "failure", outcome.status === "failure" ? outcome.failureMessage : "");
    const blocks = outcome.output.chunks.flatMap((chunk) => chunk.blocks);
    assert.match(blocks.map((block) => block.content).join(" "), /quick brown dog/);
    assert.ok(blocks.every((block) => block.boundingBox.right !== null && block.boundingBox.right <= 640));
  });
});
