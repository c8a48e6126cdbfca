/**
 * Scanned pages drawn from their image streams: the pixels must match pdf.js's render of the same page
 * (upright, turned, placed in part of the page, clipped, resampled up and down), and pages that are more
 * than one plain image must be left to pdf.js.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import {
  clip,
  concatTransformationMatrix,
  degrees,
  drawObject,
  endPath,
  PDFDocument,
  PDFName,
  PDFOperator,
  PDFOperatorNames,
  type PDFPage,
  type PDFRef,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
} from "pdf-lib";
import sharp from "sharp";
import { rgbaToGray } from "../ocr/raster.ts";
import { corpusFile } from "../test-support/pdf-fixtures.ts";
import { loadPdf } from "./pdfjs.ts";
import { renderPdfPage } from "./render-page.ts";
import { ScanPageRasters } from "./scan-page-raster.ts";

const WIDTH = 240;
const HEIGHT = 320;

/** A grey test card: gradients, fine stripes and a dark block, so resampling errors show. */
function testCard(): Uint8Array {
  const gray = new Uint8Array(WIDTH * HEIGHT);
  for (let y = 0; y < HEIGHT; y++)
    for (let x = 0; x < WIDTH; x++) {
      const stripes = (x >> 1) % 2 === 0 ? 0 : 90;
      const block = x > 40 && x < 90 && y > 200 && y < 260 ? 0 : 255;
      gray[y * WIDTH + x] = Math.min(block, Math.round((x / WIDTH) * 120 + (y / HEIGHT) * 45) + stripes);
    }
  return gray;
}

function grayImage(document: PDFDocument, extra: Record<string, unknown> = {}): PDFRef {
  const stream = document.context.flateStream(testCard(), {
    Type: "XObject",
    Subtype: "Image",
    Width: WIDTH,
    Height: HEIGHT,
    ColorSpace: "DeviceGray",
    BitsPerComponent: 8,
    ...extra,
  });
  return document.context.register(stream);
}

/** Paints the image with `matrix` (unit square → user space), optionally inside a clip rectangle. */
function paint(page: PDFPage, image: PDFRef, matrix: number[], clipBox?: number[]) {
  const name = page.node.newXObject("Scan", image);
  const [a, b, c, d, e, f] = matrix as [number, number, number, number, number, number];
  page.pushOperators(
    pushGraphicsState(),
    ...(clipBox === undefined
      ? []
      : [rectangle(clipBox[0]!, clipBox[1]!, clipBox[2]!, clipBox[3]!), clip(), endPath()]),
    concatTransformationMatrix(a, b, c, d, e, f),
    drawObject(name),
    popGraphicsState(),
  );
}

async function scanPdf(build: (document: PDFDocument, page: PDFPage) => void, rotate = 0) {
  const document = await PDFDocument.create();
  const page = document.addPage([180, 240]);
  build(document, page);
  if (rotate !== 0) page.setRotation(degrees(rotate));
  return document.save();
}

/** The fast raster and pdf.js's grey render of page 1 at `dpi`; fast is undefined when it fell back. */
async function bothRasters(pdf: Uint8Array, dpi: number) {
  const task = loadPdf(pdf.slice(), undefined);
  try {
    const document = await task.promise;
    const page = await document.getPage(1);
    const fast = await new ScanPageRasters(document).render(page, 1, { dpi });
    const rendered = await renderPdfPage(page, { dpi });
    page.cleanup();
    return { fast, slow: { image: rgbaToGray(rendered), scale: rendered.scale } };
  } finally {
    await task.destroy();
  }
}

async function assertMatches(pdf: Uint8Array, dpi: number, tolerance = { mean: 0.1, worst: 4 }) {
  const { fast, slow } = await bothRasters(pdf, dpi);
  assert.ok(fast !== undefined, "the page was drawn from its image");
  assert.deepEqual([fast.image.width, fast.image.height], [slow.image.width, slow.image.height]);
  assert.equal(fast.scale, slow.scale);
  let sum = 0;
  let worst = 0;
  for (let at = 0; at < slow.image.gray.length; at++) {
    const difference = Math.abs(fast.image.gray[at]! - slow.image.gray[at]!);
    sum += difference;
    worst = Math.max(worst, difference);
  }
  const mean = sum / slow.image.gray.length;
  assert.ok(mean < tolerance.mean, `mean difference ${mean.toFixed(3)} at ${dpi} DPI`);
  assert.ok(worst <= tolerance.worst, `largest difference ${worst} at ${dpi} DPI`);
}

const FULL_PAGE = [180, 0, 0, 240, 0, 0];

it("draws a full-page scan as pdf.js does, down, up and at a third of the image's resolution", async () => {
  const pdf = await scanPdf((document, page) => paint(page, grayImage(document), FULL_PAGE));
  for (const dpi of [96, 72, 150, 31]) await assertMatches(pdf, dpi);
});

it("draws turned pages (/Rotate 90, 180, 270) as pdf.js does", async () => {
  for (const rotate of [90, 180, 270]) {
    const pdf = await scanPdf((document, page) => paint(page, grayImage(document), FULL_PAGE), rotate);
    for (const dpi of [100, 45]) await assertMatches(pdf, dpi);
  }
});

it("draws an image placed in part of the page, flipped, quarter-turned and clipped, padding white", async () => {
  const placed = await scanPdf((document, page) =>
    paint(page, grayImage(document), [-100, 0, 0, 150, 140, 50], [30.3, 60.7, 90, 120]),
  );
  await assertMatches(placed, 100);
  const turned = await scanPdf((document, page) =>
    paint(page, grayImage(document), [0, -150, 120, 0, 20, 200]),
  );
  await assertMatches(turned, 100);
});

