import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { describe, it } from "node:test";
import sharp from "sharp";
import { fastestOcrEngine, SYNTHETIC_LINES } from "../ocr/ocr-test-images.ts";
import { detectFormat } from "./detect-format.ts";
import { isHeif } from "./heic-image.ts";
import { ImageDocumentSource } from "./image-document-source.ts";
import { openDocumentSource } from "./open-document-source.ts";

const PHOTOTEST = "../shared/corpus/tesseract-ocr-gt/phototest.tif";

describe("ImageDocumentSource", () => {
  it("reads a multi-page TIFF as one page per TIFF page, one point per pixel", async () => {
    const page = await sharp(await readFile(PHOTOTEST))
      .png()
      .toBuffer();
    const small = await sharp(page).resize(320, 240).png().toBuffer();
    const tiff = await sharp([page, small], { join: { animated: true } })
      .tiff()
      .toBuffer();
    const source = await ImageDocumentSource.open(new Uint8Array(tiff));
    assert.equal(source.pageCount, 2);
    const first = await source.readPage(1);
    assert.deepEqual([first.width, first.height], [640, 480]);
    await assert.rejects(source.readPage(3), /2 page/);
    await source.close();
  });

  it("renders each TIFF page's own pixels when pages are read back and forth, in grey", async () => {
    const colour = (red: number) => ({
      width: 40,
      height: 30,
      channels: 3 as const,
      background: { r: red, g: 0, b: 0 },
    });
    const first = await sharp({ create: colour(200) })
      .png()
      .toBuffer();
    const second = await sharp({ create: colour(20) })
      .png()
      .toBuffer();
    const tiff = await sharp([first, second], { join: { animated: true } })
      .tiff()
      .toBuffer();
    const source = await ImageDocumentSource.open(new Uint8Array(tiff));
    // BT.601 luma of pure red: 77/256 of it.
    const level = async (
      page: number,
      region?: { left: number; top: number; right: number; bottom: number },
    ) => {
      const pixels = await source.renderPage(page, 300, region);
      return "gray" in pixels ? pixels.gray[0] : undefined;
    };
    assert.equal(await level(2), (20 * 77) >> 8);
    assert.equal(await level(1), (200 * 77) >> 8);
    assert.equal(await level(2, { left: 0, top: 0, right: 40, bottom: 30 }), 6, "the whole page as a region");
    const corner = await source.renderPage(1, 300, { left: 10, top: 10, right: 20, bottom: 15 });
    assert.ok("gray" in corner);
    assert.deepEqual([corner.width, corner.height, corner.gray[0]], [10, 5, 60]);
    // Figure crops keep the colour.
    const [png] = await source.renderRegions(1, [{ left: 0, top: 0, right: 4, bottom: 4 }], 300);
    const { data, info } = await sharp(png!).raw().toBuffer({ resolveWithObject: true });
    assert.deepEqual([info.channels, data[0], data[1]], [3, 200, 0]);
    await source.close();
    await assert.rejects(source.renderPage(1, 300), /closed/);
  });

  it("renders a grey image's pixels grey, whole or cut, as the image has them", async () => {
    const bytes = await readFile(PHOTOTEST);
    const expected = await sharp(bytes).toColourspace("b-w").raw().toBuffer();
    const source = await ImageDocumentSource.open(new Uint8Array(bytes));
    const whole = await source.renderPage(1, 300);
    assert.ok("gray" in whole);
    assert.deepEqual([whole.width, whole.height], [640, 480]);
    assert.deepEqual(Buffer.from(whole.gray), expected);
    const cut = await source.renderPage(1, 300, { left: 100, top: 50, right: 140, bottom: 60 });
    assert.ok("gray" in cut);
    assert.deepEqual([cut.width, cut.height], [40, 10]);
    assert.deepEqual(
      Buffer.from(cut.gray.subarray(0, 40)),
      expected.subarray(50 * 640 + 100, 50 * 640 + 140),
    );
    await source.close();
  });

  it("applies the EXIF orientation of a photo, so the page is upright", async () => {
    const upright = await sharp(await readFile(PHOTOTEST))
      .png()
      .toBuffer();
    // Orientation 6: the stored pixels must be turned 90° clockwise to be viewed upright.
    const stored = await sharp(upright).rotate(-90).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const source = await ImageDocumentSource.open(new Uint8Array(stored));
    const page = await source.readPage(1);
    assert.deepEqual([page.width, page.height], [640, 480], "width and height as displayed, not as stored");
  });

  // three-lines.heic: an HEVC-coded HEIC (as iPhones write), made from the synthetic OCR page with
  // libheif's `heif-enc -q 50` (x265). sharp's prebuilt libvips cannot decode HEVC, so this goes through
  // heic-decode; AVIF, the other HEIF flavour, is decoded by sharp.
  it("reads an HEVC-coded HEIC photo and OCRs its text", async () => {
    const bytes = new Uint8Array(
      await readFile(new URL("../test-support/fixtures/three-lines.heic", import.meta.url)),
    );
    assert.equal(detectFormat(bytes, "IMG_0001.HEIC").format, "heic");
    assert.equal(
      detectFormat(bytes, "upload.bin").format,
      "heic",
      "recognised by its ftyp brand, not its name",
    );
    const opened = await openDocumentSource(bytes, { format: "heic", maxPages: 5 });
    assert.ok(opened.ok);
    const source = opened.source;
    assert.ok(source instanceof ImageDocumentSource);
    const engine = await fastestOcrEngine();
    try {
      assert.equal(source.pageCount, 1);
      const result = await source.ocrPage(1, engine, { dpi: 300 });
      assert.deepEqual([result.width, result.height], [1275, 209]);
      const text = result.words.map((word) => word.text).join(" ");
      for (const line of SYNTHETIC_LINES.slice(0, 3)) assert.ok(text.includes(line), `${line} in ${text}`);
    } finally {
      await engine.close();
      await source.close();
    }
  });

  it("reads an AVIF (HEIF container) image with sharp", async () => {
    const avif = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#c03030" } })
      .avif()
      .toBuffer();
    const bytes = new Uint8Array(avif);
    assert.equal(detectFormat(bytes, "photo.avif").format, "heic");
    assert.equal(isHeif(bytes), true);
    const opened = await openDocumentSource(bytes, { format: "heic", maxPages: 5 });
    assert.ok(opened.ok);
    const page = await opened.source.readPage(1);
    assert.deepEqual([page.width, page.height], [64, 48]);
    await opened.source.close();
  });

  it("fails a corrupt or truncated HEIC with CORRUPT_FILE", async () => {
    const header = Buffer.from("000000186674797068656963000000006d69663168656963", "hex"); // ftyp heic
    for (const bytes of [
      new Uint8Array(Buffer.concat([header, Buffer.alloc(200, 7)])),
      new Uint8Array(header.subarray(0, 16)),
    ]) {
      assert.equal(detectFormat(bytes, "IMG_0001.HEIC").format, "heic");
      assert.equal(isHeif(bytes), true);
      const opened = await openDocumentSource(bytes, { format: "heic", maxPages: 5 });
      assert.ok(!opened.ok);
      assert.equal(opened.reason, "CORRUPT_FILE");
      assert.match(opened.message, /The image could not be decoded/);
    }
  });

  it("refuses bytes that do not decode", async () => {
    await assert.rejects(ImageDocumentSource.open(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])));
  });

  it("reads a low-resolution image by enlarging it, with boxes in the image's own pixels", async () => {
    // phototest at 40%: 256 × 192 px, its 12-pt letters ~7 px tall, too small for tesseract as they are.
    const small = await sharp(await readFile(PHOTOTEST))
      .resize(256, 192, { kernel: "lanczos3" })
      .png()
      .toBuffer();
    const source = await ImageDocumentSource.open(new Uint8Array(small));
    const engine = await fastestOcrEngine();
    try {
      const result = await source.ocrPage(1, engine, { dpi: 300 });
      const text = result.words.map((word) => word.text).join(" ");
      const expected = (await readFile("../shared/corpus/tesseract-ocr-gt/phototest.gold.txt", "utf8"))
        .split(/\s+/u)
        .filter((word) => word !== "");
      const found = expected.filter((word) => text.includes(word)).length;
      assert.ok(found >= 0.8 * expected.length, `${found}/${expected.length}: ${text}`);
      assert.deepEqual([result.width, result.height], [256, 192], "page size in the image's pixels");
      for (const word of result.words) assert.ok(word.inkBox.right <= 256 && word.inkBox.bottom <= 192);
      assert.equal(result.words[0]?.text, "This");
      assert.ok(
        result.words[0]!.inkBox.left < 40,
        `first word at ${JSON.stringify(result.words[0]!.inkBox)}`,
      );
    } finally {
      await engine.close();
      await source.close();
    }
  });
});
