/**
 * Barcodes end to end: codes written by zxing's writer, placed as images and drawn as vector bars in a
 * pdf-lib PDF, and given as an image input, come out as barcode blocks with the decoded value, format
 * and a box inside the drawn position; the options (reading, clipping, enrichmentFormat, parse_light) do
 * what they say; the corpus's codes are read: the Swiss QR bill's "SPC" QR payload, the Code128 printed on
 * a US passport form and the QR code on a page of a Korean government document.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Extend } from "extend-ai";
import sharp from "sharp";
import { syntheticPage } from "../ocr/ocr-test-images.ts";
import { rotateByDegrees } from "../ocr/transform-raster.ts";
import { parseDocument } from "../pipeline/parse-document.ts";
import type { ParseOptions, ParseOutcome } from "../pipeline/parse-outcome.ts";
import {
  barcodePdf,
  barcodePng,
  linearBars,
  matrixModules,
  type PlacedImage,
} from "../test-support/barcode-fixtures.ts";
import { corpusFile } from "../test-support/pdf-fixtures.ts";
import { MAX_PAGE_SCAN_PIXELS, withinPixelBudget } from "./page-barcodes.ts";

const PDF: ParseOptions = { format: "pdf", maxPages: 5, chunking: "page" };

function blocks(outcome: ParseOutcome): Extend.Block[] {
  assert.notEqual(outcome.status, "failure");
  if (outcome.status === "failure") return [];
  return outcome.output.chunks.flatMap((chunk) => chunk.blocks);
}

function barcodes(outcome: ParseOutcome): Extend.Block[] {
  return blocks(outcome).filter((block) => block.type === "barcode");
}

function details(block: Extend.Block): Extend.BarcodeDetails {
  assert.equal(block.details.type, "barcode_details");
  return block.details as Extend.BarcodeDetails;
}

function within(
  block: Extend.Block,
  area: { left: number; top: number; right: number; bottom: number },
): void {
  const box = block.boundingBox;
  assert.ok(box.left !== null && box.top !== null && box.right !== null && box.bottom !== null);
  assert.ok(
    box.left >= area.left - 1 &&
      box.top >= area.top - 1 &&
      box.right <= area.right + 1 &&
      box.bottom <= area.bottom + 1,
    `${JSON.stringify(box)} not within ${JSON.stringify(area)}`,
  );
  // The code fills most of its image (quiet zones aside).
  assert.ok(
    (box.right - box.left) * (box.bottom - box.top) >=
      0.3 * (area.right - area.left) * (area.bottom - area.top),
  );
}

interface Expected {
  readonly text: string;
  readonly format: "QRCode" | "Code128" | "EAN13" | "EAN8" | "DataMatrix" | "PDF417";
  readonly image: Omit<PlacedImage, "png">;
  readonly scale: number;
}

const IMAGES: readonly Expected[] = [
  {
    text: "https://example.com/q?id=42",
    format: "QRCode",
    scale: 4,
    image: { left: 72, top: 100, width: 100, height: 100 },
  },
  { text: "ABC-12345", format: "Code128", scale: 2, image: { left: 250, top: 100, width: 200, height: 60 } },
  { text: "4006381333931", format: "EAN13", scale: 2, image: { left: 72, top: 250, width: 150, height: 70 } },
  { text: "96385074", format: "EAN8", scale: 2, image: { left: 250, top: 250, width: 120, height: 60 } },
  { text: "DM-0042", format: "DataMatrix", scale: 4, image: { left: 420, top: 250, width: 60, height: 60 } },
  {
    text: "PDF417 payload 123",
    format: "PDF417",
    scale: 2,
    image: { left: 72, top: 400, width: 250, height: 80 },
  },
];
const VECTOR = { text: "VEC-987654", left: 300, top: 550, module: 1.2, height: 40 };

async function labelPdf(): Promise<Uint8Array> {
  const images: PlacedImage[] = [];
  for (const code of IMAGES)
    images.push({ ...code.image, png: await barcodePng(code.text, code.format, code.scale) });
  const { bars, modules } = await linearBars(VECTOR.text, "Code128");
  assert.ok(bars.length > 20 && modules > 100);
  return barcodePdf(images, [{ ...VECTOR, bars }]);
}

const area = (image: Omit<PlacedImage, "png">) => ({
  left: image.left,
  top: image.top,
  right: image.left + image.width,
  bottom: image.top + image.height,
});

describe("barcode blocks", () => {
  it("decodes QR, Code128, EAN-13, EAN-8, DataMatrix and PDF417 images and a vector Code128", async () => {
    const outcome = await parseDocument(await labelPdf(), PDF);
    const found = barcodes(outcome);
    assert.equal(found.length, IMAGES.length + 1);
    for (const code of IMAGES) {
      const block = found.find((candidate) => details(candidate).decodedValue === code.text);
      assert.ok(block, `${code.format} ${code.text} not found`);
      assert.equal(details(block).format, code.format);
      assert.equal(block.content, `<barcode>${code.text}</barcode>`);
      within(block, area(code.image));
    }
    const vector = found.find((block) => details(block).decodedValue === VECTOR.text);
    assert.ok(vector);
    assert.equal(details(vector).format, "Code128");
    within(vector, {
      left: VECTOR.left,
      top: VECTOR.top,
      right: VECTOR.left + 130 * VECTOR.module,
      bottom: VECTOR.top + VECTOR.height,
    });
    // The images are the codes: no figure block repeats them.
    assert.deepEqual(
      blocks(outcome).filter((block) => block.type === "figure"),
      [],
    );
    // Reading order: the text line first, then the codes row by row.
    const order = blocks(outcome).map((block) =>
      block.type === "barcode" ? details(block).decodedValue : block.content,
    );
    assert.deepEqual(order.slice(0, 3), [
      "Shipping label with codes below.",
      IMAGES[0]!.text,
      IMAGES[1]!.text,
    ]);
    assert.equal(order.at(-1), VECTOR.text);
  });

  it("decodes a QR code drawn as vector squares", async () => {
    const cells = await matrixModules("VECTOR-QR-5", "QRCode");
    const modules = Math.max(...cells.map(([column]) => column)) + 1;
    const pdf = await barcodePdf([], [{ cells, left: 200, top: 200, module: 3, height: 0 }]);
    const [code, ...rest] = barcodes(await parseDocument(pdf, PDF));
    assert.deepEqual(rest, []);
    assert.equal(details(code!).format, "QRCode");
    assert.equal(details(code!).decodedValue, "VECTOR-QR-5");
    within(code!, { left: 200, top: 200, right: 200 + 3 * modules, bottom: 200 + 3 * modules });
  });

  it("detects without decodedValue when reading is off, and clips images when asked", async () => {
    const outcome = await parseDocument(await labelPdf(), {
      ...PDF,
      config: { blockOptions: { barcodes: { readingEnabled: false, imageClippingEnabled: true } } },
    });
    const found = barcodes(outcome);
    assert.equal(found.length, IMAGES.length + 1);
    for (const block of found) {
      assert.equal(details(block).decodedValue, undefined);
      assert.ok(details(block).format);
      assert.equal(block.content, "<barcode></barcode>");
    }
    const images = outcome.status === "failure" ? [] : (outcome.figureImages ?? []);
    assert.deepEqual(images.map((image) => image.blockId).sort(), found.map((block) => block.id).sort());
    for (const image of images) assert.deepEqual([...image.png.subarray(1, 4)], [0x50, 0x4e, 0x47]); // "PNG"
  });

  it("annotates with brackets under enrichmentFormat bracket", async () => {
    const outcome = await parseDocument(await labelPdf(), {
      ...PDF,
      config: { advancedOptions: { enrichmentFormat: "bracket" } },
    });
    const qr = barcodes(outcome).find((block) => details(block).format === "QRCode");
    assert.equal(qr?.content, `[barcode: ${IMAGES[0]!.text}]`);
    assert.ok(
      outcome.status !== "failure" &&
        outcome.output.chunks[0]!.content.includes(`[barcode: ${IMAGES[1]!.text}]`),
    );
  });

  it("is skipped by parse_light, and finds nothing on a page of plain text", async () => {
    const light = await parseDocument(await labelPdf(), { ...PDF, config: { engine: "parse_light" } });
    assert.deepEqual(barcodes(light), []);
    const plain = await parseDocument(await barcodePdf([]), PDF);
    assert.deepEqual(barcodes(plain), []);
    assert.equal(blocks(plain).length, 1);
  });

  it("scans the whole page of an image input", async () => {
    const qr = await barcodePng("IMG-QR-7", "QRCode", 6);
    const ean = await barcodePng("4006381333931", "EAN13", 3);
    const page = await sharp({ create: { width: 900, height: 600, channels: 3, background: "#ffffff" } })
      .composite([
        { input: Buffer.from(qr), left: 100, top: 80 },
        { input: Buffer.from(ean), left: 450, top: 300 },
      ])
      .png()
      .toBuffer();
    const outcome = await parseDocument(new Uint8Array(page), {
      format: "png",
      maxPages: 1,
      chunking: "page",
    });
    const found = barcodes(outcome);
    assert.deepEqual(found.map((block) => details(block).format).sort(), ["EAN13", "QRCode"]);
    const qrBlock = found.find((block) => details(block).format === "QRCode")!;
    assert.equal(details(qrBlock).decodedValue, "IMG-QR-7");
    const qrSize = (await sharp(Buffer.from(qr)).metadata()).width!;
    within(qrBlock, { left: 100, top: 80, right: 100 + qrSize, bottom: 80 + qrSize });
  });

  it("scans a 300 DPI page image within the page-scan pixel budget, boxes still in image pixels", async () => {
    // A letter page at 300 DPI (8.4 MP, over MAX_PAGE_SCAN_PIXELS): a 20 mm QR code (6 px modules) and an
    // EAN-13 at its nominal 0.33 mm module (4 px), as a scanner delivers them.
    const qr = await barcodePng("SCAN-300-QR", "QRCode", 6);
    const ean = await barcodePng("4006381333931", "EAN13", 4);
    const page = await sharp({ create: { width: 2550, height: 3300, channels: 3, background: "#ffffff" } })
      .composite([
        { input: Buffer.from(qr), left: 1900, top: 200 },
        { input: Buffer.from(ean), left: 300, top: 2800 },
      ])
      .png()
      .toBuffer();
    assert.ok(2550 * 3300 > MAX_PAGE_SCAN_PIXELS);
    const outcome = await parseDocument(new Uint8Array(page), {
      format: "png",
      maxPages: 1,
      chunking: "page",
    });
    const found = barcodes(outcome);
    assert.deepEqual(found.map((block) => details(block).decodedValue).sort(), [
      "4006381333931",
      "SCAN-300-QR",
    ]);
    const qrBlock = found.find((block) => details(block).format === "QRCode")!;
    const qrSize = (await sharp(Buffer.from(qr)).metadata()).width!;
    within(qrBlock, { left: 1900, top: 200, right: 1900 + qrSize, bottom: 200 + qrSize });
  });

  it("reports a code on a photo OCR turned upright in the turned page's frame", async () => {
    // The tesseract test page turned a quarter to the left, a QR code (5 px modules, 20 px quiet zone)
    // composited at (20, 20) of the 480 × 640 upload: OCR turns the page 90° clockwise to read it.
    const qr = await barcodePng("ROT-QR-1", "QRCode", 5);
    const side = (await sharp(Buffer.from(qr)).metadata()).width!;
    const photo = await sharp(Buffer.from(corpusFile("tesseract-ocr-gt/phototest-rotated-L.png")))
      .composite([{ input: Buffer.from(qr), left: 20, top: 20 }])
      .png()
      .toBuffer();
    const outcome = await parseDocument(new Uint8Array(photo), {
      format: "png",
      maxPages: 1,
      chunking: "page",
      ocr: { engine: "tesseract-cli" },
    });
    const [code] = barcodes(outcome);
    assert.equal(details(code!).decodedValue, "ROT-QR-1");
    assert.deepEqual([code!.metadata.page?.width, code!.metadata.page?.height], [640, 480]);
    // Modules at 40–145 of the upload; (x, y) → (640 − y, x) once turned.
    const modules = { left: 20 + 20, top: 20 + 20, right: 20 + side - 20, bottom: 20 + side - 20 };
    within(code!, {
      left: 640 - modules.bottom,
      top: modules.left,
      right: 640 - modules.top,
      bottom: modules.right,
    });
  });

  it("reports a code on a scan OCR straightened where it is on the upload", async () => {
    // The synthetic page scanned 2.5° askew, a QR code (5 px modules, 20 px quiet zone) printed upright
    // at (40, 40) of the upload: OCR reads the page straightened, the code is found on the upload.
    const page = await syntheticPage(150);
    const askew = rotateByDegrees(page.image, 2.5);
    const qr = await barcodePng("SKEW-QR-2", "QRCode", 5);
    const side = (await sharp(Buffer.from(qr)).metadata()).width!;
    const scan = await sharp(askew.gray, { raw: { width: askew.width, height: askew.height, channels: 1 } })
      .composite([{ input: Buffer.from(qr), left: 40, top: 40 }])
      .png()
      .toBuffer();
    const outcome = await parseDocument(new Uint8Array(scan), {
      format: "png",
      maxPages: 1,
      chunking: "page",
      config: { advancedOptions: { pageRotationEnabled: true } },
      ocr: { engine: "tesseract-cli" },
    });
    const [code] = barcodes(outcome);
    assert.equal(details(code!).decodedValue, "SKEW-QR-2");
    // Mapped into the straightened frame and back, the box grows by a few points around the modules.
    const modules = { left: 60, top: 60, right: 40 + side - 20, bottom: 40 + side - 20 };
    const box = code!.boundingBox;
    for (const edge of ["left", "top", "right", "bottom"] as const)
      assert.ok(
        Math.abs(box[edge]! - modules[edge]) <= 6,
        `${edge}: ${JSON.stringify(box)} vs ${JSON.stringify(modules)}`,
      );
  });

  it("shrinks a raster to the pixel budget keeping its aspect and kind, and leaves a smaller one as it is", async () => {
    const rgba = new Uint8ClampedArray(3000 * 2000 * 4).fill(255);
    const shrunk = await withinPixelBudget({ width: 3000, height: 2000, rgba }, 1_500_000);
    assert.ok(shrunk.width * shrunk.height <= 1_500_000);
    assert.ok(Math.abs(shrunk.width / shrunk.height - 1.5) < 0.01);
    assert.ok("rgba" in shrunk && shrunk.rgba.length === shrunk.width * shrunk.height * 4);
    // Grey stays grey; a dark half stays dark and the light half light.
    const gray = new Uint8Array(3000 * 2000).fill(255);
    for (let row = 0; row < 2000; row++) gray.fill(20, row * 3000, row * 3000 + 1500);
    const grey = await withinPixelBudget({ width: 3000, height: 2000, gray }, 1_500_000);
    assert.ok("gray" in grey && grey.gray.length === grey.width * grey.height);
    assert.deepEqual([grey.width, grey.height], [shrunk.width, shrunk.height]);
    assert.deepEqual([grey.gray[10], grey.gray[grey.width - 10]], [20, 255]);
    const small = { width: 100, height: 100, rgba: new Uint8ClampedArray(100 * 100 * 4) };
    assert.equal(await withinPixelBudget(small, 1_500_000), small);
  });

  it("scans a scanned PDF page (an image without a text layer) whole, and finds nothing on a blank one", async () => {
    const qr = await barcodePng("SCAN-QR-9", "QRCode", 5);
    const side = (await sharp(Buffer.from(qr)).metadata()).width!;
    // A letter page scanned at 150 DPI with the code 300 px from the left, 450 px from the top.
    const scan = await sharp({ create: { width: 1275, height: 1650, channels: 3, background: "#ffffff" } })
      .composite([{ input: Buffer.from(qr), left: 300, top: 450 }])
      .png()
      .toBuffer();
    const pdf = await barcodePdf(
      [{ png: new Uint8Array(scan), left: 0, top: 0, width: 612, height: 792 }],
      [],
      {
        text: false,
        blankPages: 1,
      },
    );
    // Without OCR the page is rendered for the scan; with it, the scan is cut from the OCR raster.
    for (const options of [PDF, { ...PDF, ocr: { engine: "tesseract-cli" as const } }]) {
      const outcome = await parseDocument(pdf.slice(), options);
      const [code, ...rest] = barcodes(outcome);
      assert.deepEqual(rest, []);
      assert.equal(details(code!).decodedValue, "SCAN-QR-9");
      const points = 72 / 150;
      within(code!, {
        left: 300 * points,
        top: 450 * points,
        right: (300 + side) * points,
        bottom: (450 + side) * points,
      });
      assert.deepEqual(code!.metadata.page?.number, 1);
    }
  });

  it("reads the QR code of a Swiss QR bill photo", async () => {
    const outcome = await parseDocument(corpusFile("docling-groundtruth/ocr/sources/qr_bill_example.jpg"), {
      format: "jpeg",
      maxPages: 1,
      chunking: "page",
    });
    const [qr] = barcodes(outcome);
    assert.ok(qr);
    assert.equal(details(qr).format, "QRCode");
    assert.ok(details(qr).decodedValue?.startsWith("SPC"));
    assert.ok(qr.content.startsWith("<barcode>SPC"));
  });

  it("reads the printed codes of corpus PDFs", async () => {
    const form = await parseDocument(corpusFile("forms-acroform/pypdfform/scenario/existed/DS82.pdf"), PDF);
    assert.deepEqual(
      barcodes(form).map((block) => [details(block).format, details(block).decodedValue]),
      [["Code128", "DS 82 C 03 2022 1"]],
    );
    const report = await parseDocument(corpusFile("docling-groundtruth/pdf/sources/normal_4pages.pdf"), PDF);
    const [qr, ...rest] = barcodes(report);
    assert.deepEqual(rest, []);
    assert.equal(details(qr!).format, "QRCode");
    assert.ok(details(qr!).decodedValue?.startsWith("http://m.nars.go.kr/"));
  });
});