it("draws ICC-based scans under a rendering intent as pdf.js does (the corpus' quarter-turned colour fax too)", async () => {
  // A one-component ICC space whose profile pdf.js cannot use falls back to its alternate, DeviceGray.
  const pdf = await scanPdf((document, page) => {
    const profile = document.context.register(
      document.context.stream(new Uint8Array(128), { N: 1, Alternate: "DeviceGray" }),
    );
    const space = document.context.obj([PDFName.of("ICCBased"), profile]);
    page.pushOperators(PDFOperator.of(PDFOperatorNames.SetRenderingIntent, [PDFName.of("Perceptual")]));
    paint(page, grayImage(document, { ColorSpace: space }), FULL_PAGE);
  });
  for (const dpi of [72, 150]) await assertMatches(pdf, dpi);
  // A real profile, applied by pdf.js and not here: a screenshot of a fax, RGB, placed under /Rotate 90 and
  // enlarged to 300 DPI.
  const fax = corpusFile("docling-groundtruth/ocr/sources/sample_with_rotation_mismatch.pdf");
  await assertMatches(fax, 300, { mean: 0.01, worst: 1 });
});

it("draws JPEG scans (DCTDecode, grey and colour) as pdf.js does, within decoder rounding", async () => {
  for (const channels of [1, 3] as const) {
    const card = testCard();
    const pixels =
      channels === 1
        ? card
        : Uint8Array.from(
            { length: card.length * 3 },
            (_, at) => card[Math.floor(at / 3)]! ^ ((at % 3) * 40),
          );
    const raw = sharp(pixels, { raw: { width: WIDTH, height: HEIGHT, channels } });
    const jpeg = await (channels === 1 ? raw.toColourspace("b-w") : raw)
      .jpeg({ quality: 90, chromaSubsampling: "4:4:4" })
      .toBuffer();
    const pdf = await scanPdf((document, page) => {
      const name = page.node.newXObject(
        "Scan",
        document.context.register(
          document.context.stream(jpeg, {
            Type: "XObject",
            Subtype: "Image",
            Width: WIDTH,
            Height: HEIGHT,
            ColorSpace: channels === 1 ? "DeviceGray" : "DeviceRGB",
            BitsPerComponent: 8,
            Filter: "DCTDecode",
          }),
        ),
      );
      page.pushOperators(
        pushGraphicsState(),
        concatTransformationMatrix(180, 0, 0, 240, 0, 0),
        drawObject(name),
        popGraphicsState(),
      );
    });
    // pdf.js decodes JPEG with its own decoder, sharp with libjpeg-turbo, and colour is turned grey before
    // resampling here, after it there: rounding differs a little.
    await assertMatches(pdf, 72, { mean: 0.5, worst: 4 });
  }
});

it("hands over a page drawn ahead once, for the same page and resolution only", async () => {
  const pdf = await scanPdf((document, page) => paint(page, grayImage(document), FULL_PAGE));
  const task = loadPdf(pdf.slice(), undefined);
  try {
    const document = await task.promise;
    const page = await document.getPage(1);
    const rasters = new ScanPageRasters(document);
    const ahead = await rasters.prefetch(page, 1, { dpi: 100 });
    assert.ok(ahead !== undefined);
    // The raster drawn ahead is the one the render gets (the same object), and only once.
    assert.equal(await rasters.render(page, 1, { dpi: 100 }), ahead);
    const again = await rasters.render(page, 1, { dpi: 100 });
    assert.notEqual(again, ahead);
    assert.deepEqual(again, ahead);
    // Another resolution draws anew (and drops what was drawn ahead).
    const other = await rasters.prefetch(page, 1, { dpi: 100 });
    const finer = await rasters.render(page, 1, { dpi: 150 });
    assert.notEqual(finer, other);
    assert.notEqual(await rasters.render(page, 1, { dpi: 100 }), other);
  } finally {
    await task.destroy();
  }
});

it("leaves pages that are more than one plain image to pdf.js", async () => {
  const cases: Array<(document: PDFDocument, page: PDFPage) => void> = [
    // Text over the scan.
    (document, page) => {
      paint(page, grayImage(document), FULL_PAGE);
      page.drawText("invisible layer", { x: 10, y: 10, size: 8 });
    },
    // A vector drawing.
    (document, page) => {
      paint(page, grayImage(document), FULL_PAGE);
      page.drawRectangle({ x: 10, y: 10, width: 20, height: 20, color: rgb(1, 0, 0) });
    },
    // Two images.
    (document, page) => {
      paint(page, grayImage(document), [90, 0, 0, 240, 0, 0]);
      paint(page, grayImage(document), [90, 0, 0, 240, 90, 0]);
    },
    // A decode array (inverted samples), another colour space, a soft mask, a skewed placement.
    (document, page) => paint(page, grayImage(document, { Decode: [1, 0] }), FULL_PAGE),
    (document, page) => paint(page, grayImage(document, { ColorSpace: "CalGray" }), FULL_PAGE),
    // A four-component (CMYK) ICC space.
    (document, page) => {
      const profile = document.context.register(document.context.stream(new Uint8Array(128), { N: 4 }));
      const space = document.context.obj([PDFName.of("ICCBased"), profile]);
      paint(page, grayImage(document, { ColorSpace: space }), FULL_PAGE);
    },
    (document, page) => paint(page, grayImage(document, { SMask: grayImage(document) }), FULL_PAGE),
    (document, page) => paint(page, grayImage(document), [170, 20, -20, 230, 10, 0]),
    // An image ten times the page's size, mostly off it.
    (document, page) => paint(page, grayImage(document), [1800, 0, 0, 2400, -900, -1200]),
  ];
  for (const build of cases) {
    const { fast } = await bothRasters(await scanPdf(build), 72);
    assert.equal(fast, undefined);
  }
});
